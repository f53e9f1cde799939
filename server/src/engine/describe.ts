import { Catalog } from './catalog/catalog';
import { counterparts, leadEdition, ruleRefs } from './catalog/editions';
import { CatalogEntry, GuidelineEdition, GuidelineItem, GuidelineRef, Localized, Source } from './catalog/types';
import { editionLabel, refLabel, refsText } from './i18n/guidelines';
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

/** Options of a description: which MHLW edition's items come first (see `leadEdition`). */
export interface DescribeOptions {
  /** An edition ID (`iryoGuard.guideline`, `--guideline`, a risk file's `assessment.guideline`). */
  guideline?: string;
}

/**
 * What an item is, in its own edition's terms: a 6.0 遵守事項 or chapter, a 5.2 C or D item or heading, a METI/MIC
 * table, annex or annex measure.
 */
export function itemKind(item: GuidelineItem, edition: GuidelineEdition): PhraseId {
  if (edition.id === 'mhlw-6.0') return item.kind === 'chapter' ? 'itemChapter6' : 'itemRequirement6';
  if (edition.publisher === 'MHLW')
    return item.kind === 'minimum'
      ? 'itemMinimum52'
      : item.kind === 'recommended'
        ? 'itemRecommended52'
        : 'itemChapter52';
  if (item.kind === 'chapter') return 'itemChapter';
  if (item.kind === 'minimum') return 'itemAnnexMeasure';
  if (item.id.startsWith('表')) return 'itemTable';
  if (item.id.startsWith('別紙')) return 'itemAnnex';
  return 'itemReference';
}

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
      return {
        ...base,
        ...e.entry,
        edition: e.edition.id,
        label: {
          ja: refLabel({ edition: e.edition.id, id: e.id }, 'ja'),
          en: refLabel({ edition: e.edition.id, id: e.id }, 'en'),
        },
      };
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

/**
 * Markdown for hover and `explain`: both languages' titles, the user's language first, then the facts. Guideline
 * items are named with their edition; lists of them put the lead edition first. Descriptions of guideline items,
 * editions, scenarios and rules end with the line that iryo-guard supports, and does not certify, conformity.
 */
