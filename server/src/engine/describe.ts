import { Catalog } from './catalog/catalog';
import { CatalogEntry, GuidelineItem, Localized, Source } from './catalog/types';
import { Lang, localize, otherLang, t } from './i18n/text';
import { PhraseId } from './i18n/phrases';

const CATEGORY: Record<string, PhraseId> = {
  organizational: 'categoryOrganizational',
  physical: 'categoryPhysical',
  technical: 'categoryTechnical',
};
const KIND: Record<CatalogEntry['kind'], PhraseId> = {
  scenario: 'kindScenario',
  threat: 'kindThreat',
  service: 'kindService',
  guideline: 'kindGuideline',
  edition: 'kindEdition',
  rule: 'kindRule',
};

const ITEM_KIND: Record<GuidelineItem['kind'], PhraseId> = {
  minimum: 'itemMinimum',
  recommended: 'itemRecommended',
  chapter: 'itemChapter',
  reference: 'itemReference',
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

export function entryTitle(e: CatalogEntry): Localized {
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
  const other = otherLang(lang);
  const title = entryTitle(e);
  const lines = [`**${e.id}** — ${t(KIND[e.kind], lang)}`, '', `${title[lang]}`, `_${title[other]}_`, ''];
  const fact = (label: PhraseId, value: string) => lines.push(`- ${t(label, lang)}: ${value}`);
  const scenarios = (ids: string[]) =>
    ids.map(id => {
      const s = catalog.scenarios.get(id);
      return s ? `${id} ${localize(s.title, lang)}` : id;
    });
  const services = (ids: string[]) => ids.map(s => catalog.services.get(s)?.name ?? s).join(', ');
  switch (e.kind) {
    case 'scenario':
      fact('labelCategory', t(CATEGORY[e.entry.category], lang));
      if (e.entry.mhlw.length) fact('labelMhlwGuideline', e.entry.mhlw.join(', '));
      if (e.entry.threats.length)
        fact('labelThreats', e.entry.threats.map(x => localize(catalog.threats.get(x)?.label, lang) || x).join(', '));
      if (e.entry.services.length) fact('labelRelatedServices', services(e.entry.services));
      break;
    case 'threat':
      lines.push(localize(e.entry.summary, lang));
      break;
    case 'service':
      lines.push(localize(e.entry.summary, lang));
      if (e.entry.resourceTypes.length) {
        lines.push('');
        fact('labelResourceTypes', e.entry.resourceTypes.map(x => `\`${x}\``).join(', '));
      }
      if (e.entry.scenarios.length) fact('labelRelatedScenarios', scenarios(e.entry.scenarios).join('; '));
      break;
    case 'guideline':
      if (e.entry.summary) lines.push(localize(e.entry.summary, lang), '');
      fact('labelEdition', localize(e.edition.title, lang));
      fact('labelKind', t(ITEM_KIND[e.entry.kind], lang));
      if (e.entry.chapterTitle && e.entry.kind !== 'chapter')
        fact('labelChapter', `${e.entry.chapter} ${e.entry.chapterTitle.ja}`);
      if (!e.entry.verified) lines.push(`- ${t('notVerified', lang)}`);
      if (e.entry.note) lines.push('', localize(e.entry.note, lang));
      break;
    case 'edition':
      fact('labelPublisher', `${e.entry.publisher} ${e.entry.version} (${e.entry.published})`);
      if (!e.entry.verified) lines.push(`- ${t('editionNotVerified', lang)}`);
      if (e.entry.note) lines.push('', localize(e.entry.note, lang));
      break;
    case 'rule':
      lines.push(localize(e.entry.explanation, lang), '');
      fact('labelSeverity', e.entry.severity);
      if (e.entry.scenarios.length) fact('labelScenarios', scenarios(e.entry.scenarios).join('; '));
      if (e.entry.guidelines.length) fact('labelGuidelines', e.entry.guidelines.join(', '));
      if (e.entry.services.length) fact('labelServices', services(e.entry.services));
      break;
  }
  const src = 'source' in e.entry ? e.entry.source : undefined;
  if (src) lines.push('', `${t('labelSource', lang)}: ${sourceText(src, lang)}`);
  return lines.join('\n');
}

/** A source as one line: the document (a seed by number) and section, its page, and the address it was read at. */
export function sourceText(src: Source, lang: Lang): string {
  const doc = src.doc === 'web' ? '' : `${src.doc} `;
  const page = src.page ? ` ${t('page', lang, { page: src.page })}` : '';
  return `${doc}${src.section}${page}${src.url ? ` <${src.url}>` : ''}`;
}
