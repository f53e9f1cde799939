import { Catalog } from '../catalog/catalog';
import { Analysis, EngineContext } from '../context';
import { fill, makeFinding, pick, ruleMeta } from '../findings';
import { templateFixEdits } from '../fixes/template-fix';
import { get, isMap, scalarString } from '../model/node';
import { Resource, SourceFormat, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { DocSymbol, Finding, Fix } from '../model/types';
import { parseTemplate } from '../parse/cloudformation';
import { rulesForType, TEMPLATE_RULES } from '../rules/registry';
import { FixSpec, Rule, RuleContext, RuleReport } from '../rules/types';
import { describeCauses } from './evaluate';
import { collectSuppressions, Suppressions } from './suppress';

const ACCOUNT_LEVEL_TYPES =
  /^AWS::(CloudTrail::Trail|GuardDuty::Detector|Config::(ConfigurationRecorder|DeliveryChannel)|SecurityHub::Hub|Organizations::.*|AccessAnalyzer::Analyzer)$/;

/** Does this template set up an account (baseline / landing zone), so account-level rules apply? */
export function isAccountBaseline(t: Template): boolean {
  const flag = get(get(t.metadata, 'iryo-guard'), 'accountBaseline');
  if (flag && scalarString(flag) !== undefined) return scalarString(flag) === 'true';
  return t.resources.some(r => ACCOUNT_LEVEL_TYPES.test(r.type));
}

export function analyzeTemplateText(uri: string, text: string, format: SourceFormat, ctx: EngineContext): Analysis {
  const lines = new LineIndex(text);
  const parsed = parseTemplate(uri, text, format, lines);
  const findings: Finding[] = [];
  if (!parsed.isTemplate) return { uri, kind: 'none', text, lines, findings, symbols: [] };
  for (const p of parsed.problems) {
    findings.push(
      makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, lines.range(p.start, p.end), {
        detail: pick(p.message, ctx.settings.lang),
      }),
    );
  }
  const t = parsed.template;
  if (!t) return { uri, kind: 'cloudformation', text, lines, findings, symbols: [] };
  findings.push(...runRules(t, ctx));
  return { uri, kind: 'cloudformation', text, lines, findings, symbols: templateSymbols(t), model: t };
}

/** Runs every applicable rule on a template (CloudFormation or CDK-derived) and applies suppressions. */
export function runRules(
  t: Template,
  ctx: EngineContext,
  fixer: (t: Template, f: FixSpec) => Fix['edit'] | undefined = defaultFixer,
): Finding[] {
  const { catalog, settings } = ctx;
  const lang = settings.lang;
  const accountLevel =
    settings.accountLevelRules === 'always' || (settings.accountLevelRules === 'auto' && isAccountBaseline(t));
  const disabled = new Set(settings.disabledRules);
  const suppressions = collectSuppressions(t, ctx);
  const out: Finding[] = [...suppressions.problems];
  let current: Rule | undefined;
  let currentResource: Resource | undefined;
  const rctx: RuleContext = {
    template: t,
    catalog,
    settings,
    lang,
    accountLevel,
    report: (r: RuleReport) => {
      const id = r.rule ?? current!.id;
      if (disabled.has(id)) return;
      const resource = r.resource ?? currentResource;
      out.push(toFinding(t, catalog, ctx, id, resource, r, suppressions, fixer));
    },
  };
  const run = (rule: Rule, f: () => void) => {
    if (disabled.has(rule.id) || (rule.accountLevel && !accountLevel)) return;
    current = rule;
    try {
      f();
    } catch (e) {
      out.push(
        makeFinding(
          catalog,
          settings,
          'engine-error',
          t.uri,
          t.lines.range(currentResource?.idStart ?? 0, currentResource?.idEnd ?? 0),
          { rule: rule.id, detail: e instanceof Error ? e.message : String(e) },
        ),
      );
    }
  };
  for (const r of t.resources) {
    currentResource = r;
    for (const rule of rulesForType(r.type)) if (rule.checkResource) run(rule, () => rule.checkResource!(r, rctx));
  }
  currentResource = undefined;
  for (const rule of TEMPLATE_RULES) run(rule, () => rule.checkTemplate!(t, rctx));
  return out;
}

function defaultFixer(t: Template, f: FixSpec): Fix['edit'] | undefined {
  const edits = templateFixEdits(t, f);
  return edits && edits.length ? { [t.uri]: edits } : undefined;
}

function toFinding(
  t: Template,
  catalog: Catalog,
  ctx: EngineContext,
  id: string,
  resource: Resource | undefined,
  r: RuleReport,
  sup: Suppressions,
  fixer: (t: Template, f: FixSpec) => Fix['edit'] | undefined,
): Finding {
  const lang = ctx.settings.lang;
  const at = r.at ?? (resource ? { start: resource.idStart, end: resource.idEnd } : { start: 0, end: 0 });
  const args = { resource: resource?.logicalId, type: resource?.type, ...r.args };
  const meta = ruleMeta(catalog, id);
  const f = makeFinding(catalog, ctx.settings, id, t.uri, t.lines.range(at.start, at.end), args, {
    resource: resource?.logicalId,
  });
  f.message += describeCauses(r.via ?? [], lang);
  // A resource inside a Fn::ForEach loop is a template: a new resource referring to it would sit outside the loop.
  const addsResource = (spec: FixSpec) => spec.kind === 'addResource' || (spec.also ?? []).some(addsResource);
  const specs = (r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : []).filter(
    spec => !resource?.loop || !addsResource(spec),
  );
  if (specs.length) {
    // Edits are computed on first use (a code action, a test, the CLI's fix mode), not on every keystroke.
    let fixes: Fix[] | undefined | null = null;
    Object.defineProperty(f, 'fixes', {
      enumerable: true,
      configurable: true,
      get: () => {
        if (fixes !== null) return fixes;
        const out: Fix[] = [];
        for (const spec of specs) {
          const edit = fixer(t, spec);
          if (edit)
            out.push({
              title:
                pick(spec.title ?? meta.fix?.title, lang) ||
                fill(lang === 'ja' ? '{rule} を修正' : 'Fix {rule}', { rule: id }),
              edit,
              isPreferred: out.length === 0,
            });
        }
        return (fixes = out.length ? out : undefined);
      },
    });
  }
  const reason = sup.reasonFor(id, resource);
  if (reason !== undefined) f.suppressed = { reason };
  return f;
}

export function templateSymbols(t: Template): DocSymbol[] {
  const out: DocSymbol[] = [];
  const section = (name: string, kind: DocSymbol['kind']) => {
    const e = t.root.entries.find(x => x.key === name);
    if (!e || !isMap(e.value)) return;
    out.push({
      name,
      kind: 'section',
      range: t.lines.range(e.keyStart, e.value.end),
      selectionRange: t.lines.range(e.keyStart, e.keyEnd),
      children: e.value.entries.map(c => ({
        name: c.key,
        kind,
        detail: kind === 'resource' ? scalarString(get(c.value, 'Type')) : undefined,
        range: t.lines.range(c.keyStart, Math.max(c.value.end, c.keyEnd)),
        selectionRange: t.lines.range(c.keyStart, c.keyEnd),
      })),
    });
  };
  section('Parameters', 'parameter');
  section('Conditions', 'condition');
  section('Resources', 'resource');
  section('Outputs', 'output');
  return out;
}
