/** Completion of keys and of every ID-valued field, ranked by the risk around the cursor. */
import { Catalog } from '../catalog/catalog';
import { Localized } from '../catalog/types';
import { leadEdition, scenarioRefs, writtenId } from '../catalog/editions';
import { mhlw6Aliases } from '../catalog/ids';
import { refLabel } from '../i18n/guidelines';
import { Analysis, EngineContext, riskOf } from '../context';
import { markdownText } from '../i18n/markdown';
import { CompletionItem } from '../model/types';
import { LABEL_FIELDS } from './rules/support';
import { yamlValue } from './edits';
import { Cursor, cursorAt } from './cursor';
import { canonicalKey, KEYS, ObjectKind } from './keys';
import { levelIds, levelOf, thresholdsOf } from './levels';
import { RiskModel } from './language-model';

interface RiskContext {
  threat?: string;
  scenarios: string[];
  services: string[];
}

export function riskCompletion(a: Analysis, offset: number, ctx: EngineContext): CompletionItem[] {
  const cur = cursorAt(a.lines, offset);
  if (!cur) return [];
  const model = riskOf(a);
  const range = a.lines.range(cur.start, offset);
  const quoted = /["']/.test(a.text[cur.start - 1] ?? '');
  const lang = ctx.settings.lang;
  const c = ctx.catalog;
  const items: CompletionItem[] = [];
  /** `title` is the catalog's (Markdown as written), except for references (flows, resources): the file's, escaped. */
  const add = (
    label: string,
    title: Localized,
    rank: number,
    order: number,
    kind: CompletionItem['kind'] = 'id',
    extraFilter = '',
  ) =>
    items.push({
      label,
      kind,
      range,
      detail: title[lang],
      documentation: kind === 'reference' ? markdownText(title[lang]) : `${title.ja}\n\n_${title.en}_`,
      insertText: quoted ? label : yamlValue(label),
      sortText: `${rank}-${String(order).padStart(4, '0')}`,
      filterText: `${label} ${extraFilter}`.trim(),
    });
  if (cur.at === 'key') {
    if (cur.kind === 'matrix') {
      levelIds(c).forEach((l, i) =>
        items.push({ label: l, kind: 'property', range, insertText: `${l}: `, sortText: `0-${i}` }),
      );
      return items;
    }
    KEYS[cur.kind as ObjectKind].forEach((s, i) => {
      const ja = s.ja.filter(j => /\P{ASCII}/u.test(j));
      items.push({
        label: s.key,
        kind: 'property',
        range,
        detail: ja.join(' / ') || undefined,
        documentation: `${s.doc.ja}\n\n_${s.doc.en}_`,
        insertText: `${s.key}: `,
        sortText: `0-${String(i).padStart(3, '0')}`,
      });
      for (const j of ja)
        items.push({
          label: j,
          kind: 'property',
          range,
          detail: s.key,
          documentation: `${s.doc.ja}\n\n_${s.doc.en}_`,
          insertText: `${j}: `,
          sortText: `1-${String(i).padStart(3, '0')}`,
        });
    });
    return items;
  }
  const key = cur.spec!.key;
  const rc = riskContext(a, offset, cur, c, model);
  const scenarioEntries = rc.scenarios.map(s => c.scenarios.get(s)).filter(x => !!x);
  switch (cur.kind === 'assessment' && key === 'guideline' ? 'edition' : key) {
    case 'edition':
      [...c.editions.values()].forEach((e, i) => add(e.id, e.title, 0, i));
      break;
    case 'acceptance':
    case 'level': {
      const computed = key === 'level' ? computedLevel(a, offset, model, c) : undefined;
      c.data.riskModel.levels.forEach((l, i) => add(l.id, l.title, l.id === computed ? 0 : 1, i, 'value'));
      break;
    }
    case 'threat':
      (model?.doc.threats ?? []).forEach(
        (t, i) =>
          t.id && add(t.id.text, { ja: t.title?.text ?? t.id.text, en: t.title?.text ?? t.id.text }, 0, i, 'reference'),
      );
      [...c.threats.values()].forEach((t, i) =>
        add(
          t.id,
          t.label,
          scenarioEntries.some(s => s.threats.includes(t.id)) ? 0 : 1,
          i,
          'id',
          `${t.label.ja} ${t.aliases.join(' ')}`,
        ),
      );
      break;
    case 'scenarios':
      [...c.scenarios.values()].forEach((s, i) =>
        add(
          s.id,
          s.title,
          rc.threat && s.threats.includes(rc.threat) ? 0 : rc.scenarios.includes(s.id) ? 2 : 1,
          i,
          'id',
          s.title.ja,
        ),
      );
      break;
    case 'services': {
      const wanted = new Set(scenarioEntries.flatMap(s => s.services));
      [...c.services.values()].forEach((s, i) =>
        add(
          s.id,
          { ja: `${s.name} — ${s.summary.ja}`, en: `${s.name} — ${s.summary.en}` },
          wanted.has(s.id) ? 0 : 1,
          i,
          'id',
          s.name,
        ),
      );
      break;
    }
    case 'rules':
      [...c.rules.values()]
        .filter(r => r.family !== 'core' && r.family !== 'risk')
        .forEach((r, i) =>
          add(
            r.id,
            r.title,
            r.scenarios.some(s => rc.scenarios.includes(s)) ? 0 : r.services.some(s => rc.services.includes(s)) ? 1 : 2,
            i,
            'id',
            r.title.ja,
          ),
        );
      break;
    case 'guidelines': {
      // Items of the lead edition first (6.0 unless the assessment or the setting follows MHLW 5.2): those the risk's
      // scenarios cite, then the other 遵守事項, then chapter headings, then the other editions' items. MHLW 6.0 items
      // are offered in the short form auditors write (シス14②); the full ID and Sys14(2) find them too.
      const lead = leadEdition(model?.doc.assessment?.guideline?.text ?? ctx.settings.guideline);
      const wanted = new Set(scenarioEntries.flatMap(s => scenarioRefs(s, lead).map(r => `${r.edition}:${r.id}`)));
      let i = 0;
      for (const [k, g] of c.guidelineItems) {
        if (!k.includes(':')) continue;
        const ref = { edition: g.edition.id, id: g.item.id };
        const rank = wanted.has(k) ? 0 : ref.edition !== lead ? 3 : g.item.kind === 'chapter' ? 2 : 1;
        const title = {
          ja: `${refLabel(ref, 'ja')} ${g.item.title.ja}`,
          en: `${refLabel(ref, 'en')} ${g.item.title.en}`,
        };
        const also = [
          g.item.id,
          ...(g.item.aliases ?? []),
          ...(ref.edition === 'mhlw-6.0' ? mhlw6Aliases(g.item.id) : []),
        ];
        add(writtenId(ref), title, rank, i++, 'id', also.join(' '));
      }
      break;
    }
    case 'flow':
      (model?.doc.flows ?? []).forEach(
        (f, i) =>
          f.id &&
          add(
            f.id.text,
            { ja: f.description?.text ?? f.id.text, en: f.description?.text ?? f.id.text },
            0,
            i,
            'reference',
          ),
      );
      break;
    case 'treatment':
    case 'perspective':
    case 'owner':
    case 'classification':
      c.data.riskModel[LABEL_FIELDS[key as keyof typeof LABEL_FIELDS]].forEach((x, i) =>
        add(x.id, x.label, 0, i, 'value', `${x.label.ja} ${(x.aliases ?? []).join(' ')}`),
      );
      break;
    case 'impact':
    case 'likelihood':
      c.data.riskModel[key as 'impact' | 'likelihood'].forEach((x, i) => add(String(x.value), x.title, 0, i, 'value'));
      break;
    case 'actionRequired':
      add('true', { ja: '要', en: 'required' }, 0, 0, 'value');
      add('false', { ja: '不要', en: 'not required' }, 0, 1, 'value');
      break;
    case 'resources':
      (model?.links ?? [])
        .flatMap(l => l.template?.resources ?? [])
        .forEach((r, i) => add(r.logicalId, { ja: r.type, en: r.type }, 0, i, 'reference'));
      break;
  }
  return items;
}

/** The threat, scenarios and services of the risk around the cursor: from the parsed model, else from its lines. */
function riskContext(a: Analysis, offset: number, cur: Cursor, c: Catalog, model: RiskModel | undefined): RiskContext {
  const risk = model?.doc.risks.find(r => offset >= r.obj.node.start && offset <= r.obj.node.end);
  if (risk) {
    return {
      threat: risk.threat ? c.lookup(risk.threat.text, 'threat')?.id : undefined,
      scenarios: risk.scenarios.map(s => c.lookup(s.text, 'scenario')?.id).filter((x): x is string => !!x),
      services: risk.controls
        .flatMap(k => k.services.map(s => c.lookup(s.text, 'service')?.id))
        .filter((x): x is string => !!x),
    };
  }
  const out: RiskContext = { scenarios: [], services: [] };
  if (!cur.riskLines) return out;
  let listKey: string | undefined;
  for (let l = cur.riskLines.first; l <= cur.riskLines.last; l++) {
    const t = a.lines.lineText(l).replace(/^\s*-\s+/, m => ' '.repeat(m.length));
    const m = /^\s*([^\s:#][^:#]*?)\s*:\s*(.*)$/.exec(t);
    const key = m ? (canonicalKey('risk', m[1])?.key ?? canonicalKey('control', m[1])?.key) : undefined;
    if (m) listKey = key;
    const value = m ? m[2] : t;
    if (key === 'threat') out.threat = c.lookup(value.replace(/["'\s]/g, ''), 'threat')?.id;
    if (listKey === 'scenarios' || listKey === 'services') {
      for (const tok of value.split(/[\s,[\]"']+/).filter(Boolean)) {
        const e = c.lookup(tok, listKey === 'scenarios' ? 'scenario' : 'service');
        if (e) (listKey === 'scenarios' ? out.scenarios : out.services).push(e.id);
      }
    }
  }
  return out;
}

function computedLevel(a: Analysis, offset: number, model: RiskModel | undefined, c: Catalog): string | undefined {
  if (!model) return undefined;
  for (const r of model.doc.risks) {
    if (offset < r.obj.node.start || offset > r.obj.node.end) continue;
    const inResidual = r.residual && offset >= r.residual.obj.node.start && offset <= r.residual.obj.node.end;
    const src = inResidual ? r.residual! : r;
    return src.impact && src.likelihood
      ? levelOf(thresholdsOf(c, model.doc), src.impact.value, src.likelihood.value)
      : undefined;
  }
  return undefined;
}
