/**
 * The keys of a risk file, per object, with their Japanese sheet names (リスクアセスメントシート) as aliases.
 * One table drives parsing, "did you mean", completion, hover, the JSON Schema test and the docs.
 */
import { Localized } from '../catalog/types';
import { closest, levenshtein, lookupKey } from '../catalog/ids';

export type ObjectKind = 'root' | 'assessment' | 'threat' | 'flow' | 'risk' | 'control' | 'residual';
export type KeyType = 'string' | 'text' | 'integer' | 'boolean' | 'date' | 'strings' | 'map' | 'maps';

export interface KeySpec {
  key: string;
  /** Japanese names accepted in place of `key`; the first is the one written by fixes in Japanese-keyed files. */
  ja: string[];
  type: KeyType;
  required?: boolean;
  /** The object kind of the value (for `map` / `maps`). */
  child?: ObjectKind | 'matrix';
  doc: Localized;
}

const L = (ja: string, en: string): Localized => ({ ja, en });

export const KEYS: Record<ObjectKind, KeySpec[]> = {
  root: [
    {
      key: 'assessment',
      ja: ['アセスメント', 'リスクアセスメント'],
      type: 'map',
      child: 'assessment',
      required: true,
      doc: L(
        '評価の対象と前提（ID、ガイドライン、許容レベル、IaC）',
        'What is assessed and on which terms (ID, guideline, acceptance level, IaC)',
      ),
    },
    {
      key: 'threats',
      ja: ['脅威', 'その他の脅威', '脅威一覧'],
      type: 'maps',
      child: 'threat',
      doc: L(
        '表5-1 にない脅威（この評価で独自に定義し、リスクの threat から ID で参照）',
        "Threats outside Table 5-1, defined by this assessment (referenced by ID from a risk's threat)",
      ),
    },
    {
      key: 'flows',
      ja: ['情報流'],
      type: 'maps',
      child: 'flow',
      doc: L('情報流（医療情報の流れ）の一覧', 'The information flows (how medical information moves)'),
    },
    {
      key: 'risks',
      ja: ['リスク', 'リスク一覧'],
      type: 'maps',
      child: 'risk',
      required: true,
      doc: L('特定したリスクの一覧', 'The identified risks'),
    },
  ],
  assessment: [
    { key: 'id', ja: ['ID'], type: 'string', required: true, doc: L('評価の識別子', 'Identifier of the assessment') },
    {
      key: 'title',
      ja: ['名称', 'タイトル'],
      type: 'text',
      doc: L('評価の名称（サービス名など）', 'Name of the assessment (e.g. the service)'),
    },
    { key: 'description', ja: ['概要'], type: 'text', doc: L('評価の概要', 'Summary of the assessment') },
    {
      key: 'guideline',
      ja: ['ガイドライン'],
      type: 'string',
      required: true,
      doc: L(
        '網羅すべき最低限のリスクシナリオ（別紙2）を決めるガイドライン版',
        'Guideline edition whose minimum scenario set (Annex 2) must be covered',
      ),
    },
    {
      key: 'acceptance',
      ja: ['許容レベル', '受容レベル'],
      type: 'string',
      required: true,
      doc: L('承認なしで受け入れる残存リスクの最高レベル', 'Highest residual level accepted without sign-off'),
    },
    {
      key: 'date',
      ja: ['評価日', '実施日'],
      type: 'date',
      doc: L(
        '評価を行った日（2025-04-01、2025年4月1日、令和7年4月1日）',
        'When the assessment was made (2025-04-01, 2025年4月1日, 令和7年4月1日)',
      ),
    },
    { key: 'assessor', ja: ['評価者', '作成者'], type: 'string', doc: L('評価を行った人', 'Who made the assessment') },
    { key: 'approver', ja: ['承認者'], type: 'string', doc: L('評価を承認した人', 'Who approved the assessment') },
    {
      key: 'nextReview',
      ja: ['次回見直し日', '見直し予定日'],
      type: 'date',
      doc: L(
        '次に見直す日。過ぎると警告します',
        'When the assessment is next reviewed; a warning once the date has passed',
      ),
    },
    {
      key: 'iac',
      ja: ['IaC', 'テンプレート'],
      type: 'strings',
      doc: L(
        'この評価が根拠とするテンプレート・CDK ファイル（このファイルからの相対パス）',
        'Templates / CDK files this assessment relies on (paths relative to this file)',
      ),
    },
    {
      key: 'matrix',
      ja: ['リスクマトリクス'],
      type: 'map',
      child: 'matrix',
      doc: L(
        'リスクレベルの閾値（レベル: 影響度×顕在化率の最小値）。省略時はカタログの表',
        'Level thresholds (level: minimum impact × likelihood); the catalog matrix when omitted',
      ),
    },
  ],
  threat: [
    {
      key: 'id',
      ja: ['ID'],
      type: 'string',
      required: true,
      doc: L('脅威の識別子（リスクの threat から参照）', "Identifier of the threat (referenced by a risk's threat)"),
    },
    {
      key: 'title',
      ja: ['名称'],
      type: 'text',
      required: true,
      doc: L('脅威の名称', 'Name of the threat'),
    },
    {
      key: 'description',
      ja: ['内容', '説明'],
      type: 'text',
      doc: L(
        'どのような脅威か、なぜ表5-1 の脅威では表せないか',
        'What the threat is, and why no Table 5-1 threat describes it',
      ),
    },
  ],
  flow: [
    {
      key: 'id',
      ja: ['ID'],
      type: 'string',
      required: true,
      doc: L('情報流の識別子（リスクの flow から参照）', "Identifier of the flow (referenced by a risk's flow)"),
    },
    {
      key: 'description',
      ja: ['内容', '説明'],
      type: 'text',
      doc: L('情報の流れを文章で表したもの', 'The flow of information in words'),
    },
    {
      key: 'classification',
      ja: ['分類'],
      type: 'string',
      doc: L(
        '扱う情報の分類（患者個人情報、設定情報、テストデータ…）',
        'Classification of the information (patient data, configuration, test data…)',
      ),
    },
  ],
  risk: [
    { key: 'id', ja: ['ID'], type: 'string', required: true, doc: L('リスクの識別子', 'Identifier of the risk') },
    {
      key: 'flow',
      ja: ['情報流'],
      type: 'string',
      doc: L('このリスクが生じる情報流の ID', 'ID of the flow this risk arises in'),
    },
    {
      key: 'threat',
      ja: ['関連する脅威', '脅威'],
      type: 'string',
      required: true,
      doc: L(
        '関連する脅威（表5-1、または threats に定義した ID）',
        'Related threat (Table 5-1, or an ID defined under threats)',
      ),
    },
    {
      key: 'scenarios',
      ja: ['リスクシナリオ', 'シナリオ'],
      type: 'strings',
      required: true,
      doc: L('このリスクが扱うリスクシナリオ（別紙2）', 'Risk scenarios (Annex 2) this risk covers'),
    },
    {
      key: 'description',
      ja: ['特定したリスク', '説明'],
      type: 'text',
      doc: L('脅威が顕在化したときに生じ得るリスク', 'What may happen when the threat materialises'),
    },
    { key: 'impact', ja: ['影響度'], type: 'integer', required: true, doc: L('影響度 1–5', 'Impact 1–5') },
    {
      key: 'likelihood',
      ja: ['顕在化率', '頻在率'],
      type: 'integer',
      required: true,
      doc: L('顕在化率 1–5', 'Likelihood 1–5'),
    },
    {
      key: 'level',
      ja: ['リスクレベル'],
      type: 'string',
      doc: L(
        'リスクレベル（省略可。書いた場合は影響度×顕在化率と照合）',
        'Risk level (optional; checked against impact × likelihood)',
      ),
    },
    {
      key: 'actionRequired',
      ja: ['対応要否'],
      type: 'boolean',
      doc: L('対応要否（true / false、要 / 不要）', 'Whether treatment is needed (true / false, 要 / 不要)'),
    },
    {
      key: 'treatment',
      ja: ['対応'],
      type: 'string',
      required: true,
      doc: L(
        '対応: reduce / avoid / share / accept / not-applicable（低減・回避・移転・保有・対象外）',
        'Treatment: reduce / avoid / share / accept / not-applicable (低減・回避・移転・保有・対象外)',
      ),
    },
    { key: 'controls', ja: ['対策'], type: 'maps', child: 'control', doc: L('対策の一覧', 'The controls') },
    {
      key: 'residual',
      ja: ['残存するリスク', '残存リスク'],
      type: 'map',
      child: 'residual',
      doc: L(
        '対策後に残るリスク（影響度・顕在化率）。省略時は当初のレベルのまま',
        'Risk left after the controls (impact, likelihood); the initial level when omitted',
      ),
    },
    {
      key: 'justification',
      ja: ['受容理由', '理由', '対象外の理由'],
      type: 'text',
      doc: L(
        '残存リスクを受け入れる理由、または対象外とする理由（人が書く）',
        'Why the residual risk is accepted, or why the scenario does not apply (written by a person)',
      ),
    },
    {
      key: 'acceptedBy',
      ja: ['承認者'],
      type: 'string',
      doc: L('残存リスクの受け入れを承認した人', 'Who signed off the residual risk'),
    },
  ],
  control: [
    { key: 'id', ja: ['ID'], type: 'string', doc: L('対策の識別子（任意）', 'Identifier of the control (optional)') },
    {
      key: 'perspective',
      ja: ['対策の観点', '観点'],
      type: 'string',
      required: true,
      doc: L('対策の観点: organizational / physical / technical', 'Perspective: organizational / physical / technical'),
    },
    {
      key: 'owner',
      ja: ['実施者', '主体'],
      type: 'string',
      required: true,
      doc: L(
        '実施者: provider / aws / institution（事業者・AWS・医療機関等）',
        'Who carries it out: provider / aws / institution',
      ),
    },
    {
      key: 'measure',
      ja: ['対策内容', '事業者の対策', '内容'],
      type: 'text',
      required: true,
      doc: L('対策の内容', 'What the control does'),
    },
    {
      key: 'services',
      ja: ['AWSサービス', 'サービス'],
      type: 'strings',
      doc: L('使う AWS サービス', 'AWS services used'),
    },
    {
      key: 'rules',
      ja: ['規則', 'ルール'],
      type: 'strings',
      doc: L('IaC 上でこの対策を裏付ける iryo-guard 規則', 'iryo-guard rules that prove the control in the IaC'),
    },
    {
      key: 'guidelines',
      ja: ['ガイドライン項目', 'ガイドライン'],
      type: 'strings',
      doc: L('対応するガイドライン項目', 'Guideline items addressed'),
    },
    {
      key: 'resources',
      ja: ['リソース'],
      type: 'strings',
      doc: L(
        '対策を実装するテンプレートのリソース（論理 ID）',
        'Template resources (logical IDs) implementing the control',
      ),
    },
  ],
  residual: [
    {
      key: 'description',
      ja: ['内容', '説明'],
      type: 'text',
      doc: L('対策後も残るリスクを文章で（シートの「残存するリスク」）', 'The risk left after the controls, in words'),
    },
    {
      key: 'impact',
      ja: ['影響度'],
      type: 'integer',
      required: true,
      doc: L('対策後の影響度 1–5', 'Impact after the controls, 1–5'),
    },
    {
      key: 'likelihood',
      ja: ['顕在化率', '頻在率'],
      type: 'integer',
      required: true,
      doc: L('対策後の顕在化率 1–5', 'Likelihood after the controls, 1–5'),
    },
    {
      key: 'level',
      ja: ['リスクレベル'],
      type: 'string',
      doc: L('対策後のリスクレベル（省略可）', 'Residual level (optional)'),
    },
  ],
};

