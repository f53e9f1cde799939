import { Catalog } from '../catalog/catalog';
import { EngineContext } from '../context';
import { fill, makeFinding, pick, ruleMeta } from '../findings';
import { FixSpec } from '../fixes/spec';
import { describeCauses } from '../model/evaluate';
import { Resource, Template } from '../model/template';
import { Finding, Fix } from '../model/types';
import { rulesForType, TEMPLATE_RULES } from '../rules/registry';
import { Rule, RuleContext, RuleReport } from '../rules/types';
import { isAccountBaseline } from './account';
import { collectSuppressions, Suppressions } from './suppress';

/** Turns a format-neutral fix into edits in the template's own source format. */
export type Fixer = (t: Template, f: FixSpec) => Fix['edit'] | undefined;

/** Runs every applicable rule on a template (CloudFormation or CDK-derived) and applies suppressions. */
export function runRules(t: Template, ctx: EngineContext, fixer: Fixer): Finding[] {
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

function toFinding(
  t: Template,
  catalog: Catalog,
  ctx: EngineContext,
  id: string,
  resource: Resource | undefined,
  r: RuleReport,
  sup: Suppressions,
  fixer: Fixer,
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
