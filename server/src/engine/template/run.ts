import { Catalog } from '../catalog/catalog';
import { EngineContext, FixSource } from '../context';
import { makeFinding, ruleMeta } from '../findings';
import { FixSpec } from '../fixes/spec';
import { Lang, phrase, render } from '../i18n/text';
import { Resource, Template } from '../model/template';
import { Finding, Fix } from '../model/types';
import { rulesForType, TEMPLATE_RULES } from '../rules/registry';
import { Rule, RuleContext, RuleReport } from '../rules/types';
import { isAccountBaseline } from './account';
import { collectSuppressions, Suppressions } from './suppress';

/** Turns a format-neutral fix into edits in the template's own source format. */
export type Fixer = (t: Template, f: FixSpec) => Fix['edit'] | undefined;

export interface RuleRun {
  findings: Finding[];
  /** Indexed by `Finding.fix`. */
  fixes: FixSource[];
}

/** Runs every applicable rule on a template (CloudFormation or CDK-derived) and applies suppressions. */
export function runRules(t: Template, ctx: EngineContext, fixer: Fixer): RuleRun {
  const { catalog, settings } = ctx;
  const accountLevel =
    settings.accountLevelRules === 'always' || (settings.accountLevelRules === 'auto' && isAccountBaseline(t));
  const disabled = new Set(settings.disabledRules);
  const suppressions = collectSuppressions(t, ctx);
  const result: RuleRun = { findings: [...suppressions.problems], fixes: [] };
  let current: Rule | undefined;
  let currentResource: Resource | undefined;
  const rctx: RuleContext = {
    template: t,
    catalog,
    settings,
    accountLevel,
    report: (r: RuleReport) => {
      const id = r.rule ?? current!.id;
      if (disabled.has(id)) return;
      const resource = r.resource ?? currentResource;
      result.findings.push(toFinding(t, ctx, id, resource, r, suppressions, fixer, result.fixes));
    },
  };
  const run = (rule: Rule, f: () => void) => {
    if (disabled.has(rule.id) || (rule.accountLevel && !accountLevel)) return;
    current = rule;
    try {
      f();
    } catch (e) {
      const at = t.lines.range(currentResource?.idStart ?? 0, currentResource?.idEnd ?? 0);
      const detail = e instanceof Error ? e.message : String(e);
      result.findings.push(makeFinding(catalog, settings, 'engine-error', t.uri, at, { rule: rule.id, detail }));
    }
  };
  for (const r of t.resources) {
    currentResource = r;
    for (const rule of rulesForType(r.type)) if (rule.checkResource) run(rule, () => rule.checkResource!(r, rctx));
  }
  currentResource = undefined;
  for (const rule of TEMPLATE_RULES) run(rule, () => rule.checkTemplate!(t, rctx));
  result.findings.sort(byPosition);
  return result;
}

/** Findings in reading order: by where they start, then by rule ID, so the order does not depend on rule modules. */
function byPosition(a: Finding, b: Finding): number {
  const d = a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return d || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

function toFinding(
  t: Template,
  ctx: EngineContext,
  id: string,
  resource: Resource | undefined,
  r: RuleReport,
  sup: Suppressions,
  fixer: Fixer,
  fixes: FixSource[],
): Finding {
  const at = r.at ?? (resource ? { start: resource.idStart, end: resource.idEnd } : { start: 0, end: 0 });
  const args = { resource: resource?.logicalId, type: resource?.type, ...r.args };
  const range = t.lines.range(at.start, at.end);
  const f = makeFinding(ctx.catalog, ctx.settings, id, t.uri, range, args, { resource: resource?.logicalId });
  if (r.via?.length) f.via = r.via;
  // A resource inside a Fn::ForEach loop is a template: a new resource referring to it would sit outside the loop.
  const addsResource = (spec: FixSpec): boolean => spec.kind === 'addResource' || (spec.also ?? []).some(addsResource);
  const specs = (r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : []).filter(
    spec => !resource?.loop || !addsResource(spec),
  );
  if (specs.length) {
    f.fix = fixes.length;
    fixes.push(fixSource(t, ctx.catalog, id, specs, fixer));
  }
  const reason = sup.reasonFor(id, resource);
  if (reason !== undefined) f.suppressed = { reason };
  return f;
}

/** Edits are computed on first use (a code action, a test, the CLI), not on every keystroke; titles per language. */
function fixSource(t: Template, catalog: Catalog, rule: string, specs: FixSpec[], fixer: Fixer): FixSource {
  let edits: { spec: FixSpec; edit: Fix['edit'] }[] | undefined;
  return (lang: Lang) => {
    edits ??= specs.flatMap(spec => {
      const edit = fixer(t, spec);
      return edit ? [{ spec, edit }] : [];
    });
    const fallback = ruleMeta(catalog, rule).fix?.title ?? phrase('fixRule', { rule });
    return edits.map(({ spec, edit }, i) => ({
      title: render(spec.title ?? fallback, lang),
      edit,
      isPreferred: i === 0,
    }));
  };
}
