import { Localized } from '../catalog/types';
import { idCompletions } from '../completion';
import { Analysis, EngineContext, templateOf } from '../context';
import { Lang, localize } from '../i18n/text';
import { nodeAt } from '../model/node';
import { CompletionItem, Position } from '../model/types';

type ValueChoice = { value: string } & Localized;

/** Compliant values for the properties rules watch, best first. */
const VALUE_COMPLETIONS: Record<string, ValueChoice[]> = {
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
  const template = templateOf(a);
  const lang = ctx.settings.lang;
  const pos = a.lines.position(offset);
  // Only the text just before the cursor matters; bounding it keeps the regexes linear on huge lines.
  const lineText = a.lines.lineText(pos.line).slice(Math.max(0, pos.character - 256), pos.character);
  // IDs in comments and in our Metadata block.
  if (/#.*$/.test(lineText) || /iryo-guard|suppress|rule:|scenarios?:/.test(lineText))
    return idCompletions(a, offset, ctx, ['rule', 'scenario', 'guideline']);
  const key = /["']?([A-Za-z]+)["']?\s*:\s*["']?([\w:.-]*)$/.exec(lineText);
  if (!key) {
    if (!template) return [];
    const at = nodeAt(template.root, offset);
    const k = at.path[at.path.length - 1];
    if (typeof k !== 'string' || !VALUE_COMPLETIONS[k]) return [];
    return valueItems(k, '', pos, lang);
  }
  return VALUE_COMPLETIONS[key[1]] ? valueItems(key[1], key[2], pos, lang) : [];
}

function valueItems(key: string, typed: string, pos: Position, lang: Lang): CompletionItem[] {
  return VALUE_COMPLETIONS[key].map((v, i) => ({
    label: v.value,
    kind: 'value' as const,
    detail: localize(v, lang),
    sortText: String(i).padStart(3, '0'),
    range: { start: { line: pos.line, character: pos.character - typed.length }, end: pos },
  }));
}
