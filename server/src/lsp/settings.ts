import { defaultSettings, Lang, Settings, Severity } from '../engine';

/** The `iryoGuard.*` configuration as the client sends it (all optional, possibly malformed). */
export interface RawSettings {
  language?: string;
  accountLevelRules?: string;
  rules?: { disabled?: unknown };
  severityOverrides?: unknown;
  maxFileSizeKB?: unknown;
  guideline?: unknown;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Validates client settings; anything malformed falls back to the default instead of failing. */
export function toSettings(raw: RawSettings | undefined, locale: string | undefined): Settings {
  const r = raw ?? {};
  const auto: Lang = (locale ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const lang: Lang = r.language === 'ja' || r.language === 'en' ? r.language : auto;
  const overrides: Record<string, Severity> = {};
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    for (const [k, v] of Object.entries(r.severityOverrides as Record<string, unknown>)) if (typeof v === 'string' && SEVERITIES.has(v)) overrides[k] = v as Severity;
  }
  const disabled = Array.isArray(r.rules?.disabled) ? (r.rules!.disabled as unknown[]).filter((x): x is string => typeof x === 'string') : [];
  const acc = r.accountLevelRules === 'always' || r.accountLevelRules === 'never' ? r.accountLevelRules : 'auto';
  const max = typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : defaultSettings.maxFileSizeKB;
  const guideline = typeof r.guideline === 'string' && r.guideline ? r.guideline : undefined;
  return { lang, accountLevelRules: acc, disabledRules: disabled, severityOverrides: overrides, maxFileSizeKB: max, guideline };
}
