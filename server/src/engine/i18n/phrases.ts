/**
 * Every UI string of the engine, in Japanese and English. Rule messages live in the catalog (`catalog/rules`); these
 * are the words around them: value descriptions, fix titles, hover and code-lens labels, "did you mean".
 * A phrase is a template with `{name}` placeholders, or a function when the two languages differ in shape.
 */
import type { Catalog } from '../catalog/catalog';
import { fill, render, type Args, type Lang } from './text';

type Template = { ja: string; en: string };
type Renderer = (lang: Lang, args: Args, catalog?: Catalog) => string;

function list(args: Args, key: string): string[] {
  const v = args[key];
  return Array.isArray(v) ? v.map(String) : v === undefined ? [] : [String(v)];
}

export const PHRASES = {
  // Values in finding messages.
  notSet: { ja: '未設定', en: 'not set' },
  defaultValue: { ja: '{value} (既定値)', en: '{value} (default)' },
  /** `1.1② "title"` for one scenario; `1.1②, 1.1⑤, 1.7, 2.1① and 82 more` for many. */
  scenarioList: ((lang, args, catalog) => {
    const ids = list(args, 'ids');
    if (ids.length === 1) {
      const title = render(args.first, lang, catalog);
      return lang === 'ja' ? `${ids[0]}「${title}」` : `${ids[0]} "${title}"`;
    }
    const shown = ids.slice(0, 4).join(lang === 'ja' ? '、' : ', ');
    const more = ids.length - 4;
    if (more <= 0) return shown;
    return lang === 'ja'
      ? `${shown} ほか ${more} 件（計 ${ids.length} 件）`
      : `${shown} and ${more} more (${ids.length} in all)`;
  }) as Renderer,
  /** The treatments of a scenario's risks: 「低減・移転」, "reduce, transfer". */
  treatmentList: ((lang, args) => list(args, 'items').join(lang === 'ja' ? '・' : ', ')) as Renderer,
  /** Related messages quoted after a claim: joined with 「、」 / "; " (the messages hold commas themselves). */
  relatedDetails: ((lang, args) => list(args, 'items').join(lang === 'ja' ? '、' : '; ')) as Renderer,
  notSetSoDefault: { ja: '未設定 → {value}', en: 'not set → {value}' },
  when: { ja: '（{causes} のとき）', en: ' (when {causes})' },
  whenAlso: { ja: '（{primary} のとき。{others} のときも）', en: ' (when {primary}; also when {others})' },
  onlyWhen: {
    ja: '（{causes} のときのみ。パラメータ {param} の既定値 "{value}" は適合しています）',
    en: ' (only when {causes}; the default "{value}" of parameter {param} complies)',
  },
  causePassed: {
    ja: 'パラメータ {name} = "{value}"（親スタック {parent} から）',
    en: 'parameter {name} = "{value}" (passed by {parent})',
  },
  causeCondition: { ja: '条件 {name} が {value}', en: 'condition {name} is {value}' },
  causeParameter: { ja: 'パラメータ {name} = "{value}"', en: 'parameter {name} = "{value}"' },
  causeParameterDefault: {
    ja: 'パラメータ {name} = "{value}"（既定値）',
    en: 'parameter {name} = "{value}" (default)',
  },
  allPorts: { ja: '全ポート', en: 'all ports' },
  // Source ranges open to the internet (see model/cidr.ts for what counts).
  cidrAllPublic: { ja: '{cidr}（IPv{family} の公開アドレスすべて）', en: '{cidr} (all public IPv{family} addresses)' },
  cidrShare: { ja: '{cidr}（IPv{family} 全体の {share}）', en: '{cidr} (covers {share} of IPv{family})' },
  cidrPublicBlocks: ((lang, args) => {
    const { cidr, family, count, prefix } = args as Record<string, string | number>;
    if (lang === 'ja') return `${cidr}（IPv${family} の公開アドレス /${prefix} ${count} 個分）`;
    const n = count === '1' ? 'a' : `${count} ×`;
    return `${cidr} (covers ${n} /${prefix} of public IPv${family} addresses)`;
  }) as Renderer,
  ports: ((lang, args) => {
    const p = String(args.ports ?? '');
    return lang === 'ja' ? `ポート ${p}` : `${p.includes(',') ? 'ports' : 'port'} ${p}`;
  }) as Renderer,
  noBucketPolicy: { ja: 'バケットポリシーがありません', en: 'it has no bucket policy' },
  bucketPolicyWithoutDeny: {
    ja: 'バケットポリシー {policy} に拒否文がありません',
    en: 'its bucket policy {policy} has no such Deny statement',
  },
  bucketPolicyElsewhereWithoutDeny: {
    ja: '{file} のバケットポリシー {policy} に拒否文がありません',
    en: 'its bucket policy {policy} in {file} has no such Deny statement',
  },
  cloudfrontDefaultCertificate: {
    ja: 'TLSv1（CloudFront の既定証明書）',
    en: 'TLSv1 (CloudFront default certificate)',
  },
  secretInTemplate: { ja: 'テンプレートに直接書かれています', en: 'is written in the template' },
  secretFromParameterWithoutNoEcho: {
    ja: 'NoEcho のないパラメータ {param} から渡されています',
    en: 'comes from parameter {param}, which lacks NoEcho',
  },
  secretAsParameterDefault: {
    ja: 'パラメータ {param} の既定値としてテンプレートに書かれています',
    en: 'is written in the template as the default of parameter {param}',
  },
  /** A catalog text ({ja, en} in `text`) filled with the other arguments. */
  catalogText: ((lang, args, catalog) => {
    const { text, ...rest } = args;
    return fill(render(text, lang, catalog), rest, lang, catalog);
  }) as Renderer,
  refusedNotFound: { ja: 'ファイルがありません', en: 'no such file' },
  refusedOutsideWorkspace: { ja: 'ワークスペース外のファイルは読みません', en: 'outside the workspace: not read' },
  refusedNotRegular: {
    ja: '通常のファイルではない（デバイス、FIFO、ソケットなど）ため読みません',
    en: 'not a regular file (a device, FIFO or socket): not read',
  },
  refusedTooLargeBy: {
    ja: '{size} KB あり、上限 {limit} KB を超えるため読みません',
    en: '{size} KB, over the {limit} KB limit: not read',
  },
  refusedTooLarge: {
    ja: '大きさの上限 (iryoGuard.maxFileSizeKB) を超えるため読みません',
    en: 'over the size limit (iryoGuard.maxFileSizeKB): not read',
  },
  refusedRemote: {
    ja: 'ネットワーク上のパス（UNC パス、リモートの URL）は読みません',
    en: 'a network path (UNC path or remote URL): not read',
  },
  refusedUnreadable: { ja: '読めません ({detail})', en: 'cannot be read ({detail})' },
  emptyPath: { ja: '空の文字列', en: 'empty' },
  wildcardPath: { ja: 'ワイルドカードを含むパターン', en: 'a wildcard pattern' },
  folderPath: { ja: 'フォルダー', en: 'a folder' },
  // YAML reading (syntax-error details).
  yamlQuoteRunsOn: {
    ja: 'YAML 構文エラー: この引用符 {quote} が行内で閉じられず、{line} 行目の {quote} まで続いています',
    en: 'YAML syntax error: this {quote} quote is not closed on its line and runs on to the {quote} on line {line}',
  },
  yamlApostrophe: {
    ja: "YAML 構文エラー: この ' で文字列が終わっています。単一引用符の中のアポストロフィは '' と書きます",
    en: "YAML syntax error: this ' ends the quoted text; write '' for an apostrophe inside single quotes",
  },
  yamlMissingComma: {
    ja: 'YAML 構文エラー: この値の後に , がありません（次の行は別の要素です）',
    en: 'YAML syntax error: missing , after this value (the next line is another entry)',
  },
  yamlDuplicateKey: {
    ja: 'キー "{key}" が {line} 行目にもあります。後の値が使われ、ここは無視されます (CloudFormation と同じ)',
    en: 'Duplicate key "{key}": the one on line {line} is used and this one ignored (as CloudFormation does)',
  },
  yamlUndefinedAlias: {
    ja: 'YAML 構文エラー: エイリアス {alias} のアンカーがありません',
    en: 'YAML syntax error: alias {alias} has no anchor',
  },
  yamlUnsupportedVersion: {
    ja: 'YAML 構文エラー: YAML {version}.x には対応していません (%YAML 1.x のみ)',
    en: 'YAML syntax error: YAML {version}.x is not supported (only %YAML 1.x)',
  },
  yamlSpecialCharacter: {
    ja: 'YAML 構文エラー: YAML に使えない文字 U+{code} があります',
    en: 'YAML syntax error: character U+{code} is not allowed in YAML',
  },
  // Editor labels.
  rulesForType: { ja: 'この型を検査する規則', en: 'Rules for this type' },
  findingsOnResource: { ja: 'このリソースの指摘: {count}', en: '{count} on this resource' },
  noFindingsOnResource: { ja: '指摘はありません', en: 'No findings on this resource' },
  findingCount: { ja: '指摘 {count}', en: '{count}' },
  noFindings: { ja: '指摘なし', en: 'no findings' },
  scenariosLabel: { ja: 'シナリオ', en: 'scenarios' },
  // Catalog entries (hover, `explain`).
  kindScenario: { ja: 'リスクシナリオ (別紙2)', en: 'Risk scenario (Annex 2)' },
  kindThreat: { ja: '脅威 (表5-1)', en: 'Threat (Table 5-1)' },
  kindService: { ja: 'AWS サービス', en: 'AWS service' },
  kindGuideline: { ja: 'ガイドライン項目', en: 'Guideline item' },
  kindEdition: { ja: 'ガイドライン版', en: 'Guideline edition' },
  kindRule: { ja: 'iryo-guard 規則', en: 'iryo-guard rule' },
  categoryOrganizational: { ja: '組織的・人的', en: 'organizational / human' },
  categoryPhysical: { ja: '物理的', en: 'physical' },
  categoryTechnical: { ja: '技術的', en: 'technical' },
  labelCategory: { ja: '区分', en: 'Category' },
  labelMhlwGuideline: { ja: '厚労省ガイドライン', en: 'MHLW guideline' },
  labelThreats: { ja: '脅威', en: 'Threats' },
  labelRelatedServices: { ja: '関連サービス', en: 'Services' },
  labelResourceTypes: { ja: 'リソース型', en: 'Resource types' },
  labelRelatedScenarios: { ja: '関連シナリオ', en: 'Scenarios' },
  labelEdition: { ja: '版', en: 'Edition' },
  labelKind: { ja: '種別', en: 'Kind' },
  labelChapter: { ja: '章', en: 'Chapter' },
  page: { ja: '{page} ページ', en: 'p. {page}' },
  // The kind of a guideline item, as each edition calls it.
  itemRequirement6: { ja: '遵守事項', en: 'requirement (遵守事項)' },
  itemChapter6: { ja: '章（遵守事項をまとめる見出し）', en: 'chapter (the heading its 遵守事項 sit under)' },
  itemMinimum52: { ja: 'C. 最低限のガイドライン', en: 'C: minimum guideline' },
  itemRecommended52: { ja: 'D. 推奨されるガイドライン', en: 'D: recommended guideline' },
  itemChapter52: {
    ja: '章・節（C・D の項目をまとめる見出し）',
    en: 'chapter or section (the heading its C and D items sit under)',
  },
  itemChapter: { ja: '章', en: 'chapter' },
  itemTable: { ja: '表', en: 'table' },
  itemAnnex: { ja: '別紙', en: 'annex' },
  itemAnnexMeasure: { ja: '別紙2 の対策項目（大項目）', en: 'Annex 2 measure (main item)' },
  itemReference: { ja: '参照資料', en: 'reference material' },
  labelCounterparts6: { ja: '第6.0版の対応項目', en: 'In edition 6.0' },
  counterpartsViaScenarios: {
    ja: '別紙2 のシナリオ {scenarios} を経由した対応（METI/MIC 1.1 別紙2 の 6.0 対応表または 6.0 本文による）',
    en: 'through the Annex 2 scenarios {scenarios} (METI/MIC 1.1 Annex 2 crosswalk to 6.0, or the 6.0 text)',
  },
  counterpartsNotVerified: { ja: '未検証の対応です', en: 'not verified' },
  counterpartsVerified: { ja: '確認済みの対応です', en: 'verified' },
  /** The line hovers and reports carry: the tool helps; it does not certify. */
  supportNotCertify: {
    ja: 'iryo-guard はガイドラインへの適合の確認を支援するもので、適合を認証・保証するものではありません。',
    en: 'iryo-guard supports checking conformity with the guidelines; it does not certify conformity.',
  },
  // Documents the catalog cites by number (catalog/README.md).
  sourceDoc000: {
    ja: '医療情報システム向けAWS利用リファレンスの概要（v2.2, 2021年6月）',
    en: 'Overview of the AWS reference for medical information systems (v2.2, June 2021)',
  },
  sourceDoc001: {
    ja: '3省2ガイドラインと AWS の解説資料',
    en: 'Explainer of the 3省2ガイドライン on AWS',
  },
  sourceDoc002: {
    ja: 'C-CAT 利活用クラウド サービス仕様適合開示書（事業者の開示書）',
    en: "C-CAT cloud service conformance disclosure (a provider's disclosure)",
  },
  sourceDoc003: {
    ja: '医療情報システムの安全管理に関するガイドラインの説明資料（第4.2版の章立て）',
    en: 'Briefing slides on the MHLW guideline (edition 4.2 chapter structure)',
  },
  sourceDoc004: {
    ja: 'AWS の医療向けセキュリティ解説セッション資料',
    en: 'AWS session material on healthcare security',
  },
  keepForDays: { ja: '保存期間を {days} 日にする', en: 'Keep for {days} days' },
  notVerified: { ja: '未検証の項目です', en: 'Not verified against the published text' },
  editionNotVerified: {
    ja: '未検証の版情報です',
    en: 'Edition details not verified against the published text',
  },
  labelPublisher: { ja: '発行', en: 'Publisher' },
  labelSeverity: { ja: '重大度', en: 'Severity' },
  labelScenarios: { ja: 'リスクシナリオ', en: 'Scenarios' },
  labelScenariosShort: { ja: 'シナリオ', en: 'Scenarios' },
  labelGuidelines: { ja: 'ガイドライン', en: 'Guidelines' },
  labelServices: { ja: 'サービス', en: 'Services' },
  labelSource: { ja: '出典', en: 'Source' },
  // Risk files.
  labelImpact: { ja: '影響度', en: 'Impact' },
  labelLikelihood: { ja: '顕在化率', en: 'Likelihood' },
  labelFlow: { ja: '情報流', en: 'flow' },
  labelClassification: { ja: '分類', en: 'Classification' },
  localThreat: {
    ja: 'この評価で定義した脅威（表5-1 以外）',
    en: 'threat defined by this assessment (not in Table 5-1)',
  },
  linkedFileSummary: { ja: 'リソース {resources}、未解決の指摘 {open}', en: '{resources}, {open}' },
  levelCellHead: {
    ja: '**リスクレベル {level}** ({title}) — 影響度 {impact} × 顕在化率 {likelihood} = {score}',
    en: '**Risk level {level}** ({title}) — impact {impact} × likelihood {likelihood} = {score}',
  },
  matrixOfAssessment: { ja: 'この評価の matrix', en: "this assessment's matrix" },
  matrixOfCatalog: { ja: 'カタログのリスクマトリクス', en: 'the catalog matrix' },
  matrixCorner: { ja: '影響度＼顕在化率', en: 'impact \\ likelihood' },
  riskLensTitle: {
    ja: '最低限のリスクシナリオ {covered} / {total} 件に対応、IaC の未解決の指摘 {open}',
    en: '{covered} / {total} minimum scenarios covered, {open}',
  },
  showReport: { ja: 'レポートを表示', en: 'Show report' },
  actionNotRequiredAboveAcceptance: {
    ja: '「不要」ですが、レベル {level} は許容レベル {acceptance} を超えています',
    en: 'it says not required, but level {level} is above the acceptance level {acceptance}',
  },
  actionRequiredButNotTreated: {
    ja: '「要」ですが、対応は「{treatment}」です',
    en: 'it says required, but the treatment is "{treatment}"',
  },
  // Reports (the sheet).
  labelAssessmentDate: { ja: '評価日', en: 'Assessment date' },
  labelAssessor: { ja: '評価者', en: 'Assessor' },
  labelApprover: { ja: '承認者', en: 'Approver' },
  labelNextReview: { ja: '次回見直し日', en: 'Next review' },
  reviewOverdueBy: { ja: '{date}（{late}超過）', en: '{date} ({late} overdue)' },
  coverageCount: ((lang, a) => {
    const na = Number(a.na ?? 0);
    const base = `${String(a.covered)} / ${String(a.total)}`;
    if (!na) return base;
    return lang === 'ja' ? `${base}（うち対象外 ${na}）` : `${base} (${na} not applicable)`;
  }) as Renderer,
  coveredNotApplicable: { ja: '{risks}（対象外）', en: '{risks} (not applicable)' },
  // The conformity disclosure draft (サービス仕様適合開示書).
  disclNotRiskFile: {
    ja: '{uri} はリスクファイル (*.risk.yaml) ではありません',
    en: '{uri} is not a risk file (*.risk.yaml)',
  },
  disclTitle: { ja: 'サービス仕様適合開示書（下書き）', en: 'Service specification conformity disclosure (draft)' },
  disclDraftMark: { ja: '下書き', en: 'DRAFT' },
  disclDraftNotice: {
    ja:
      'この文書は iryo-guard がリスクファイル {source} とリンクしたテンプレートから作成した下書きです。' +
      'ガイドラインへの適合を表明するものではありません。' +
      '提供事業者が内容を確かめて補い、責任者の承認を得てから医療機関等に示してください。',
    en:
      'This is a draft made by iryo-guard from the risk file {source} and the templates it links. ' +
      'It does not state that the service conforms to any guideline. ' +
      'The provider checks and completes it, and has it approved, before giving it to a healthcare institution.',
  },
  disclLabelService: { ja: 'サービス', en: 'Service' },
  disclLabelAssessment: { ja: 'リスクアセスメント', en: 'Risk assessment' },
  disclLabelGuideline: { ja: 'ガイドライン', en: 'Guideline' },
  disclAppendix: { ja: '添付. 予見されるリスク', en: 'Appendix: foreseen risks' },
  disclTreatments: { ja: '対応の区分', en: 'Treatments' },
  disclCategory: { ja: '区分', en: 'Category' },
  disclCategoryOrganizational: { ja: '組織的・人的リスクシナリオ', en: 'Organizational and human risk scenarios' },
  disclCategoryPhysical: { ja: '物理的リスクシナリオ', en: 'Physical risk scenarios' },
  disclCategoryTechnical: { ja: '技術的リスクシナリオ', en: 'Technical risk scenarios' },
  disclColScenario: { ja: 'リスクシナリオ', en: 'Risk scenario' },
  disclColRisks: { ja: 'リスク ID', en: 'Risk IDs' },
  disclColActors: { ja: '実施者', en: 'Who acts' },
  disclColTreatment: { ja: '対応', en: 'Treatment' },
  disclColProvider: { ja: '事業者の対策', en: 'Measures by the provider' },
  disclColAws: { ja: 'AWS が実施する対策', en: 'Measures by AWS' },
  disclColInstitution: { ja: '医療機関等へ対応を求める事項', en: 'Asked of the healthcare institution' },
  disclColResidual: { ja: '残存するリスク', en: 'Residual risk' },
  disclNotAssessed: { ja: '未評価', en: 'not assessed' },
  disclReason: { ja: '理由: {reason}', en: 'Reason: {reason}' },
  disclResidual: { ja: '{text}（{level}）', en: '{text} ({level})' },
  disclRequests: { ja: '医療機関等へ対応を求める事項', en: 'What is asked of the healthcare institution' },
  disclRequestsNone: {
    ja: 'リスクファイルには医療機関等が実施する対策がありません。',
    en: 'The risk file lists no measure for the healthcare institution.',
  },
  disclRequestLine: { ja: '{measure}（関連するシナリオ: {ids}）', en: '{measure} (scenarios: {ids})' },
  disclFacts: {
    ja: '技術的な事項（リンクしたテンプレートの記述）',
    en: 'Technical facts (as the linked templates state them)',
  },
  disclFactsNone: {
    ja: 'iac にテンプレートがないため、技術的な事項は載せていません。',
    en: 'No template is linked under iac, so no technical facts are listed.',
  },
  disclTopicRegions: { ja: 'リージョン', en: 'Regions' },
  disclTopicEncryption: { ja: '暗号化', en: 'Encryption' },
  disclTopicLogRetention: { ja: 'ログの保存', en: 'Log retention' },
  disclTopicBackups: { ja: 'バックアップ', en: 'Backups' },
  disclTopicNone: { ja: '記述なし', en: 'nothing stated' },
  disclOpen: { ja: '未解決の点（開示の前に確かめること）', en: 'Open points (to settle before disclosure)' },
  disclOpenNone: {
    ja: 'リスクファイルとテンプレートの照合では、未解決の点は見つかりませんでした。',
    en: 'Checking the risk file against the templates found no open point.',
  },
  /** A claimed measure the linked templates contradict or do not back. */
  disclOpenClaim: ((lang, a) => {
    const detail = String(a.detail ?? '');
    const measure = String(a.measure ?? '');
    if (lang === 'ja')
      return `${String(a.risk)}${measure ? ` の対策「${measure}」` : ''}: ${String(a.message)}${
        detail ? `（${detail}）` : ''
      }`;
    return `${String(a.risk)}${measure ? ` — "${measure}"` : ''}: ${String(a.message)}${detail ? ` (${detail})` : ''}`;
  }) as Renderer,
  disclOpenUncovered: {
    ja: '最低限のリスクシナリオ {count} 件が未評価です: {ids}',
    en: '{count} minimum scenarios are not assessed: {ids}',
  },
  disclOpenOther: {
    ja: 'リスクファイルに未解決の指摘（エラー・警告）が {count} 件あります（iryo-guard check で確かめてください）',
    en: 'The risk file has {count} open errors or warnings (see iryo-guard check)',
  },
  disclFooter: { ja: 'iryo-guard が {source} から作成', en: 'Made by iryo-guard from {source}' },
  disclSheetCover: { ja: '表紙', en: 'Cover' },
  disclSheetAppendix: { ja: '予見されるリスク', en: 'Foreseen risks' },
  disclSheetRequests: { ja: '医療機関等への依頼', en: 'Asked of institution' },
  disclSheetFacts: { ja: '技術的な事項', en: 'Technical facts' },
  disclSheetOpen: { ja: '未解決の点', en: 'Open points' },
  disclColTopic: { ja: '項目', en: 'Topic' },
  disclColFile: { ja: 'ファイル', en: 'File' },
  disclColResource: { ja: 'リソース', en: 'Resource' },
  disclColFact: { ja: '記述', en: 'Stated' },
  disclColRequest: { ja: '求める事項', en: 'Asked' },
  disclShowCommand: { ja: '開示書の下書き', en: 'Draft disclosure' },
  factRegionJapan: { ja: '{region}（国内）', en: '{region} (in Japan)' },
  factRegionAbroad: { ja: '{region}（国外）', en: '{region} (outside Japan)' },
  factRegionNone: {
    ja: '{file} はリージョンを指定していません（スタックをデプロイしたリージョンで動きます）',
    en: '{file} names no region (its resources run where the stack is deployed)',
  },
  // Drafted risk assessments.
  draftHeader: {
    ja: '{file} の指摘から作成したリスクアセスメントの下書きです。',
    en: 'Draft risk assessment made from the findings in {file}.',
  },
  draftFillIn: {
    ja: '影響度・顕在化率・残存リスクと情報流の説明は、評価者が記入してください。',
    en: 'Impact, likelihood, residual risk and the flow description are for the assessor to fill in.',
  },
  draftTitle: { ja: '{name} のリスクアセスメント', en: 'Risk assessment for {name}' },
  draftFlowHint: { ja: '情報の流れ（どこからどこへ、何を）', en: 'what information goes from where to where' },
  // Code actions.
  fixAllInFile: { ja: 'このファイルの {rule} をすべて修正', en: 'Fix all {rule} in this file' },
  suppressWithReason: { ja: '{rule} を抑制（理由を記入）', en: 'Suppress {rule} (write the reason)' },
  // Command line.
  skippedNotAFormat: {
    ja: '{file} を飛ばしました: CloudFormation テンプレート、リスクファイル (*.risk.yaml)、CDK のソースのどれでもありません',
    en: 'skipped {file}: not a CloudFormation template, a risk file (*.risk.yaml) or CDK source',
  },
  /** The last line of `check --format text`. */
  checkSummary: ((lang, a) => {
    const n = (k: string) => Number(a[k] ?? 0);
    if (lang === 'ja')
      return `${n('files')} ファイルを検査: エラー ${n('errors')}、警告 ${n('warnings')}、情報 ${n('info')}`;
    const s = (k: string, one: string, many: string) => `${n(k)} ${n(k) === 1 ? one : many}`;
    const parts = [s('errors', 'error', 'errors'), s('warnings', 'warning', 'warnings'), `${n('info')} info`];
    return `${s('files', 'file', 'files')} checked: ${parts.join(', ')}`;
  }) as Renderer,
  skippedNotRegular: {
    ja: '{file} を飛ばしました: 通常のファイルではありません（デバイス、FIFO、ソケットなど）',
    en: 'skipped {file}: not a regular file (a device, FIFO or socket)',
  },
  /** The last line before exit code 3: how many files an internal error left unchecked in part. */
  engineErrorsSummary: {
    ja: '内部エラーのため {files}のファイルの検査が不完全です（スタックトレースは上）。iryo-guard の不具合として報告してください',
    en: 'an internal error left {files} incompletely checked (stack traces above); please report the defect',
  },
  /** A line of the server's output or the CLI's stderr when the engine fails: which file, which stage, the stack. */
  engineErrorLog: {
    ja: '{file} の{stage}で内部エラー: {stack}',
    en: 'internal error in {stage} of {file}: {stack}',
  },
  /** The depth in a `nesting-too-deep` finding. */
  nestingLevels: { ja: '{depth} 段', en: '{depth} levels' },
  nestingLevelsUncounted: { ja: '段数は数えられません', en: 'too many levels to count' },
  /** A parse problem (the finding is `nesting-too-deep`): `{levels}` is one of the two above. */
  nestingTooDeepProblem: {
    ja: '入れ子が深すぎるため検査できません（{levels}、上限 {limit} 段）',
    en: 'Nested too deeply to check ({levels}; limit {limit})',
  },
  // Stages of analysis, named in `engine-error` findings and in the log line (`{stage}`).
  stageRule: { ja: '規則 {name} の検査', en: 'rule {name}' },
  stageParse: { ja: '構文解析', en: 'parsing' },
  stageTemplate: { ja: 'テンプレートの読み取り', en: 'reading the template' },
  stageSuppressions: { ja: '抑制の読み取り', en: 'reading suppressions' },
  stageFinding: { ja: '規則 {name} の指摘の作成', en: 'the finding of rule {name}' },
  stageFixes: { ja: '規則 {name} の修正の作成', en: 'the fixes of rule {name}' },
  stageSymbols: { ja: 'シンボル一覧の作成', en: 'listing symbols' },
  stageCdkScan: { ja: 'CDK コードの走査', en: 'scanning the CDK code' },
  stageCdkConstruct: { ja: 'CDK コンストラクト {name} の読み取り', en: 'reading CDK construct {name}' },
  stageCdkMethod: { ja: 'メソッド呼び出し {name} の読み取り', en: 'reading the method call {name}' },
  stageCdkModel: { ja: 'CDK モデルの構築', en: 'building the CDK model' },
  stageRiskLinks: { ja: 'iac: のファイルの読み取り', en: 'reading the iac: files' },
  stageAnalysis: { ja: '解析', en: 'analysis' },
  stageHover: { ja: 'ホバー', en: 'hover' },
  stageCompletion: { ja: '補完', en: 'completion' },
  stageCodeLens: { ja: 'コードレンズ', en: 'code lenses' },
  stageDefinition: { ja: '定義へ移動', en: 'go to definition' },
  stageReferences: { ja: '参照の検索', en: 'find references' },
  stageActions: { ja: 'コードアクション', en: 'code actions' },
  constructSuffix: { ja: '（コンストラクト {path}）', en: ' (construct {path})' },
  cdkSourceOf: { ja: 'CDK ソース: {id} の定義', en: 'CDK source: where {id} is defined' },
  singletonNoneInProject: {
    ja: '（プロジェクトのどのテンプレートにもありません）',
    en: ' (no template of the project defines one)',
  },
  singletonNoneInTemplate: {
    ja: '（別のスタックで定義している場合は、プロジェクトのフォルダーごと検査してください）',
    en: ' (if another stack of the account defines it, check the whole project folder)',
  },
  sseS3Default: {
    ja: '既定の SSE-S3 でのみ暗号化されています（{since} 以降の AWS の既定）',
    en: 'encrypted only with SSE-S3, the AWS default since {since}',
  },
  noFixPublicLoadBalancer: {
    ja: 'インターネット向けロードバランサー {name} が使うグループです。ここを VPC に絞るとサービスに届かなくなります。管理ポートは背後のインスタンスやターゲットのグループで閉じてください',
    en:
      'the internet-facing load balancer {name} uses this group; narrowing it to the VPC would take the ' +
      'service offline. Close admin ports on the groups of the instances or targets behind it',
  },
  noFixConditionalActions: {
    ja: '既定アクションが条件 (Fn::If) で切り替わるため、置き換えると作成者の条件が失われます',
    en: 'the default actions depend on a condition (Fn::If); replacing them would drop the author’s condition',
  },
  noFixNoHttpsListener: {
    ja: '同じロードバランサーに常に存在するポート 443 の HTTPS リスナーがないため、リダイレクト先がありません',
    en: 'the load balancer has no HTTPS listener on port 443 that always exists, so a redirect would lead nowhere',
  },
  noFixByRule: {
    ja: 'この規則は自動では直しません。説明を読んで、設計に合わせて変更してください',
    en: 'this rule has no automatic fix; the change depends on your design (see the explanation)',
  },
  noFixPassed: {
    ja: '値は親スタックから渡されています。親テンプレートで直してください',
    en: 'the value is passed in by the parent stack; change it there',
  },
  noFixDecidedElsewhere: {
    ja: '値はパラメーターや条件で決まり、ここでは安全に書き換えられません',
    en: 'a parameter or condition decides the value, and it cannot be rewritten safely here',
  },
  noFixLoop: {
    ja: 'Fn::ForEach のループ内のリソースで、修正に必要な新しいリソースをループの中に置けません',
    en: 'the resource is inside an Fn::ForEach loop, where the new resource the fix needs cannot go',
  },
  noFixNeedsChoice: {
    ja: '準拠する値を一つに決められないため、自動では直しません（説明を参照）',
    en: 'no single compliant value can be chosen for you here (see the explanation)',
  },
  noFixBecause: {
    ja: 'クイックフィックスなし: {reason}',
    en: 'No quick fix: {reason}',
  },
  fixCustomerKeyFor: {
    ja: 'カスタマー管理キーで暗号化（キーポリシーで {services} を許可）',
    en: 'Encrypt with a customer managed key whose policy admits {services}',
  },
  noFixDelivery: {
    ja: '{services} が配信するため、AWS 管理キーでは配信が止まります。配信元を許可するキーポリシーのカスタマー管理キーを指定してください',
    en:
      '{services} deliver into it and cannot use the AWS managed key; name a customer managed key whose ' +
      'policy admits them',
  },
  singletonDefineIn: {
    ja: '（アカウント基盤スタック {file} で定義してください）',
    en: ' (define it in the account-baseline stack {file})',
  },
  // Fix titles.
  setParameterDefault: {
    ja: 'パラメータ {param} の既定値を "{value}" にする',
    en: 'Set the default of parameter {param} to "{value}"',
  },
  restrictAllowedValues: {
    ja: 'パラメータ {param} の AllowedValues から {values} を外す',
    en: 'Remove {values} from the AllowedValues of parameter {param}',
  },
  addSkeletonsForAll: {
    ja: '未対応の {count} 件のシナリオすべてにひな形を追加',
    en: 'Add skeletons for all {count} uncovered scenarios',
  },
  changeToOsaka: { ja: '大阪リージョン (ap-northeast-3) に変更', en: 'Change to the Osaka region (ap-northeast-3)' },
  setValue: { ja: '{property} に {value} を指定', en: 'Set {property} to {value}' },
  useKmsKey: { ja: 'KMS 鍵 {key} を使う', en: 'Use KMS key {key}' },
  useKmsKeyAllowingLogs: {
    ja: 'KMS 鍵 {key} を使う（鍵ポリシーで CloudWatch Logs に利用を許可すること）',
    en: 'Use KMS key {key} (its key policy must allow CloudWatch Logs)',
  },
  /** "Set DeletionPolicy and UpdateReplacePolicy to Retain". */
  setAttributesTo: ((lang, args) => {
    const names = Array.isArray(args.attributes) ? args.attributes.map(String) : [String(args.attributes)];
    return lang === 'ja'
      ? `${names.join(' と ')} を ${String(args.value)} にする`
      : `Set ${names.join(' and ')} to ${String(args.value)}`;
  }) as Renderer,
  fixRule: { ja: '{rule} を修正', en: 'Fix {rule}' },
  replaceWith: { ja: '「{value}」に置き換える', en: 'Replace with "{value}"' },
  migrateAdd: {
    ja: '第6.0版の対応項目 {ids} を {from} の横に追加',
    en: 'Add the edition 6.0 counterparts {ids} beside {from}',
  },
  migrateReplace: {
    ja: '{from} を第6.0版の対応項目 {ids} に置き換える',
    en: 'Replace {from} with its edition 6.0 counterparts {ids}',
  },
  /** "; did you mean "a", "b"?" appended to a message, or nothing. */
  didYouMean: ((lang, args) => {
    const c = list(args, 'candidates');
    if (!c.length) return '';
    return lang === 'ja'
      ? `。もしかして ${c.map(x => `「${x}」`).join('、')}`
      : `; did you mean ${c.map(x => `"${x}"`).join(', ')}?`;
  }) as Renderer,
  // Editor commands.
  explainNeedsId: {
    ja: '説明する ID（規則・シナリオなど）を指定してください',
    en: 'Give an ID to explain (a rule, scenario, threat, service or guideline item)',
  },
  /** `"x" is not in the iryo-guard catalog; did you mean a, b?` */
  notInCatalog: ((lang, args) => {
    const c = list(args, 'candidates');
    const id = String(args.id ?? '');
    return lang === 'ja'
      ? `"${id}" は iryo-guard のカタログにありません${c.length ? `。もしかして: ${c.join(', ')}` : ''}`
      : `"${id}" is not in the iryo-guard catalog${c.length ? `; did you mean ${c.join(', ')}?` : ''}`;
  }) as Renderer,
  newAssessmentNeedsTemplate: {
    ja: 'CloudFormation テンプレートまたは CDK のファイルを開いてから実行してください',
    en: 'Open a CloudFormation template or CDK file first',
  },
  coverageNeedsRiskFile: {
    ja: 'カバレッジレポートを表示するには *.risk.yaml ファイルを開いてください',
    en: 'Open a *.risk.yaml file to see its coverage report',
  },
  disclosureNeedsRiskFile: {
    ja: '開示書の下書きを作るには *.risk.yaml ファイルを開いてください',
    en: 'Open a *.risk.yaml file to draft its disclosure',
  },
  coverageNotAvailable: {
    ja: 'このバージョンの iryo-guard ではリスクファイルのカバレッジレポートを作成できません',
    en: 'This version of iryo-guard cannot build a coverage report for risk files',
  },
  reportTitle: { ja: 'レポート: {name}', en: 'Report: {name}' },
  // Client settings that are not understood.
  /** ` (did you mean a, b?)` after a setting problem, or nothing. */
  settingDidYouMean: ((lang, args) => {
    const c = list(args, 'candidates');
    if (!c.length) return '';
    return lang === 'ja' ? `（もしかして ${c.join('、')}）` : ` (did you mean ${c.join(', ')}?)`;
  }) as Renderer,
  settingUnknownRule: { ja: '{setting}: 規則「{id}」はありません{hint}', en: '{setting}: unknown rule "{id}"{hint}' },
  settingBadSeverity: {
    ja: 'iryoGuard.severityOverrides: {rule} の重大度 {value} は error / warning / info / hint のどれでもありません',
    en: 'iryoGuard.severityOverrides: severity {value} for {rule} is not error, warning, info or hint',
  },
  /** A setting whose value is none of the allowed ones. */
  settingNotOneOf: ((lang, args) => {
    const allowed = list(args, 'allowed');
    const head = `iryoGuard.${String(args.setting ?? '')}: ${String(args.value ?? '')}`;
    return lang === 'ja'
      ? `${head} は ${allowed.join(' / ')} のどれでもありません。既定値を使います`
      : `${head} is not one of ${allowed.join(', ')}; using the default`;
  }) as Renderer,
  settingBadGuideline: {
    ja: 'iryoGuard.guideline: {value} はガイドラインの版ではありません{hint}',
    en: 'iryoGuard.guideline: {value} is not a guideline edition{hint}',
  },
  settingBadMaxFileSize: {
    ja: 'iryoGuard.maxFileSizeKB: {value} は正の数ではありません。既定値 {default} を使います',
    en: 'iryoGuard.maxFileSizeKB: {value} is not a positive number; using the default {default}',
  },
  settingBadRetentionDays: {
    ja: 'iryoGuard.auditLogRetentionDays: {value} は 1 以上の整数（日数）ではありません。既定値 {default} を使います',
    en:
      'iryoGuard.auditLogRetentionDays: {value} is not a whole number of days (1 or more); using the ' +
      'default {default}',
  },
  settingProblemsMore: { ja: ' ほか {count} 件', en: ' (and {count} more; see the output)' },
  // Risk assessment reports (Markdown, HTML, Excel).
  notARiskFile: {
    ja: '{uri} はリスクファイル (*.risk.yaml) ではありません',
    en: '{uri} is not a risk file (*.risk.yaml)',
  },
  reportAssessment: { ja: 'リスクアセスメントシート', en: 'Risk assessment' },
  reportGuideline: { ja: 'ガイドライン', en: 'Guideline' },
  reportAcceptance: { ja: '許容レベル', en: 'Acceptance level' },
  reportMinimumScenarios: { ja: '最低限のリスクシナリオ', en: 'Minimum scenarios covered' },
  reportOpenIacFindings: { ja: 'IaC の未解決の指摘', en: 'Open IaC findings' },
  reportFileDiagnostics: { ja: 'このファイルの指摘', en: 'Diagnostics in this file' },
  reportSheet: { ja: 'シート', en: 'Sheet' },
  reportCoverage: { ja: 'リスクシナリオの網羅', en: 'Scenario coverage' },
  reportCoverageSheet: { ja: '網羅', en: 'Coverage' },
  reportNotesSheet: { ja: '注記', en: 'Notes' },
  reportScenario: { ja: 'シナリオ', en: 'Scenario' },
  reportScenarioTitle: { ja: '内容', en: 'Title' },
  reportCoveredBy: { ja: '対応するリスク', en: 'Covered by' },
  reportNotCovered: { ja: '未対応', en: 'not covered' },
  reportRiskMatrix: { ja: 'リスクマトリクス', en: 'Risk matrix' },
  reportMatrixBefore: { ja: 'リスクマトリクス（対策前）', en: 'Risk matrix before treatment' },
  reportMatrixAfter: { ja: 'リスクマトリクス（残存リスク）', en: 'Risk matrix after treatment (residual)' },
  reportBefore: { ja: '対策前', en: 'Before treatment' },
  reportResidual: { ja: '残存リスク', en: 'Residual (after treatment)' },
  reportLevels: { ja: 'レベル', en: 'Levels' },
  reportDiagnostics: { ja: '指摘', en: 'Diagnostics' },
  reportLine: { ja: '行', en: 'Line' },
  reportRule: { ja: '規則', en: 'Rule' },
  reportMessage: { ja: '内容', en: 'Message' },
  heatMapLikelihood: { ja: '顕在化率', en: 'likelihood' },
  heatMapCaption: {
    ja: '縦軸: 影響度、横軸: 顕在化率、数字: リスクの件数',
    en: 'rows: impact, columns: likelihood, numbers: count of risks',
  },
  actionRequiredYes: { ja: '要', en: 'Yes' },
  actionRequiredNo: { ja: '不要', en: 'No' },
  // Columns of the リスクアセスメントシート, in the order of the seed's sheet.
  columnRisk: { ja: 'リスクID', en: 'Risk ID' },
  columnFlow: { ja: '情報流', en: 'Information flow' },
  columnClassification: { ja: '分類', en: 'Classification' },
  columnThreat: { ja: '関連する脅威', en: 'Related threat' },
  columnScenarios: { ja: 'リスクシナリオ', en: 'Risk scenarios' },
  columnDescription: { ja: '特定したリスク', en: 'Identified risk' },
  columnImpact: { ja: '影響度', en: 'Impact' },
  columnLikelihood: { ja: '顕在化率', en: 'Likelihood' },
  columnLevel: { ja: 'リスクレベル', en: 'Risk level' },
  columnActionRequired: { ja: '対応要否', en: 'Action required' },
  columnTreatment: { ja: '対応', en: 'Treatment' },
  columnPerspective: { ja: '対策の観点', en: 'Perspective' },
  columnProvider: { ja: '事業者が実施する対策', en: 'Provider controls' },
  columnAws: { ja: 'AWSが実施している対策', en: 'Controls by AWS' },
  columnInstitution: { ja: '医療機関等へ対応を求める事項', en: 'Asked of the healthcare institution' },
  columnServices: { ja: 'AWSサービス', en: 'AWS services' },
  columnRules: { ja: 'IaC 規則', en: 'IaC rules' },
  columnGuidelines: { ja: 'ガイドライン項目', en: 'Guideline items' },
  columnResidualDescription: { ja: '残存するリスク', en: 'Residual risk' },
  columnResidualImpact: { ja: '残存 影響度', en: 'Residual impact' },
  columnResidualLikelihood: { ja: '残存 顕在化率', en: 'Residual likelihood' },
  columnResidualLevel: { ja: '残存 リスクレベル', en: 'Residual level' },
  columnJustification: { ja: '受容・対象外の理由', en: 'Reason (accepted / not applicable)' },
} satisfies Record<string, Template | Renderer>;

export type PhraseId = keyof typeof PHRASES;
