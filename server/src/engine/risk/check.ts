/** Diagnostics of a risk document: shape, IDs, values, levels, treatment; coverage and IaC links live beside. */
import { Args } from '../i18n/text';
import { closest } from '../catalog/ids';
import { EntryKind } from '../catalog/types';
import { Diagnostics } from './diagnostics';
import { labelledValue, lookupId } from './lookup';
import { replaceRange, replaceScalar, replacementFixes } from './edits';
import { TYPE_NAMES, KeyType } from './keys';
import {
  inScale,
  levelIds,
  levelOf,
  levelRank,
  matrixProblems,
  normalizeLevel,
  Thresholds,
  thresholdsOf,
} from './levels';
import { Control, Num, Risk, RiskDocument, Str } from './model';

export const LABEL_FIELDS = {
  treatment: 'treatments',
  perspective: 'perspectives',
  owner: 'owners',
  classification: 'classifications',
} as const;

export function checkDocument(doc: RiskDocument, d: Diagnostics): void {
  const { catalog } = d.ctx;
  for (const i of doc.issues) {
    const args: Args = { ...i.args };
    if (i.rule === 'risk-wrong-type') args.expected = TYPE_NAMES[i.args.expected as KeyType];
    if (i.rule === 'risk-unknown-key') args.hint = d.hint(i.replacements ?? []);
    const fixes = i.replacements
      ? replacementFixes(c => replaceRange(d.lines, i.start, i.end, c), i.replacements)
      : undefined;
    d.add(i.rule, i.start, i.end, args, fixes ? { fixes } : {});
  }
  const a = doc.assessment;
  if (a) {
    if (a.guideline && !catalog.editions.has(a.guideline.text.trim())) {
      unknownValue(
        d,
        a.guideline,
        'guideline',
        [...catalog.editions.keys()],
        catalog.suggest(a.guideline.text, 'edition'),
      );
    }
    if (a.acceptance) checkLevelValue(d, a.acceptance, 'acceptance');
    if (a.matrix)
      for (const p of matrixProblems(catalog, a.matrix))
        d.add('risk-matrix-invalid', p.start, p.end, { detail: p.detail });
  }
  duplicates(
    d,
    doc.flows.map(f => f.id),
  );
  duplicates(
    d,
    doc.risks.map(r => r.id),
  );
  duplicates(
    d,
    doc.risks.flatMap(r => r.controls.map(c => c.id)),
  );
  for (const f of doc.flows) if (f.classification) labelled(d, f.classification, 'classification');
  const thresholds = thresholdsOf(catalog, doc);
  const flowIds = doc.flows.map(f => f.id?.text).filter((x): x is string => !!x);
  for (const r of doc.risks) checkRisk(d, doc, r, thresholds, flowIds);
}

function checkRisk(d: Diagnostics, doc: RiskDocument, r: Risk, thresholds: Thresholds, flowIds: string[]) {
  const { catalog } = d.ctx;
  if (r.flow && !flowIds.includes(r.flow.text)) {
    unknownId(d, 'risk-unknown-flow', r.flow, closest(r.flow.text, flowIds, 3));
  }
  if (r.threat) catalogId(d, r.threat, 'threat', 'risk-unknown-threat');
  for (const s of r.scenarios) catalogId(d, s, 'scenario', 'risk-unknown-scenario');
  scale(d, r.impact, 'impact');
  scale(d, r.likelihood, 'likelihood');
  const treatment = r.treatment ? labelled(d, r.treatment, 'treatment') : undefined;
  const initial = levelAgreement(d, r.level, r.impact, r.likelihood, thresholds);
  let residual = initial;
  if (r.residual) {
    scale(d, r.residual.impact, 'impact');
    scale(d, r.residual.likelihood, 'likelihood');
    residual = levelAgreement(d, r.residual.level, r.residual.impact, r.residual.likelihood, thresholds);
    if (initial && residual && levelRank(catalog, residual) < levelRank(catalog, initial)) {
      const lv = r.residual.level;
      const [s, e] = lv ? [lv.start, lv.end] : [r.residual.entry.keyStart, r.residual.entry.keyEnd];
      d.add('risk-residual-above-initial', s, e, { residual, initial });
    }
  }
  for (const c of r.controls) checkControl(d, c);
  const id = r.id?.text ?? '?';
  const idRange = r.id ?? { start: r.obj.node.start, end: r.obj.node.start };
  if ((treatment === 'reduce' || treatment === 'avoid') && !r.controls.length) {
    d.add('risk-no-controls', r.treatment!.start, r.treatment!.end, { id, treatment: r.treatment!.text });
  }
  if (treatment === 'accept') {
    if (!r.justification) d.add('risk-accept-unjustified', r.treatment!.start, r.treatment!.end, { id });
    if (initial && levelRank(catalog, initial) <= levelRank(catalog, 'A'))
      d.add('risk-accept-high-level', r.treatment!.start, r.treatment!.end, { id, level: initial });
  }
  const acceptance = doc.assessment?.acceptance ? normalizeLevel(doc.assessment.acceptance.text) : undefined;
  if (
    residual &&
    acceptance &&
    levelIds(catalog).includes(acceptance) &&
    levelRank(catalog, residual) < levelRank(catalog, acceptance) &&
    (!r.justification || !r.acceptedBy)
  ) {
    d.add('risk-residual-unjustified', idRange.start, idRange.end, { id, residual, acceptance });
  }
}

