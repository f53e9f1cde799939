import { Catalog, DEFAULT_AUDIT_RETENTION_DAYS, defaultSettings, Lang, Settings, Severity } from '../engine';

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
  const auto: Lang = (locale ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
  const lang: Lang = r.language === 'ja' || r.language === 'en' ? r.language : auto;
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
  const ja = lang === 'ja';
  const didYouMean = (s: string[]) =>
    !s.length ? '' : ja ? `（もしかして ${s.join('、')}）` : ` (did you mean ${s.join(', ')}?)`;
  const ruleIds = (where: string, ids: string[]) => {
    for (const id of ids) {
      if (catalog.rules.has(id)) continue;
      const hint = didYouMean(catalog.suggest(id, 'rule'));
      out.push(ja ? `${where}: 規則「${id}」はありません${hint}` : `${where}: unknown rule "${id}"${hint}`);
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
      if (typeof v !== 'string' || !SEVERITIES.has(v)) {
        out.push(
          ja
            ? `iryoGuard.severityOverrides: ${k} の重大度 ${JSON.stringify(v)} は error / warning / info / hint のどれでもありません`
            : `iryoGuard.severityOverrides: severity ${JSON.stringify(v)} for ${k} is not error, warning, info or hint`,
        );
      }
    }
  }
  const oneOf = (key: string, v: unknown, allowed: string[]) => {
    if (v === undefined || (typeof v === 'string' && allowed.includes(v))) return;
    out.push(
      ja
        ? `iryoGuard.${key}: ${JSON.stringify(v)} は ${allowed.join(' / ')} のどれでもありません。既定値を使います`
        : `iryoGuard.${key}: ${JSON.stringify(v)} is not one of ${allowed.join(', ')}; using the default`,
    );
  };
  oneOf('language', r.language, ['auto', 'ja', 'en']);
  oneOf('accountLevelRules', r.accountLevelRules, ['auto', 'always', 'never']);
  if (r.guideline !== undefined && !(typeof r.guideline === 'string' && catalog.lookup(r.guideline, 'edition'))) {
    const hint = didYouMean(typeof r.guideline === 'string' ? catalog.suggest(r.guideline, 'edition') : []);
    out.push(
      ja
        ? `iryoGuard.guideline: ${JSON.stringify(r.guideline)} はガイドラインの版ではありません${hint}`
        : `iryoGuard.guideline: ${JSON.stringify(r.guideline)} is not a guideline edition${hint}`,
    );
  }
  if (r.auditLogRetentionDays !== undefined && !isDays(r.auditLogRetentionDays)) {
    const v = `iryoGuard.auditLogRetentionDays: ${JSON.stringify(r.auditLogRetentionDays)}`;
    const d = DEFAULT_AUDIT_RETENTION_DAYS;
    out.push(
      ja
        ? `${v} は 1 以上の整数（日数）ではありません。既定値 ${d} を使います`
        : `${v} is not a whole number of days (1 or more); using the default ${d}`,
    );
  }
  if (r.maxFileSizeKB !== undefined && !(typeof r.maxFileSizeKB === 'number' && r.maxFileSizeKB > 0)) {
    out.push(
      ja
        ? `iryoGuard.maxFileSizeKB: ${JSON.stringify(r.maxFileSizeKB)} は正の数ではありません。既定値 ${defaultSettings.maxFileSizeKB} を使います`
        : `iryoGuard.maxFileSizeKB: ${JSON.stringify(r.maxFileSizeKB)} is not a positive number; using the default ${defaultSettings.maxFileSizeKB}`,
    );
  }
  return out;
}
