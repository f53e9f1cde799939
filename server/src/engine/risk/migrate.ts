/**
 * The MHLW 5.2 → 6.0 migration aid in risk files: on a control's `guidelines:` entry that names a 5.2 item, while
 * 6.0 leads, offer to add its 6.0 counterparts beside it or to replace it with them. The hover on the same entry
 * shows the counterparts and on what basis they were chosen (describeEntry).
 */
import { counterparts, leadEdition, MHLW52, MHLW6, refOf, writtenId } from '../catalog/editions';
import { Analysis, EngineContext, riskOf } from '../context';
import { render, phrase } from '../i18n/text';
import { Fix, TextEdit } from '../model/types';
import { yamlValue } from './edits';
import { Str } from './model';

/** Code actions at `offset`: the migration of a 5.2 reference under the cursor, if there is one. */
export function riskActions(a: Analysis, offset: number, ctx: EngineContext): Fix[] {
  const model = riskOf(a);
  if (!model) return [];
  const lead = leadEdition(model.doc.assessment?.guideline?.text ?? ctx.settings.guideline);
  if (lead !== MHLW6) return [];
  for (const r of model.doc.risks)
    for (const c of r.controls) {
      const s = c.guidelines.find(g => offset >= g.start && offset <= g.end);
      if (!s) continue;
      const ref = refOf(ctx.catalog, s.text);
      if (ref?.edition !== MHLW52) return [];
      const cp = counterparts(ctx.catalog, ref.id);
      if (!cp) return [];
      const present = new Set(c.guidelines.map(g => refOf(ctx.catalog, g.text)).map(x => x && `${x.edition}:${x.id}`));
      const ids = cp.ids
        .map(id => ({ edition: MHLW6, id }))
        .filter(x => !present.has(`${x.edition}:${x.id}`))
        .map(writtenId);
      if (!ids.length) return [];
      const lang = ctx.settings.lang;
      const uri = a.uri;
      const add = beside(a, s, ids);
      const replace = replaced(a, s, ids);
      return [
        {
          title: render(phrase('migrateAdd', { ids, from: s.text }), lang),
          edit: { [uri]: add },
          isPreferred: true,
        },
        { title: render(phrase('migrateReplace', { ids, from: s.text }), lang), edit: { [uri]: replace } },
      ];
    }
  return [];
}

/** Whether the entry is an item of a block sequence (`- 6.5` on its own line) rather than of a flow list. */
function blockItem(a: Analysis, s: Str): { indent: string } | undefined {
  const pos = a.lines.position(s.start);
  const before = a.lines.lineText(pos.line).slice(0, pos.character);
  const m = /^(\s*)-\s+$/.exec(before);
  return m ? { indent: m[1] } : undefined;
}

/** Edits that add `ids` right after the entry, in the list's own style. */
function beside(a: Analysis, s: Str, ids: string[]): TextEdit[] {
  const block = blockItem(a, s);
  if (block) {
    const line = a.lines.position(s.start).line;
    const end = a.lines.lineStart(line) + a.lines.lineText(line).length;
    const text = ids.map(id => `\n${block.indent}- ${yamlValue(id)}`).join('');
    return [{ range: a.lines.range(end, end), newText: text }];
  }
  const text = ids.map(id => `, ${yamlValue(id)}`).join('');
  return [{ range: a.lines.range(s.end, s.end), newText: text }];
}

/** Edits that put `ids` in place of the entry. */
function replaced(a: Analysis, s: Str, ids: string[]): TextEdit[] {
  const [first, ...rest] = ids;
  const swap = { range: a.lines.range(s.start, s.end), newText: yamlValue(first) };
  return rest.length ? [swap, ...beside(a, s, rest)] : [swap];
}
