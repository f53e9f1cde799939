import { Catalog } from './catalog/catalog';
import { CatalogEntry } from './catalog/types';
import { pick } from './findings';
import { Lang } from './model/types';

const CATEGORY: Record<string, { ja: string; en: string }> = {
  organizational: { ja: '組織的・人的', en: 'organizational / human' },
  physical: { ja: '物理的', en: 'physical' },
  technical: { ja: '技術的', en: 'technical' },
};
const KIND: Record<string, { ja: string; en: string }> = {
  scenario: { ja: 'リスクシナリオ (別紙2)', en: 'Risk scenario (Annex 2)' },
  threat: { ja: '脅威 (表5-1)', en: 'Threat (Table 5-1)' },
  service: { ja: 'AWS サービス', en: 'AWS service' },
  guideline: { ja: 'ガイドライン項目', en: 'Guideline item' },
  edition: { ja: 'ガイドライン版', en: 'Guideline edition' },
  rule: { ja: 'iryo-guard 規則', en: 'iryo-guard rule' },
};

const GUIDELINE_KIND: Record<string, { ja: string; en: string }> = {
  minimum: { ja: '最低限の遵守事項 (C / 遵守事項)', en: 'minimum requirement (C / 遵守事項)' },
  recommended: { ja: '推奨事項 (D)', en: 'recommended (D)' },
  chapter: { ja: '章・節の見出し', en: 'chapter or section heading' },
  reference: { ja: '参考資料（表・別紙）', en: 'reference material (table or annex)' },
};

/** A catalog entry as plain JSON for `explain --format json` and tools. */
export function entryJson(e: CatalogEntry): Record<string, unknown> {
  const base = { id: e.id, kind: e.kind };
  switch (e.kind) {
    case 'scenario':
      return { ...base, ...e.entry, aliases: undefined };
    case 'threat':
      return { ...base, title: e.entry.label, ...e.entry };
    case 'service':
      return { ...base, title: { ja: e.entry.name, en: e.entry.name }, ...e.entry };
    case 'guideline':
      return { ...base, ...e.entry, edition: e.edition.id };
    case 'edition':
      return { ...base, ...e.entry };
    case 'rule':
      return { ...base, ...e.entry };
  }
}

export function entryTitle(e: CatalogEntry): { ja: string; en: string } {
  switch (e.kind) {
    case 'threat':
      return e.entry.label;
    case 'service':
      return { ja: e.entry.name, en: e.entry.name };
    default:
      return e.entry.title;
  }
}

/** Markdown for hover and `explain`: both languages' titles, the user's language first, then the facts. */
export function describeEntry(e: CatalogEntry, catalog: Catalog, lang: Lang): string {
  const other: Lang = lang === 'ja' ? 'en' : 'ja';
  const title = entryTitle(e);
  const lines = [`**${e.id}** — ${KIND[e.kind][lang]}`, '', `${title[lang]}`, `_${title[other]}_`, ''];
  const L = (ja: string, en: string) => (lang === 'ja' ? ja : en);
  const scen = (ids: string[]) =>
    ids.map(id => {
      const s = catalog.scenarios.get(id);
      return s ? `${id} ${pick(s.title, lang)}` : id;
    });
  switch (e.kind) {
    case 'scenario':
      lines.push(`- ${L('区分', 'Category')}: ${CATEGORY[e.entry.category][lang]}`);
      if (e.entry.mhlw.length) lines.push(`- ${L('厚労省ガイドライン', 'MHLW guideline')}: ${e.entry.mhlw.join(', ')}`);
      if (e.entry.threats.length)
        lines.push(
          `- ${L('脅威', 'Threats')}: ${e.entry.threats.map(t => pick(catalog.threats.get(t)?.label, lang) || t).join(', ')}`,
        );
      if (e.entry.services.length)
        lines.push(
          `- ${L('関連サービス', 'Services')}: ${e.entry.services.map(s => catalog.services.get(s)?.name ?? s).join(', ')}`,
        );
      break;
    case 'threat':
      lines.push(pick(e.entry.summary, lang));
      break;
    case 'service':
      lines.push(pick(e.entry.summary, lang));
      if (e.entry.resourceTypes.length)
        lines.push(
          '',
          `- ${L('リソース型', 'Resource types')}: ${e.entry.resourceTypes.map(t => `\`${t}\``).join(', ')}`,
        );
      if (e.entry.scenarios.length)
        lines.push(`- ${L('関連シナリオ', 'Scenarios')}: ${scen(e.entry.scenarios).join('; ')}`);
      break;
    case 'guideline':
      if (e.entry.summary) lines.push(pick(e.entry.summary, lang), '');
      lines.push(
        `- ${L('版', 'Edition')}: ${pick(e.edition.title, lang)}`,
        `- ${L('種別', 'Kind')}: ${GUIDELINE_KIND[e.entry.kind][lang]}`,
      );
      if (e.entry.chapterTitle && e.entry.kind !== 'chapter')
        lines.push(`- ${L('章', 'Chapter')}: ${e.entry.chapter} ${e.entry.chapterTitle.ja}`);
      if (!e.entry.verified) lines.push(`- ${L('未検証の項目です', 'Not verified against the published text')}`);
      break;
    case 'edition':
      lines.push(`- ${L('発行', 'Publisher')}: ${e.entry.publisher} ${e.entry.version} (${e.entry.published})`);
      break;
    case 'rule':
      lines.push(pick(e.entry.explanation, lang), '', `- ${L('重大度', 'Severity')}: ${e.entry.severity}`);
      if (e.entry.scenarios.length)
        lines.push(`- ${L('リスクシナリオ', 'Scenarios')}: ${scen(e.entry.scenarios).join('; ')}`);
      if (e.entry.guidelines.length)
        lines.push(`- ${L('ガイドライン', 'Guidelines')}: ${e.entry.guidelines.join(', ')}`);
      if (e.entry.services.length)
        lines.push(
          `- ${L('サービス', 'Services')}: ${e.entry.services.map(s => catalog.services.get(s)?.name ?? s).join(', ')}`,
        );
      break;
  }
  const src = 'source' in e.entry ? e.entry.source : undefined;
  if (src) {
    const page = src.page ? ` ${L(`${src.page} ページ`, `p. ${src.page}`)}` : '';
    lines.push('', `${L('出典', 'Source')}: ${src.doc} ${src.section}${page}${src.url ? ` <${src.url}>` : ''}`);
  }
  return lines.join('\n');
}
