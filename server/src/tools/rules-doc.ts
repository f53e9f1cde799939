/** Generates docs/rules.md from the catalog: `npm run docs`. A test keeps the committed file in step. */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../engine';
import { defaultCatalog } from '../host/resources';
import { RuleMeta } from '../engine/catalog/types';
import { refLabel, refsText } from '../engine/i18n/guidelines';

const FAMILY_TITLE: Record<string, string> = {
  'encryption-at-rest': 'Encryption at rest / 保存時の暗号化',
  'encryption-in-transit': 'Encryption in transit / 通信の暗号化',
  logging: 'Audit logging / 監査ログ',
  backup: 'Backup and ransomware resilience / バックアップ',
  'network-exposure': 'Network exposure / ネットワークの露出',
  identity: 'Identity / ID・認証',
  detection: 'Detection / 検知',
  'data-location': 'Data location / データの所在',
  risk: 'Risk assessment files / リスクアセスメント',
  cdk: 'AWS CDK',
  core: 'Engine / エンジン',
};

export function renderRulesDoc(catalog: Catalog): string {
  const rules = [...catalog.rules.values()];
  const families = [...new Set(rules.map(r => r.family))].sort((a, b) => order(a) - order(b));
  const cell = (xs: string[]) => (xs.length ? xs.join(', ') : '—');
  const out = [
    '<!-- Generated from catalog/rules/*.yaml by `npm run docs`. Do not edit by hand. -->',
    '# iryo-guard rules / 規則一覧',
    '',
    `${rules.length} rules. Each finding names the minimum risk scenarios (METI/MIC 別紙2) and guideline ` +
      `items it serves.`,
    'Guideline items carry their edition: MHLW 6.0 遵守事項 first',
    '("MHLW 6.0 Sys 14②" = 「医療GL 6.0 シス14②」 = システム運用編 14 ②), then the MHLW 5.2 items kept as secondary',
    'references ("MHLW 5.2 6.5"). With `iryoGuard.guideline: mhlw-5.2` (CLI `--guideline mhlw-5.2`) findings list 5.2',
    'first. See [guidelines.md](guidelines.md) for the editions and ID forms.',
    'Account-level rules fire only on templates that look like an account baseline (they define ' +
      'CloudTrail, GuardDuty, Config, Security Hub or',
    'Organizations resources, or set `Metadata: {iryo-guard: {accountBaseline: true}}`), or everywhere ' +
      'with `iryoGuard.accountLevelRules: always`',
    '(CLI `--account-level always`).',
    '',
    '| ID | Severity | Title | Scenarios | Guideline items | Fix |',
    '|---|---|---|---|---|---|',
    ...families.flatMap(f =>
      rules
        .filter(r => r.family === f)
        .map(
          r =>
            `| [\`${r.id}\`](#${r.id}) | ${r.severity} | ${r.title.en} / ${r.title.ja} | ${cell(r.scenarios)} | ` +
            `${refsText(r.guidelines, 'en') || '—'} | ${r.fix ? 'yes' : '—'} |`,
        ),
    ),
    '',
  ];
  for (const f of families) {
    out.push(`## ${FAMILY_TITLE[f] ?? f}`, '');
    for (const r of rules.filter(x => x.family === f)) out.push(...section(r, catalog));
  }
  return out.join('\n');
}

function order(f: string): number {
  const i = Object.keys(FAMILY_TITLE).indexOf(f);
  return i < 0 ? 99 : i;
}

function section(r: RuleMeta, catalog: Catalog): string[] {
  const services = r.services.map(s => catalog.services.get(s)?.name ?? s);
  return [
    `<a id="${r.id}"></a>`,
    `### ${r.id}`,
    '',
    `**${r.title.en}** / **${r.title.ja}** — ${r.severity}${r.accountLevel ? ', account-level' : ''}`,
    '',
    r.explanation.en,
    '',
    r.explanation.ja,
    '',
    `- Scenarios / シナリオ: ` +
      `${r.scenarios.map(s => `${s} ${catalog.scenarios.get(s)?.title.en ?? ''}`.trim()).join('; ') || '—'}`,
    ...guidelineLines(r),
    `- Services / サービス: ${services.join(', ') || '—'}`,
    ...(r.appliesTo?.length ? [`- Resource types: ${r.appliesTo.map(t => `\`${t}\``).join(', ')}`] : []),
    ...(r.dataClass
      ? [`- Data class: ${r.dataClass} (silent where a template or resource declares less sensitive data)`]
      : []),
    ...(r.fix ? [`- Quick fix: ${r.fix.title.en} / ${r.fix.title.ja}`] : []),
    '',
  ];
}

/** Each guideline item with its edition, and for MHLW 6.0 why the rule serves it. */
function guidelineLines(r: RuleMeta): string[] {
  if (!r.guidelines.length) return ['- Guideline items / ガイドライン: —'];
  return [
    '- Guideline items / ガイドライン:',
    ...r.guidelines.map(
      g => `  - ${refLabel(g, 'en')} / ${refLabel(g, 'ja')} (${g.id})${g.reason ? ` — ${g.reason}` : ''}`,
    ),
  ];
}

if (require.main === module) {
  const file = path.resolve(__dirname, '../../../../docs/rules.md');
  fs.writeFileSync(file, renderRulesDoc(defaultCatalog()));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
