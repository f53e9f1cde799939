import { dataClassOf, lessSensitive } from './data-class';
import { EngineContext, FixSource } from '../context';
import { makeFinding, ruleMeta } from '../findings';
import { failureFinding, reportFailure } from '../guard';
import { FixSpec } from '../fixes/spec';
import { Lang, phrase, Phrase, render } from '../i18n/text';
import { Cause } from '../model/evaluate';
import { Resource, Template } from '../model/template';
import { Finding, Fix } from '../model/types';
import { rulesForType, TEMPLATE_RULES } from '../rules/registry';
import { Rule, RuleContext, RuleReport } from '../rules/types';
import { isAccountBaseline } from './account';
import { fixesThroughCauses, parameterOf } from './outcome-fixes';
import { collectSuppressions, Suppressions } from './suppress';
import { projectView } from '../project/view';

/** Turns a format-neutral fix into edits in the template's own source format. */
export type Fixer = (t: Template, f: FixSpec) => Fix['edit'] | undefined;

export interface RuleRun {
  findings: Finding[];
  /** Indexed by `Finding.fix`. */
  fixes: FixSource[];
}

/** Everything one rule reported at one place: several parameter values or branches become one finding. */
interface Place {
  rule: string;
  resource?: Resource;
  reports: RuleReport[];
}

/**
 * Runs every applicable rule on a template (CloudFormation or CDK-derived) and applies suppressions. A rule (or the
 * suppressions, or one finding's assembly) that fails becomes an `engine-error` finding; everything else still runs.
 */
export function runRules(t: Template, ctx: EngineContext, fixer: Fixer): RuleRun {
  const { catalog, settings } = ctx;
  const failed = (
    stage: 'rule' | 'suppressions' | 'finding',
    name: string | undefined,
    error: unknown,
    at?: Resource,
  ) => failureFinding(ctx, t.lines, { uri: t.uri, stage, name, error }, at && { start: at.idStart, end: at.idEnd });
  const accountLevel =
    settings.accountLevelRules === 'always' || (settings.accountLevelRules === 'auto' && isAccountBaseline(t));
  const disabled = new Set(settings.disabledRules);
  let suppressions: Suppressions;
  const early: Finding[] = [];
  try {
    suppressions = collectSuppressions(t, ctx);
  } catch (error) {
    // Nothing is suppressed rather than nothing checked.
    early.push(failed('suppressions', undefined, error));
    suppressions = { problems: [], reasonFor: () => undefined };
  }
  const result: RuleRun = { findings: [...early, ...suppressions.problems], fixes: [] };
  const places = new Map<string, Place>();
  const memo = new Map<string, unknown>();
  let current: Rule | undefined;
  let currentResource: Resource | undefined;
  const rctx: RuleContext = {
    template: t,
    catalog,
    settings,
    accountLevel,
    project: projectView(t, ctx.project),
    once: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
    report: (r: RuleReport) => {
      const rule = r.rule ?? current!.id;
      if (disabled.has(rule)) return;
      const resource = r.resource ?? currentResource;
      // A rule about patient (or personal) data is silent where the template declares less sensitive data.
      if (lessSensitive(dataClassOf(t, resource), catalog.rules.get(rule)?.dataClass)) return;
      const at = anchorOf(r, resource);
      const key = `${rule}\u0000${at.start}\u0000${at.end}`;
      const place = places.get(key);
      if (place) place.reports.push(r);
      else places.set(key, { rule, resource, reports: [r] });
    },
  };
  const run = (rule: Rule, f: () => void) => {
    if (disabled.has(rule.id) || (rule.accountLevel && !accountLevel)) return;
    current = rule;
    try {
      f();
    } catch (error) {
      result.findings.push(failed('rule', rule.id, error, currentResource));
    }
  };
  for (const r of t.resources) {
    currentResource = r;
    for (const rule of rulesForType(r.type)) if (rule.checkResource) run(rule, () => rule.checkResource!(r, rctx));
  }
  currentResource = undefined;
  for (const rule of TEMPLATE_RULES) run(rule, () => rule.checkTemplate!(t, rctx));
  for (const place of places.values()) {
    try {
      result.findings.push(toFinding(t, ctx, place, suppressions, fixer, result.fixes));
    } catch (error) {
      result.findings.push(failed('finding', place.rule, error, place.resource));
    }
  }
  result.findings.sort(byPosition);
  return result;
}

function anchorOf(r: RuleReport, resource: Resource | undefined): { start: number; end: number } {
  return r.at ?? (resource ? { start: resource.idStart, end: resource.idEnd } : { start: 0, end: 0 });
}

