import { Analysis, EngineContext } from '../context';
import { describeEntry } from '../describe';
import { pick } from '../findings';
import { catalogHover } from '../hover';
import { nodeAt, scalarString } from '../model/node';
import { Template } from '../model/template';
import { containsPosition } from '../model/text';
import { CodeLens, CompletionItem, Hover, Lang } from '../model/types';
import { rulesForType } from '../rules/registry';
import { idCompletions } from '../completion';

const L = (lang: Lang, ja: string, en: string) => (lang === 'ja' ? ja : en);

/** Hover on a resource type (service role, rules, findings here), on a flagged value (the rule's explanation), else on IDs. */
export function templateHover(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined {
  const t = a.model as Template | undefined;
  const lang = ctx.settings.lang;
  if (!t) return catalogHover(a, offset, ctx);
  const pos = a.lines.position(offset);
  const here = a.findings.filter(f => containsPosition(f.range, pos) && f.rule !== 'syntax-error');
  const r = t.resources.find(x => x.typeNode && offset >= x.typeNode.start && offset <= x.typeNode.end);
  if (r && r.typeNode) {
    const service = ctx.catalog.serviceByType.get(r.type);
    const parts: string[] = [`**${r.type}** — ${r.logicalId}`];
    if (service) parts.push('', describeEntry({ kind: 'service', id: service.id, entry: service }, ctx.catalog, lang));
    const rules = rulesForType(r.type)
      .map(x => ctx.catalog.rules.get(x.id))
      .filter(Boolean);
    if (rules.length)
      parts.push(
        '',
        `**${L(lang, 'この型を検査する規則', 'Rules for this type')}**`,
        ...rules.map(m => `- \`${m!.id}\` ${pick(m!.title, lang)} (${m!.scenarios.join(', ')})`),
      );
    const mine = a.findings.filter(f => f.resource === r.logicalId && !f.suppressed);
    parts.push(
      '',
      mine.length
        ? `**${L(lang, `このリソースの指摘: ${mine.length} 件`, `${mine.length} finding(s) on this resource`)}**`
        : L(lang, '指摘はありません', 'No findings on this resource'),
    );
    for (const f of mine) parts.push(`- ${f.message}`);
    return { markdown: parts.join('\n'), range: t.lines.range(r.typeNode.start, r.typeNode.end) };
  }
  if (here.length) {
    const f = here[0];
    const meta = ctx.catalog.rules.get(f.rule);
    const md = meta ? describeEntry({ kind: 'rule', id: meta.id, entry: meta }, ctx.catalog, lang) : f.message;
    return { markdown: `${f.message}\n\n---\n\n${md}`, range: f.range };
  }
  return catalogHover(a, offset, ctx);
}

/** Compliant values for the properties rules watch, best first. */
const VALUE_COMPLETIONS: Record<string, { value: string; ja: string; en: string }[]> = {
  SslPolicy: [
    { value: 'ELBSecurityPolicy-TLS13-1-2-2021-06', ja: 'TLS 1.3 / 1.2（推奨）', en: 'TLS 1.3 and 1.2 (recommended)' },
    { value: 'ELBSecurityPolicy-TLS13-1-3-2021-06', ja: 'TLS 1.3 のみ', en: 'TLS 1.3 only' },
    { value: 'ELBSecurityPolicy-FS-1-2-Res-2020-10', ja: 'TLS 1.2 前方秘匿のみ', en: 'TLS 1.2, forward secrecy only' },
    { value: 'ELBSecurityPolicy-TLS-1-2-2017-01', ja: 'TLS 1.2 以上', en: 'TLS 1.2 and above' },
  ],
  MinimumProtocolVersion: [
    { value: 'TLSv1.2_2021', ja: 'TLS 1.2（推奨）', en: 'TLS 1.2 (recommended)' },
    { value: 'TLSv1.2_2019', ja: 'TLS 1.2', en: 'TLS 1.2' },
  ],
  ViewerProtocolPolicy: [
    { value: 'redirect-to-https', ja: 'HTTP を HTTPS へ転送', en: 'Redirect HTTP to HTTPS' },
    { value: 'https-only', ja: 'HTTPS のみ', en: 'HTTPS only' },
  ],
  SSEAlgorithm: [
    { value: 'aws:kms', ja: 'KMS 鍵による暗号化', en: 'Encryption with a KMS key' },
    { value: 'aws:kms:dsse', ja: 'KMS 二層暗号化', en: 'Dual-layer KMS encryption' },
  ],
  HttpTokens: [{ value: 'required', ja: 'IMDSv2 を必須にする', en: 'Require IMDSv2' }],
  Protocol: [
    { value: 'HTTPS', ja: 'HTTPS', en: 'HTTPS' },
    { value: 'TLS', ja: 'TLS', en: 'TLS' },
  ],
  StorageEncrypted: [{ value: 'true', ja: '保存時暗号化を有効化', en: 'Enable encryption at rest' }],
  Encrypted: [{ value: 'true', ja: '暗号化を有効化', en: 'Enable encryption' }],
  EnableLogFileValidation: [{ value: 'true', ja: 'ログファイルの整合性検証', en: 'Log file integrity validation' }],
  IsMultiRegionTrail: [{ value: 'true', ja: '全リージョンを記録', en: 'Record all regions' }],
  EnableKeyRotation: [{ value: 'true', ja: '鍵の自動ローテーション', en: 'Automatic key rotation' }],
  DeletionProtection: [{ value: 'true', ja: '削除保護', en: 'Deletion protection' }],
  MultiAZ: [{ value: 'true', ja: 'マルチ AZ 配置', en: 'Multi-AZ deployment' }],
  PubliclyAccessible: [{ value: 'false', ja: 'インターネットから到達不可', en: 'Not reachable from the internet' }],
  RetentionInDays: [
    { value: '1827', ja: '5 年（監査ログ）', en: '5 years (audit logs)' },
    { value: '3653', ja: '10 年', en: '10 years' },
  ],
  BackupRetentionPeriod: [
    { value: '7', ja: '7 日', en: '7 days' },
    { value: '35', ja: '35 日（最大）', en: '35 days (maximum)' },
  ],
};

export function templateCompletion(a: Analysis, offset: number, ctx: EngineContext): CompletionItem[] {
  const t = a.model as Template | undefined;
  const lang = ctx.settings.lang;
  const pos = a.lines.position(offset);
  // Only the text just before the cursor matters; bounding it keeps the regexes linear on huge lines.
  const lineText = a.lines.lineText(pos.line).slice(Math.max(0, pos.character - 256), pos.character);
  // IDs in comments and in our Metadata block.
  if (/#.*$/.test(lineText) || /iryo-guard|suppress|rule:|scenarios?:/.test(lineText))
    return idCompletions(a, offset, ctx, ['rule', 'scenario', 'guideline']);
  const key = /["']?([A-Za-z]+)["']?\s*:\s*["']?([\w:.-]*)$/.exec(lineText);
  if (!key) {
    if (!t) return [];
    const at = nodeAt(t.root, offset);
    const k = at.path[at.path.length - 1];
    if (typeof k !== 'string' || !VALUE_COMPLETIONS[k]) return [];
    return valueItems(k, '', pos, lang);
  }
  return VALUE_COMPLETIONS[key[1]] ? valueItems(key[1], key[2], pos, lang) : [];
}

function valueItems(
  key: string,
  typed: string,
  pos: { line: number; character: number },
  lang: Lang,
): CompletionItem[] {
  return VALUE_COMPLETIONS[key].map((v, i) => ({
    label: v.value,
    kind: 'value' as const,
    detail: lang === 'ja' ? v.ja : v.en,
    sortText: String(i).padStart(3, '0'),
    range: { start: { line: pos.line, character: pos.character - typed.length }, end: pos },
  }));
}

/** One lens per resource: its open findings and the scenarios its type serves. */
export function templateCodeLenses(a: Analysis, ctx: EngineContext): CodeLens[] {
  const t = a.model as Template | undefined;
  if (!t) return [];
  const lang = ctx.settings.lang;
  return t.resources.map(r => {
    const open = a.findings.filter(f => f.resource === r.logicalId && !f.suppressed);
    const scenarios = new Set<string>();
    for (const rule of rulesForType(r.type))
      for (const s of ctx.catalog.rules.get(rule.id)?.scenarios ?? []) scenarios.add(s);
    const type = scalarString(r.typeNode) ?? r.type;
    const count = open.length
      ? L(lang, `指摘 ${open.length} 件`, `${open.length} finding${open.length > 1 ? 's' : ''}`)
      : L(lang, '指摘なし', 'no findings');
    const scen = scenarios.size
      ? ` · ${L(lang, 'シナリオ', 'scenarios')} ${[...scenarios].slice(0, 6).join(' ')}${scenarios.size > 6 ? ' …' : ''}`
      : '';
    return {
      range: t.lines.range(r.idStart, r.idEnd),
      title: `iryo-guard: ${count}${scen}`,
      command: { id: 'iryoGuard.showResourceFindings', args: [a.uri, r.logicalId, type] },
    };
  });
}