/** The canonical key for a written key (English or Japanese) in an object kind. */
const BY_NAME = new Map<ObjectKind, Map<string, KeySpec>>();
const WRITTEN = new Map<string, string>();

export function canonicalKey(kind: ObjectKind, written: string): KeySpec | undefined {
  let names = BY_NAME.get(kind);
  if (!names) {
    names = new Map();
    for (const s of KEYS[kind]) for (const n of [...s.ja].reverse().concat(s.key)) names.set(lookupKey(n), s);
    BY_NAME.set(kind, names);
  }
  let k = WRITTEN.get(written);
  if (k === undefined) {
    k = lookupKey(written);
    if (WRITTEN.size < 10_000) WRITTEN.set(written, k);
  }
  return names.get(k);
}

export function specOf(kind: ObjectKind, key: string): KeySpec | undefined {
  return KEYS[kind].find(s => s.key === key);
}

/** "Did you mean" for an unknown key: the closest English or Japanese names of that object kind. */
export function suggestKey(kind: ObjectKind, written: string): string[] {
  const names = KEYS[kind].flatMap(s => [s.key, ...s.ja]);
  const hits = new Set(closest(written, names, 6));
  const key = lookupKey(written);
  const max = Math.max(2, Math.floor(key.length / 3));
  // Closest first; on a tie, the order of the key table (canonical names before their aliases).
  return names
    .filter(n => hits.has(n))
    .map((n, i) => ({ n, i, d: levenshtein(key, lookupKey(n), max) }))
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .map(x => x.n)
    .slice(0, 3);
}

export function isJapaneseKey(written: string): boolean {
  return /\P{ASCII}/u.test(written);
}

/** The key as written in this file's style (English or the first Japanese name). */
export function keyName(kind: ObjectKind, key: string, style: 'en' | 'ja'): string {
  const s = specOf(kind, key);
  return style === 'ja' && s?.ja.length && isJapaneseKey(s.ja[0]) ? s.ja[0] : key;
}

export const TYPE_NAMES: Record<KeyType, Localized> = {
  string: L('文字列', 'a string'),
  text: L('文字列', 'a string'),
  integer: L('整数', 'an integer'),
  boolean: L('真偽値（true / false、要 / 不要）', 'a boolean (true / false, 要 / 不要)'),
  date: L(
    '日付（2025-04-01、2025/4/1、2025年4月1日、令和7年4月1日）',
    'a date (2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日)',
  ),
  strings: L('文字列のリスト', 'a list of strings'),
  map: L('マッピング（キー: 値）', 'a mapping (key: value)'),
  maps: L('マッピングのリスト', 'a list of mappings'),
};