/** Findings in reading order: by where they start, then by rule ID, so the order does not depend on rule modules. */
function byPosition(a: Finding, b: Finding): number {
  const d = a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return d || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/**
 * Whether a chain of causes is what deploys: no parameter in it is set to a value other than its default. A
 * parameter without a default has no deployed value, so each of its allowed values counts.
 */
function deploys(via: readonly Cause[]): boolean {
  return via.every(c => c.kind !== 'parameter' || c.from === 'default' || c.default === undefined);
}

function toFinding(
  t: Template,
  ctx: EngineContext,
  place: Place,
  sup: Suppressions,
  fixer: Fixer,
  fixes: FixSource[],
): Finding {
  const { rule, resource } = place;
  // The deployed value first: its arguments and causes lead the message; the other ways are named after it.
  const primary = place.reports.find(r => deploys(r.via ?? [])) ?? place.reports[0];
  const at = anchorOf(primary, resource);
  const args = { resource: resource?.logicalId, type: resource?.type, ...primary.args };
  const range = t.lines.range(at.start, at.end);
  const f = makeFinding(ctx.catalog, ctx.settings, rule, t.uri, range, args, { resource: resource?.logicalId });
  const chains = uniqueChains(place.reports.map(r => r.via ?? []));
  if (primary.via?.length) f.via = primary.via;
  const others = chains.filter(c => c !== chains.find(x => sameChain(x, primary.via ?? [])));
  if (others.length) f.alsoVia = others;
  // Only values other than the defaults fail: what deploys complies, so it is information unless asked to be strict.
  if (!chains.some(deploys) && !ctx.settings.strictParameters) f.severity = 'info';
  // A resource inside a Fn::ForEach loop is a template: a new resource referring to it would sit outside the loop.
  const addsResource = (spec: FixSpec): boolean => spec.kind === 'addResource' || (spec.also ?? []).some(addsResource);
  const own = (primary.fix ? (Array.isArray(primary.fix) ? primary.fix : [primary.fix]) : []).filter(
    spec => !resource?.loop || !addsResource(spec),
  );
  const param = parameterOf(t, primary.at);
  const failing = chains.flatMap(c =>
    c.filter(x => x.kind === 'parameter' && x.name === param?.name).map(x => x.value),
  );
  const specs = fixesThroughCauses(t, primary.at, primary.via ?? [], own, [...new Set(failing.map(String))]);
  if (specs.length) {
    f.fix = fixes.length;
    fixes.push(fixSource(t, ctx, rule, specs, fixer));
  } else f.noFix = primary.noFix ?? whyNoFix(ctx, rule, primary, own.length > 0, resource);
  const reason = sup.reasonFor(rule, resource);
  if (reason !== undefined) f.suppressed = { reason };
  return f;
}

/**
 * One line on why a finding has no quick fix, for the hover: the rule has none by nature, the value is decided
 * elsewhere (a parent stack, a parameter without a compliant choice, a condition), or the place cannot take one.
 */
function whyNoFix(
  ctx: EngineContext,
  rule: string,
  report: RuleReport,
  proposed: boolean,
  resource: Resource | undefined,
): Phrase | undefined {
  if (!ctx.catalog.rules.get(rule)?.fix) return phrase('noFixByRule');
  const via = report.via ?? [];
  if (via.some(c => c.kind === 'passed')) return phrase('noFixPassed');
  if (via.length) return phrase('noFixDecidedElsewhere');
  if (resource?.loop && report.fix) return phrase('noFixLoop');
  return proposed ? undefined : phrase('noFixNeedsChoice');
}

function sameChain(a: readonly Cause[], b: readonly Cause[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniqueChains(chains: Cause[][]): Cause[][] {
  const seen = new Set<string>();
  return chains.filter(c => {
    const k = JSON.stringify(c);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Edits are computed on first use (a code action, a test, the CLI), not on every keystroke; titles per language. A
 * fix whose edits cannot be computed is not offered, and the host is told.
 */
function fixSource(t: Template, ctx: EngineContext, rule: string, specs: FixSpec[], fixer: Fixer): FixSource {
  let edits: { spec: FixSpec; edit: Fix['edit'] }[] | undefined;
  return (lang: Lang) => {
    edits ??= specs.flatMap(spec => {
      try {
        const edit = fixer(t, spec);
        return edit ? [{ spec, edit }] : [];
      } catch (error) {
        reportFailure(ctx, { uri: t.uri, stage: 'fixes', name: rule, error });
        return [];
      }
    });
    const fallback = ruleMeta(ctx.catalog, rule).fix?.title ?? phrase('fixRule', { rule });
    return edits.map(({ spec, edit }, i) => ({
      title: render(spec.title ?? fallback, lang),
      edit,
      isPreferred: i === 0,
    }));
  };
}
