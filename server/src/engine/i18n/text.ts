/**
 * Text that is rendered at the face, in the language the user reads. The engine produces `Text` values (a finding's
 * arguments, fix titles, related-information messages); only this module turns them into Japanese or English.
 */
import type { Catalog } from '../catalog/catalog';
import type { Localized } from '../catalog/types';
import type { Cause } from '../model/evaluate';
import { PHRASES, PhraseId } from './phrases';

export type Lang = 'ja' | 'en';
export type { Localized };

/** A UI phrase by ID, with its own arguments (`{name}` placeholders in the phrase). */
export interface Phrase {
  phrase: PhraseId;
  args?: Args;
}

/** Another finding's message (related information that quotes a template finding in a risk file). */
export interface FindingText {
  finding: { rule: string; args: Args; via?: readonly Cause[]; alsoVia?: readonly (readonly Cause[])[] };
}

/** A count with a unit, rendered with the right plural ("1 day", "7 days"; 「7 日」). */
export interface Quantity {
  count: number;
  unit: Unit;
}
export type Unit = 'day' | 'finding' | 'openFinding' | 'openIacFinding' | 'file' | 'resource' | 'year';

/** Anything a message argument can be. Strings and numbers are the same in every language. */
export type Arg = string | number | Localized | Phrase | FindingText | Quantity | readonly Arg[];
export type Args = Record<string, Arg | undefined>;
export type Text = Arg;

export function phrase(id: PhraseId, args?: Args): Phrase {
  return args ? { phrase: id, args } : { phrase: id };
}

export function quantity(count: number, unit: Unit): Quantity {
  return { count, unit };
}

export function otherLang(lang: Lang): Lang {
  return lang === 'ja' ? 'en' : 'ja';
}

/** A `language` setting's value when it names a language (`auto` and anything else do not). */
export function isLang(v: unknown): v is Lang {
  return v === 'ja' || v === 'en';
}

/** The language for a locale such as `ja-JP` or `en_US.UTF-8`: Japanese for `ja*`, English for everything else. */
export function langOfLocale(locale: string | undefined): Lang {
  return (locale ?? '').toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** The text in the wanted language, falling back to the other one. */
export function localize(l: Localized | undefined, lang: Lang): string {
  return l ? l[lang] || l.en || l.ja : '';
}

function isLocalized(a: object): a is Localized {
  return 'ja' in a && 'en' in a;
}

const UNITS: Record<Unit, { ja: string; en: [string, string] }> = {
  day: { ja: '日', en: ['day', 'days'] },
  finding: { ja: '件', en: ['finding', 'findings'] },
  file: { ja: '件', en: ['file', 'files'] },
  openFinding: { ja: '件', en: ['open finding', 'open findings'] },
  openIacFinding: { ja: '件', en: ['open IaC finding', 'open IaC findings'] },
  resource: { ja: '件', en: ['resource', 'resources'] },
  year: { ja: '年', en: ['year', 'years'] },
};

/** "1 day", "2 days"; 「2 日」. */
export function plural(count: number, unit: Unit, lang: Lang): string {
  const u = UNITS[unit];
  return lang === 'ja' ? `${count} ${u.ja}` : `${count} ${u.en[count === 1 ? 0 : 1]}`;
}

/** Renders one argument. Catalog access is needed only for quoted findings. */
export function render(a: Arg | undefined, lang: Lang, catalog?: Catalog): string {
  if (a === undefined) return '';
  if (typeof a === 'string') return a;
  if (typeof a === 'number') return String(a);
  if (Array.isArray(a)) return a.map(x => render(x, lang, catalog)).join(lang === 'ja' ? '、' : ', ');
  const o = a as Exclude<Arg, string | number | readonly Arg[]>;
  if ('phrase' in o) {
    const p = PHRASES[o.phrase];
    return typeof p === 'function' ? p(lang, o.args ?? {}, catalog) : fill(p[lang], o.args ?? {}, lang, catalog);
  }
  if ('finding' in o) return catalog ? findingMessage(catalog, o.finding, lang) : o.finding.rule;
  if ('count' in o) return plural(o.count, o.unit, lang);
  if (isLocalized(o)) return localize(o, lang);
  return '';
}

/** Fills `{name}` placeholders; an unknown placeholder stays as written so a catalog typo is visible. */
export function fill(template: string, args: Args, lang: Lang, catalog?: Catalog): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (args[k] !== undefined ? render(args[k], lang, catalog) : m));
}

/** A finding's message: the rule's catalog text filled with its arguments, then what led to it. */
export function findingMessage(
  catalog: Catalog,
  f: { rule: string; args: Args; via?: readonly Cause[]; alsoVia?: readonly (readonly Cause[])[] },
  lang: Lang,
): string {
  const meta = catalog.rules.get(f.rule);
  const base = meta ? fill(localize(meta.message, lang), f.args, lang, catalog) : f.rule;
  return base + describeCauses(f.via ?? [], lang, f.alsoVia ?? []);
}

/**
 * Suffix naming the parameter values / condition branches that lead to a finding: the deployed one first, then
 * the others; when only values other than a parameter's default lead here, it says the default complies.
 */
export function describeCauses(via: readonly Cause[], lang: Lang, also: readonly (readonly Cause[])[] = []): string {
  if (!via.length) return '';
  const chain = (c: readonly Cause[]) => c.map(x => render(causePhrase(x), lang)).join(lang === 'ja' ? '、' : ' and ');
  const chains = [via, ...also];
  const alternative = chains.every(c => c.some(x => x.kind === 'parameter' && x.from === 'allowed' && x.default));
  if (alternative) {
    const p = via.find(x => x.kind === 'parameter' && x.from === 'allowed' && x.default);
    const causes = chains.map(chain).join(lang === 'ja' ? '、' : ' or ');
    if (p?.kind === 'parameter') return render(phrase('onlyWhen', { causes, param: p.name, value: p.default }), lang);
  }
  if (!also.length) return render(phrase('when', { causes: chain(via) }), lang);
  const others = also.map(chain).join(lang === 'ja' ? '、' : ', ');
  return render(phrase('whenAlso', { primary: chain(via), others }), lang);
}

/** The parent stack of a `passed` cause as messages name it: the file name at the end of its URI. */
export function parentName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function causePhrase(c: Cause): Phrase {
  if (c.kind === 'passed') return phrase('causePassed', { name: c.name, value: c.value, parent: parentName(c.parent) });
  if (c.kind === 'condition') return phrase('causeCondition', { name: c.name, value: String(c.value) });
  return phrase(c.from === 'default' ? 'causeParameterDefault' : 'causeParameter', { name: c.name, value: c.value });
}

/** `t('notSet', 'ja')`: a phrase rendered directly, for editor features that answer in one language. */
export function t(id: PhraseId, lang: Lang, args?: Args, catalog?: Catalog): string {
  return render(phrase(id, args), lang, catalog);
}
