/**
 * Links from a risk file to its IaC (`iac:`): the templates are read through `ctx.analysisOf`, which records the
 * dependency so an edit to a template re-checks this file. Claims the IaC does not back become diagnostics.
 */
import { closest } from '../catalog/ids';
import { Analysis, EngineContext, templateOf } from '../context';
import { phrase, Phrase } from '../i18n/text';
import { Template } from '../model/template';
import { Finding } from '../model/types';
import { Diagnostics } from './diagnostics';
import { replaceScalar, replacementFixes } from './edits';
import { lookupId } from './lookup';
import { RiskDocument, Str } from './model';

export interface LinkedFile {
  path: Str;
  /** Why the entry cannot name one file (a folder, a wildcard, empty); such entries are not read. */
  notAFile?: Phrase;
  uri?: string;
  analysis?: Analysis;
  template?: Template;
}

export function resolveUri(base: string, relative: string): string | undefined {
  // An unsaved draft named after its future file (untitled:/dir/x.risk.yaml) links to files beside that path on disk.
  const from = /^untitled:\//.test(base) ? 'file://' + base.slice('untitled:'.length) : base;
  try {
    return new URL(relative.trim().replace(/\\/g, '/'), from).href;
  } catch {
    return undefined;
  }
}

/** Why an `iac:` entry cannot name one file (empty, a folder, a wildcard), or undefined when it can. */
function notAFile(path: string): Phrase | undefined {
  const p = path.trim();
  if (!p) return phrase('emptyPath');
  if (/[*?[\]{}]/.test(p)) return phrase('wildcardPath');
  if (/[/\\]$/.test(p) || p === '.' || p === '..') return phrase('folderPath');
  return undefined;
}

export function resolveLinks(doc: RiskDocument, uri: string, ctx: EngineContext): LinkedFile[] {
  return (doc.assessment?.iac ?? []).map(p => {
    const why = notAFile(p.text);
    if (why) return { path: p, notAFile: why };
    const target = resolveUri(uri, p.text);
    const analysis = target && target !== uri ? ctx.analysisOf?.(target) : undefined;
    return { path: p, uri: target, analysis, template: templateOf(analysis) };
  });
}

/** Findings that currently fire (not suppressed) in the linked files. */
export function openIacFindings(links: LinkedFile[]): Finding[] {
  return links.flatMap(l => (l.analysis?.findings ?? []).filter(f => !f.suppressed));
}

export function checkLinks(d: Diagnostics, doc: RiskDocument, links: LinkedFile[]): void {
  const canRead = !!d.ctx.analysisOf;
  for (const l of links) {
    if (l.notAFile)
      d.add('risk-iac-not-a-file', l.path.start, l.path.end, { path: l.path.text.trim() || '""', what: l.notAFile });
    else if (!l.analysis) {
      if (canRead && l.uri) d.add('risk-iac-missing', l.path.start, l.path.end, { path: l.path.text });
    } else if (l.analysis.kind === 'none') {
      d.add('risk-iac-not-template', l.path.start, l.path.end, { path: l.path.text });
    }
  }
  const templates = links.filter(l => l.template);
  if (!templates.length) return;
  const types = new Set(templates.flatMap(l => l.template!.resources.map(r => r.type)));
  const logicalIds = templates.flatMap(l => l.template!.resources.map(r => r.logicalId));
  const { catalog } = d.ctx;
  const firingByRule = new Map<string, { f: Finding; l: LinkedFile }[]>();
  for (const l of templates)
    for (const f of l.analysis!.findings) {
      if (!f.suppressed) firingByRule.set(f.rule, [...(firingByRule.get(f.rule) ?? []), { f, l }]);
    }
  const logicalIdSet = new Set(logicalIds);
  for (const risk of doc.risks)
    for (const c of risk.controls) {
      for (const r of c.rules) {
        const meta = catalog.rules.get(r.text.trim());
        if (!meta) continue;
        const firing = firingByRule.get(meta.id) ?? [];
        if (firing.length) {
          const where = firing.map(({ f, l }) => `${f.resource ?? '?'} (${l.path.text}:${f.range.start.line + 1})`);
          const locations =
            where.length > 3 ? `${where.slice(0, 3).join(', ')} … (+${where.length - 3})` : where.join(', ');
          d.add(
            'risk-control-contradicted',
            r.start,
            r.end,
            { rule: meta.id, locations },
            {
              related: firing.map(({ f }) => ({ uri: f.uri, range: f.range, message: { finding: f } })),
              resource: firing[0].f.resource,
            },
          );
        } else if (meta.appliesTo?.length && !meta.appliesTo.some(t => types.has(t))) {
          d.add('risk-rule-not-applicable', r.start, r.end, { rule: meta.id, types: meta.appliesTo.join(', ') });
        }
      }
      for (const s of c.services) {
        const svc = lookupId(catalog, s.text, 'service');
        if (svc?.kind !== 'service' || !svc.entry.resourceTypes.length) continue;
        if (!svc.entry.resourceTypes.some(t => types.has(t))) {
          d.add('risk-service-not-in-iac', s.start, s.end, {
            service: svc.id,
            types: svc.entry.resourceTypes.join(', '),
          });
        }
      }
      for (const res of c.resources) {
        if (logicalIdSet.has(res.text)) continue;
        const s = closest(res.text, logicalIds, 3);
        d.add(
          'risk-unknown-resource',
          res.start,
          res.end,
          { value: res.text, hint: d.hint(s) },
          { fixes: replacementFixes(x => replaceScalar(d.lines, res, x), s) },
        );
      }
    }
}