function checkControl(d: Diagnostics, c: Control) {
  if (c.perspective) labelled(d, c.perspective, 'perspective');
  if (c.owner) labelled(d, c.owner, 'owner');
  for (const s of c.services) catalogId(d, s, 'service', 'risk-unknown-service');
  for (const g of c.guidelines) catalogId(d, g, 'guideline', 'risk-unknown-guideline-item');
  const rules = d.ctx.catalog.rules;
  for (const r of c.rules) {
    const meta = rules.get(r.text.trim());
    if (meta && meta.family !== 'core' && meta.family !== 'risk') continue;
    unknownId(
      d,
      'risk-unknown-rule',
      r,
      d.ctx.catalog.suggest(r.text, 'rule').filter(id => !['core', 'risk'].includes(rules.get(id)!.family)),
    );
  }
}

/** Checks a written level is a level, and (given impact and likelihood) that it matches; returns the level in force. */
function levelAgreement(
  d: Diagnostics,
  level: Str | undefined,
  impact: Num | undefined,
  likelihood: Num | undefined,
  thresholds: Thresholds,
): string | undefined {
  const computed =
    impact && likelihood && inScale(impact.value) && inScale(likelihood.value)
      ? levelOf(thresholds, impact.value, likelihood.value)
      : undefined;
  if (level && !checkLevelValue(d, level, 'level')) return computed;
  if (level && computed && normalizeLevel(level.text) !== computed) {
    const fix = d.fix(d.fixTitle('risk-level-mismatch', { level: computed }), [
      replaceScalar(d.lines, level, computed),
    ]);
    d.add(
      'risk-level-mismatch',
      level.start,
      level.end,
      {
        value: level.text,
        impact: impact!.value,
        likelihood: likelihood!.value,
        score: impact!.value * likelihood!.value,
        expected: computed,
      },
      { fixes: [fix] },
    );
  }
  return computed;
}

function checkLevelValue(d: Diagnostics, s: Str, field: string): boolean {
  const ids = levelIds(d.ctx.catalog);
  if (ids.includes(normalizeLevel(s.text))) return true;
  unknownValue(d, s, field, ids, []);
  return false;
}

function scale(d: Diagnostics, n: Num | undefined, key: string) {
  if (n && !inScale(n.value)) d.add('risk-value-out-of-range', n.start, n.end, { key, value: n.value });
}

/** A value from a risk-model list (treatment, perspective, owner, classification); returns its canonical ID. */
function labelled(d: Diagnostics, s: Str, field: keyof typeof LABEL_FIELDS): string | undefined {
  const kind = LABEL_FIELDS[field];
  const hit = labelledValue(d.ctx.catalog, kind, s.text);
  if (hit) return hit.id;
  const all = d.ctx.catalog.data.riskModel[kind];
  const names = all.flatMap(x => [x.id, x.label.ja]);
  const close = names
    .filter(n => n.toLowerCase().startsWith(s.text.trim().toLowerCase().slice(0, 2)) && s.text.trim().length >= 2)
    .slice(0, 3);
  unknownValue(
    d,
    s,
    field,
    all.map(x => x.id),
    close,
  );
  return undefined;
}

function unknownValue(d: Diagnostics, s: Str, field: string, allowed: string[], candidates: string[]) {
  const fixes = replacementFixes(c => replaceScalar(d.lines, s, c), candidates);
  d.add(
    'risk-unknown-value',
    s.start,
    s.end,
    { value: s.text, field, allowed: allowed.join(', '), hint: d.hint(candidates) },
    { fixes },
  );
}

function catalogId(d: Diagnostics, s: Str, kind: EntryKind, rule: string) {
  if (lookupId(d.ctx.catalog, s.text, kind)) return;
  unknownId(d, rule, s, d.ctx.catalog.suggest(s.text, kind));
}

function unknownId(d: Diagnostics, rule: string, s: Str, candidates: string[]) {
  const fixes = replacementFixes(c => replaceScalar(d.lines, s, c), candidates);
  d.add(rule, s.start, s.end, { value: s.text, hint: d.hint(candidates) }, { fixes });
}

function duplicates(d: Diagnostics, ids: (Str | undefined)[]) {
  const first = new Map<string, Str>();
  for (const id of ids) {
    if (!id) continue;
    const prev = first.get(id.text);
    if (prev)
      d.add('risk-duplicate-id', id.start, id.end, { id: id.text, line: d.lines.position(prev.start).line + 1 });
    else first.set(id.text, id);
  }
}
