/**
 * Guideline references as a reader sees them: always with their edition, since "6.5" alone does not say which
 * guideline is meant. 「医療GL 6.0 シス14②」 / "MHLW 6.0 Sys 14②", 「医療GL 5.2 6.5」 / "MHLW 5.2 6.5".
 */
import type { GuidelineRef } from '../catalog/types';
import type { Lang } from './text';

/** Short names of the publishers' guidelines, as reviewers write them. */
const PUBLISHER: Record<string, { ja: string; en: string }> = {
  mhlw: { ja: '医療GL', en: 'MHLW' },
  metimic: { ja: '事業者GL', en: 'METI/MIC' },
};

/**
 * Short names of the MHLW 6.0 parts: the ones auditors write in Japanese (シス14②, 企6⑤, 経3①) and the English
 * subtitles MHLW gives the parts (Control, Management, Governance), shortened.
 */
const PART: Record<string, { ja: string; en: string }> = {
  システム運用編: { ja: 'シス', en: 'Sys ' },
  企画管理編: { ja: '企', en: 'Mgmt ' },
  経営管理編: { ja: '経', en: 'Gov ' },
};

/** 「医療GL 6.0」 / "MHLW 6.0" for `mhlw-6.0`; an unknown edition ID as it is. */
export function editionLabel(edition: string, lang: Lang): string {
  const m = /^([a-z]+)-(\d+\.\d+)$/.exec(edition);
  const p = m && PUBLISHER[m[1]];
  return p ? `${p[lang]} ${m[2]}` : edition;
}

/** The item as auditors write it: 「シス14②」 / "Sys 14②" for MHLW 6.0, the catalog ID otherwise. */
export function itemLabel(ref: GuidelineRef, lang: Lang): string {
  const m = /^(システム運用編|企画管理編|経営管理編) (\d{1,2})(?: ([①-⑳]))?$/.exec(ref.id);
  if (!m) return ref.id;
  return `${PART[m[1]][lang]}${m[2]}${m[3] ?? ''}`;
}

/** 「医療GL 6.0 シス14②」 / "MHLW 6.0 Sys 14②". */
export function refLabel(ref: GuidelineRef, lang: Lang): string {
  return `${editionLabel(ref.edition, lang)} ${itemLabel(ref, lang)}`;
}

/**
 * Several references, grouped by edition in the order given (lead edition first):
 * 「医療GL 6.0 シス7③、企15③／医療GL 5.2 6.5」 / "MHLW 6.0 Sys 7③, Mgmt 15③; MHLW 5.2 6.5".
 */
export function refsText(refs: readonly GuidelineRef[], lang: Lang): string {
  const groups = new Map<string, string[]>();
  for (const r of refs) groups.set(r.edition, [...(groups.get(r.edition) ?? []), itemLabel(r, lang)]);
  const sep = lang === 'ja' ? '、' : ', ';
  return [...groups]
    .map(([edition, items]) => `${editionLabel(edition, lang)} ${items.join(sep)}`)
    .join(lang === 'ja' ? '／' : '; ');
}

/** The lead edition's references (the first reference's edition): what a one-line finding shows. */
export function leadRefs(refs: readonly GuidelineRef[]): GuidelineRef[] {
  return refs.length ? refs.filter(r => r.edition === refs[0].edition) : [];
}
