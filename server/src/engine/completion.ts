import { otherLang } from './i18n/text';
import { Analysis, EngineContext } from './context';
import { EntryKind } from './catalog/types';
import { CompletionItem } from './model/types';

/** Catalog IDs of the given kinds, titled in both languages, replacing the ID-ish word before the cursor. */
export function idCompletions(a: Analysis, offset: number, ctx: EngineContext, kinds: EntryKind[]): CompletionItem[] {
  const pos = a.lines.position(offset);
  const before = a.lines.lineText(pos.line).slice(Math.max(0, pos.character - 256), pos.character);
  const word = /[^\s"'`,[\]{}:#]*$/.exec(before)?.[0] ?? '';
  const range = { start: { line: pos.line, character: pos.character - word.length }, end: pos };
  const lang = ctx.settings.lang;
  const items: CompletionItem[] = [];
  const add = (kind: EntryKind, id: string, title: { ja: string; en: string }, order: number) =>
    items.push({
      label: id,
      kind: 'id',
      detail: `${title[lang]}`,
      documentation: title[otherLang(lang)],
      range,
      sortText: `${order}-${id}`,
      filterText: id,
    });
  const c = ctx.catalog;
  kinds.forEach((k, order) => {
    if (k === 'scenario') for (const s of c.scenarios.values()) add(k, s.id, s.title, order);
    if (k === 'threat') for (const t of c.threats.values()) add(k, t.id, t.label, order);
    if (k === 'service') for (const s of c.services.values()) add(k, s.id, { ja: s.name, en: s.name }, order);
    if (k === 'rule') for (const r of c.rules.values()) if (r.family !== 'core') add(k, r.id, r.title, order);
    if (k === 'guideline')
      for (const [key, g] of c.guidelineItems) if (!key.includes(':')) add(k, g.item.id, g.item.title, order);
    if (k === 'edition') for (const e of c.editions.values()) add(k, e.id, e.title, order);
  });
  return items;
}
