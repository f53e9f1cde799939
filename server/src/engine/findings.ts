import { Catalog } from './catalog/catalog';
import { RuleMeta } from './catalog/types';
import { leadEdition, ruleRefs } from './catalog/editions';
import { Args, phrase } from './i18n/text';
import { LineIndex } from './model/text';
import { Finding, Range, Settings, Severity } from './model/types';
import { ParseProblem } from './parse/limits';

/** Catalog metadata for a rule; a rule without metadata is a programming error caught by the catalog test. */
export function ruleMeta(catalog: Catalog, id: string): RuleMeta {
  const meta = catalog.rules.get(id);
  if (!meta) throw new Error(`rule ${id} has no entry in catalog/rules`);
  return meta;
}

export function effectiveSeverity(meta: RuleMeta, settings: Settings): Severity {
  return settings.severityOverrides[meta.id] ?? meta.severity;
}

/** Builds a finding from a catalog rule: severity, scenarios and guideline refs come from the catalog. */
export function makeFinding(
  catalog: Catalog,
  settings: Settings,
  ruleId: string,
  uri: string,
  range: Range,
  args: Args = {},
  extra: Partial<Finding> = {},
): Finding {
  const meta = ruleMeta(catalog, ruleId);
  return {
    rule: ruleId,
    severity: effectiveSeverity(meta, settings),
    uri,
    range,
    args,
    scenarios: meta.scenarios,
    guidelines: ruleRefs(meta, leadEdition(settings.guideline)),
    ...extra,
  };
}

/** A parse problem as a finding: nesting beyond the limit has its own rule, anything else is a syntax error. */
export function problemFinding(
  ctx: { catalog: Catalog; settings: Settings },
  uri: string,
  lines: LineIndex,
  p: ParseProblem,
): Finding {
  const range = lines.range(p.start, p.end);
  if (p.tooDeep) {
    const { depth, limit } = p.tooDeep;
    const levels = depth === undefined ? phrase('nestingLevelsUncounted') : phrase('nestingLevels', { depth });
    return makeFinding(ctx.catalog, ctx.settings, 'nesting-too-deep', uri, range, { depth, limit, levels });
  }
  return makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, range, { detail: p.message });
}