export function describeEntry(e: CatalogEntry, catalog: Catalog, lang: Lang, opts: DescribeOptions = {}): string {
  const other = otherLang(lang);
  const lead = leadEdition(opts.guideline);
  const title = entryTitle(e);
  const head =
    e.kind === 'guideline'
      ? `**${e.id}** — ${t(KIND[e.kind], lang)} (${refLabel({ edition: e.edition.id, id: e.id }, lang)})`
      : `**${e.id}** — ${t(KIND[e.kind], lang)}`;
  const lines = [head, '', `${title[lang]}`, `_${title[other]}_`, ''];
  const fact = (label: PhraseId, value: string) => lines.push(`- ${t(label, lang)}: ${value}`);
  const scenarios = (ids: string[]) =>
    ids.map(id => {
      const s = catalog.scenarios.get(id);
      return s ? `${id} ${localize(s.title, lang)}` : id;
    });
  const services = (ids: string[]) => ids.map(s => catalog.services.get(s)?.name ?? s).join(', ');
  let certify = false;
  switch (e.kind) {
    case 'scenario': {
      fact('labelCategory', t(CATEGORY[e.entry.category], lang));
      const six: GuidelineRef[] = e.entry.mhlw6.map(id => ({ edition: 'mhlw-6.0', id }));
      const five: GuidelineRef[] = e.entry.mhlw.map(id => ({ edition: 'mhlw-5.2', id }));
      const state = t(e.entry.mhlw6Verified ? 'counterpartsVerified' : 'counterpartsNotVerified', lang);
      const sixLine = six.length ? `${refsText(six, lang)} (${state})` : '';
      const fiveLine = five.length ? refsText(five, lang) : '';
      for (const line of lead === 'mhlw-5.2' ? [fiveLine, sixLine] : [sixLine, fiveLine])
        if (line) fact('labelMhlwGuideline', line);
      if (e.entry.threats.length)
        fact('labelThreats', e.entry.threats.map(x => localize(catalog.threats.get(x)?.label, lang) || x).join(', '));
      if (e.entry.services.length) fact('labelRelatedServices', services(e.entry.services));
      certify = true;
      break;
    }
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
    case 'guideline': {
      if (e.entry.summary) lines.push(localize(e.entry.summary, lang), '');
      fact('labelEdition', localize(e.edition.title, lang));
      fact('labelKind', t(itemKind(e.entry, e.edition), lang));
      if (e.entry.chapterTitle && e.entry.kind !== 'chapter')
        fact('labelChapter', `${e.entry.chapter} ${e.entry.chapterTitle.ja}`);
      if (!e.entry.verified) lines.push(`- ${t('notVerified', lang)}`);
      if (e.edition.id === 'mhlw-5.2') lines.push(...counterpartLines(catalog, e.id, lang));
      if (e.entry.note) lines.push('', localize(e.entry.note, lang));
      certify = true;
      break;
    }
    case 'edition':
      fact('labelPublisher', `${e.entry.publisher} ${e.entry.version} (${e.entry.published})`);
      if (!e.entry.verified) lines.push(`- ${t('editionNotVerified', lang)}`);
      if (e.entry.note) lines.push('', localize(e.entry.note, lang));
      certify = true;
      break;
    case 'rule':
      lines.push(localize(e.entry.explanation, lang), '');
      fact('labelSeverity', e.entry.severity);
      if (e.entry.scenarios.length) fact('labelScenarios', scenarios(e.entry.scenarios).join('; '));
      if (e.entry.guidelines.length) fact('labelGuidelines', refsText(ruleRefs(e.entry, lead), lang));
      if (e.entry.services.length) fact('labelServices', services(e.entry.services));
      certify = e.entry.guidelines.length > 0;
      break;
  }
  const src = 'source' in e.entry ? e.entry.source : undefined;
  if (src) lines.push('', `${t('labelSource', lang)}: ${sourceText(src, lang)}`);
  if (certify) lines.push('', `_${t('supportNotCertify', lang)}_`);
  return lines.join('\n');
}

/** The migration aid on a 5.2 item: its 6.0 counterparts, whether the link is verified, and on what basis. */
function counterpartLines(catalog: Catalog, id: string, lang: Lang): string[] {
  const c = counterparts(catalog, id);
  if (!c) return [];
  const refs = c.ids.map(x => ({ edition: 'mhlw-6.0', id: x }));
  const items = refs.map(r => {
    const hit = catalog.guidelineItems.get(`mhlw-6.0:${r.id}`);
    return `  - ${refLabel(r, lang)}${hit ? ` ${localize(hit.item.title, lang)}` : ''}`;
  });
  const basis = c.basis
    ? localize(c.basis, lang)
    : t('counterpartsViaScenarios', lang, { scenarios: (c.scenarios ?? []).join(', ') });
  const state = t(c.verified ? 'counterpartsVerified' : 'counterpartsNotVerified', lang);
  const out = [
    `- ${t('labelCounterparts6', lang)} (${editionLabel('mhlw-6.0', lang)}):`,
    ...items,
    `  - ${state}: ${basis}`,
  ];
  if (c.source) out.push(`  - ${t('labelSource', lang)}: ${sourceText(c.source, lang)}`);
  return out;
}

const SEED_DOCS: Record<string, PhraseId> = {
  '000': 'sourceDoc000',
  '001': 'sourceDoc001',
  '002': 'sourceDoc002',
  '003': 'sourceDoc003',
  '004': 'sourceDoc004',
};

/**
 * A source as one line: the document by name (the catalog's seed documents are cited by number in the data) and
 * section, its page, and the address it was read at.
 */
export function sourceText(src: Source, lang: Lang): string {
  const seed = SEED_DOCS[src.doc];
  const doc = src.doc === 'web' ? '' : seed ? `${t(seed, lang)}: ` : `${src.doc} `;
  const page = src.page ? ` ${t('page', lang, { page: src.page })}` : '';
  return `${doc}${src.section}${page}${src.url ? ` <${src.url}>` : ''}`;
}
