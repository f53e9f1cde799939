import { Catalog } from './catalog/catalog';
import { Localized, RuleMeta } from './catalog/types';
import { Finding, Lang, Range, Settings, Severity } from './model/types';

export function fill(text: string, args: Record<string, string | number | undefined>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (args[k] !== undefined ? String(args[k]) : m));
}

export function pick(l: Localized | undefined, lang: Lang): string {
  return l ? l[lang] || l.en || l.ja : '';
}

/** Catalog metadata for a rule; a rule without metadata is a programming error caught by the catalog test. */
export function ruleMeta(catalog: Catalog, id: string): RuleMeta {
  const meta = catalog.rules.get(id);
  if (!meta) throw new Error(`rule ${id} has no entry in catalog/rules`);
  return meta;
}

export function effectiveSeverity(meta: RuleMeta, settings: Settings): Severity {
  return settings.severityOverrides[meta.id] ?? meta.severity;
}

/** Builds a finding from a catalog rule: message, severity, scenarios and guideline refs all come from the catalog. */
export function makeFinding(
  catalog: Catalog,
  settings: Settings,
  ruleId: string,
  uri: string,
  range: Range,
  args: Record<string, string | number | undefined> = {},
  extra: Partial<Finding> = {},
): Finding {
  const meta = ruleMeta(catalog, ruleId);
  return {
    rule: ruleId,
    severity: effectiveSeverity(meta, settings),
    message: fill(pick(meta.message, settings.lang), args),
    uri,
    range,
    scenarios: meta.scenarios,
    guidelines: meta.guidelines,
    ...extra,
  };
}
