import {
  Catalog,
  DEFAULT_AUDIT_RETENTION_DAYS,
  defaultSettings,
  isLang,
  Lang,
  langOfLocale,
  phrase,
  Settings,
  Severity,
  t,
} from '../engine';

/** The `iryoGuard.*` configuration as the client sends it (all optional, possibly malformed). */
export interface RawSettings {
  language?: string;
  accountLevelRules?: string;
  rules?: { disabled?: unknown };
  severityOverrides?: unknown;
  maxFileSizeKB?: unknown;
  guideline?: unknown;
  strictParameters?: unknown;
  auditLogRetentionDays?: unknown;
}

const SEVERITIES = new Set(['error', 'warning', 'info', 'hint']);

/** Validates client settings; anything malformed falls back to the default instead of failing. */
export function toSettings(raw: RawSettings | undefined, locale: string | undefined): Settings {
  const r = raw ?? {};
  const lang: Lang = isLang(r.language) ? r.language : langOfLocale(locale);
  const overrides: Record<string, Severity> = {};
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    for (const [k, v] of Object.entries(r.severityOverrides as Record<string, unknown>))
      if (typeof v === 'string' && SEVERITIES.has(v)) overrides[k] = v as Severity;
  }
  const disabled = Array.isArray(r.rules?.disabled)
    ? (r.rules!.disabled as unknown[]).filter((x): x is string => typeof x === 'string')
    : [];
  const acc = r.accountLevelRules === 'always' || r.accountLevelRules === 'never' ? r.accountLevelRules : 'auto';
  const max =
    typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0 ? r.maxFileSizeKB : defaultSettings.maxFileSizeKB;
  const guideline = typeof r.guideline === 'string' && r.guideline ? r.guideline : undefined;
  const retention = isDays(r.auditLogRetentionDays) ? r.auditLogRetentionDays : undefined;
  return {
    lang,
    accountLevelRules: acc,
    disabledRules: disabled,
    severityOverrides: overrides,
    maxFileSizeKB: max,
    guideline,
    strictParameters: r.strictParameters === true,
    ...(retention !== undefined ? { auditLogRetentionDays: retention } : {}),
  };
}

function isDays(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

/**
 * What in the client settings was not understood and so is ignored: unknown rule IDs (with "did you mean"), unknown
 * severities and values. Editors validate settings.json against package.json, but other clients send anything.
 */
export function settingsProblems(raw: RawSettings | undefined, catalog: Catalog, lang: Lang): string[] {
  const r = raw ?? {};
  const out: string[] = [];
  const hint = (candidates: string[]) => phrase('settingDidYouMean', { candidates });
  const ruleIds = (setting: string, ids: string[]) => {
    for (const id of ids) {
      if (catalog.rules.has(id)) continue;
      out.push(t('settingUnknownRule', lang, { setting, id, hint: hint(catalog.suggest(id, 'rule')) }));
    }
  };
  if (Array.isArray(r.rules?.disabled))
    ruleIds('iryoGuard.rules.disabled', (r.rules!.disabled as unknown[]).map(String));
  if (r.severityOverrides && typeof r.severityOverrides === 'object') {
    const entries = Object.entries(r.severityOverrides as Record<string, unknown>);
    ruleIds(
      'iryoGuard.severityOverrides',
      entries.map(([k]) => k),
    );
    for (const [k, v] of entries) {
      if (typeof v !== 'string' || !SEVERITIES.has(v))
        out.push(t('settingBadSeverity', lang, { rule: k, value: String(JSON.stringify(v)) }));
    }
  }
  const oneOf = (setting: string, v: unknown, allowed: string[]) => {
    if (v === undefined || (typeof v === 'string' && allowed.includes(v))) return;
    out.push(t('settingNotOneOf', lang, { setting, value: String(JSON.stringify(v)), allowed }));
  };
  oneOf('language', r.language, ['auto', 'ja', 'en']);
  oneOf('accountLevelRules', r.accountLevelRules, ['auto', 'always', 'never']);
  if (r.guideline !== undefined && !(typeof r.guideline === 'string' && catalog.lookup(r.guideline, 'edition'))) {
    const candidates = typeof r.guideline === 'string' ? catalog.suggest(r.guideline, 'edition') : [];
    out.push(t('settingBadGuideline', lang, { value: String(JSON.stringify(r.guideline)), hint: hint(candidates) }));
  }
  if (r.auditLogRetentionDays !== undefined && !isDays(r.auditLogRetentionDays)) {
    const value = String(JSON.stringify(r.auditLogRetentionDays));
    out.push(t('settingBadRetentionDays', lang, { value, default: DEFAULT_AUDIT_RETENTION_DAYS }));
  }
  if (r.maxFileSizeKB !== undefined && !(typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0)) {
    const value = String(JSON.stringify(r.maxFileSizeKB));
    out.push(t('settingBadMaxFileSize', lang, { value, default: defaultSettings.maxFileSizeKB }));
  }
  return out;
}
