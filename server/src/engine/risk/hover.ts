/**
 * Hover on every ID (scenario, threat, service, guideline item, rule, flow, resource), value and key of a risk file.
 * Text from the risk file and the templates it links is escaped: the hover is Markdown (see i18n/markdown).
 */
import { Catalog } from '../catalog/catalog';
import { EntryKind, Localized } from '../catalog/types';
import { Analysis, EngineContext, riskOf } from '../context';
import { describeEntry } from '../describe';
import { catalogHover } from '../hover';
import { Hover, Lang } from '../model/types';
import { localize, otherLang, quantity, t as say } from '../i18n/text';
import { markdownCode, markdownInline, markdownText } from '../i18n/markdown';
import { LABEL_FIELDS } from './rules/support';
import { levelOf, normalizeLevel, Thresholds, thresholdsOf } from './levels';
import { RiskModel } from './language-model';
import { Num, RiskDocument } from './model';
import { Target, targetAt } from './target';
import { localThreat } from './threats';

const ID_KINDS: Record<string, EntryKind> = {
  threat: 'threat',
  scenarios: 'scenario',
  services: 'service',
  guidelines: 'guideline',
  rules: 'rule',
};

export function riskHover(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined {
  const model = riskOf(a);
  const t = model ? targetAt(model, a.text, offset) : undefined;
  const md = t && model ? describeTarget(t, model, ctx) : undefined;
  if (!md || !t) return catalogHover(a, offset, ctx);
  const [s, e] = t.onKey ? [t.onKey.keyStart, t.onKey.keyEnd] : [t.value!.start, t.value!.end];
  return { markdown: md, range: a.lines.range(s, e) };
}

function describeTarget(t: Target, model: RiskModel, ctx: EngineContext): string | undefined {
  const { catalog } = ctx;
  const lang = ctx.settings.lang;
  const L = (x: Localized) => `${x[lang]}\n\n_${x[otherLang(lang)]}_`;
  const key = t.spec?.key;
  if (t.onKey) {
    if (!t.spec) return undefined;
    const head = `**${t.spec.key}**${t.spec.ja.length ? ` (${t.spec.ja.join(' / ')})` : ''}\n\n${L(t.spec.doc)}`;
    const cell = key === 'level' ? levelCell(t, model.doc, catalog, lang) : undefined;
    return cell ? `${head}\n\n---\n\n${cell}` : head;
  }
  const v = t.value;
  if (!v) return undefined;
  // The assessment's own edition decides which MHLW edition leads in this file; the setting otherwise.
  const opts = { guideline: model.doc.assessment?.guideline?.text ?? ctx.settings.guideline };
  if (t.kind === 'assessment' && key === 'guideline') {
    const e = catalog.lookup(v.text, 'edition');
    return e ? describeEntry(e, catalog, lang, opts) : undefined;
  }
  const local = t.kind === 'risk' && key === 'threat' ? localThreat(model.doc, v.text) : undefined;
  if (local)
    return [`**${v.text}** — ${say('localThreat', lang)}`, local.title?.text ?? '', local.description?.text ?? '']
      .filter(Boolean)
      .join('\n\n');
  if (key && ID_KINDS[key]) {
    const e = catalog.lookup(v.text, ID_KINDS[key]);
    return e ? describeEntry(e, catalog, lang, opts) : undefined;
  }
  switch (key) {
    case 'level':
      return levelCell(t, model.doc, catalog, lang);
    case 'acceptance': {
      const l = catalog.data.riskModel.levels.find(x => x.id === normalizeLevel(v.text));
      if (!l) return undefined;
      // The levels are those of the matrix in force; say whose it is when it is the catalog's default.
      const note = model.doc.assessment?.matrix ? undefined : catalog.data.riskModel.matrix.note;
      const summary = l.summary ? `\n\n${l.summary[lang]}` : '';
      return `**${l.id}** — ${L(l.title)}${summary}${note ? `\n\n${localize(note, lang)}` : ''}`;
    }
    case 'treatment':
    case 'perspective':
    case 'owner':
    case 'classification': {
      const x = catalog.labelled(LABEL_FIELDS[key], v.text);
      return x ? `**${x.id}** — ${L(x.label)}${x.summary ? `\n\n${x.summary[lang]}` : ''}` : undefined;
    }
    case 'impact':
    case 'likelihood': {
      const x = catalog.data.riskModel[key].find(s => String(s.value) === v.text.trim());
      return x
        ? `**${say(key === 'impact' ? 'labelImpact' : 'labelLikelihood', lang)} ${x.value}**\n\n${L(x.title)}`
        : undefined;
    }
    case 'flow': {
      const f = model.doc.flows.find(x => x.id?.text === v.text);
      if (!f) return undefined;
      const cls = f.classification ? catalog.labelled('classifications', f.classification.text) : undefined;
      return [
        `**${markdownInline(v.text)}** — ${say('labelFlow', lang)}`,
        markdownText(f.description?.text ?? ''),
        cls ? `${say('labelClassification', lang)}: ${cls.label[lang]}` : '',
      ]
        .filter(Boolean)
        .join('\n\n');
    }
    case 'resources': {
      for (const l of model.links) {
        const r = l.template?.resources.find(x => x.logicalId === v.text);
        if (!r) continue;
        const line = l.template!.lines.position(r.idStart).line + 1;
        return `**${markdownInline(r.logicalId)}** — ${markdownCode(r.type)}\n\n${markdownInline(l.path.text)}:${line}`;
      }
      return undefined;
    }
    case 'iac': {
      const l = model.links.find(x => x.path.start === v.start);
      if (!l?.analysis) return undefined;
      const open = l.analysis.findings.filter(f => !f.suppressed).length;
      const resources = quantity(l.template?.resources.length ?? 0, 'resource');
      const summary = say('linkedFileSummary', lang, { resources, open: quantity(open, 'openFinding') });
      return `**${markdownInline(v.text)}**\n\n${summary}`;
    }
  }
  return undefined;
}

/** The matrix cell of a risk (or its residual): score, level, thresholds, and the 5 × 5 grid with the cell marked. */
function levelCell(t: Target, doc: RiskDocument, catalog: Catalog, lang: Lang): string | undefined {
  const r = t.risk;
  if (!r) return undefined;
  const inResidual =
    r.residual && t.onKey
      ? t.onKey.keyStart >= r.residual.obj.node.start
      : r.residual && t.value
        ? t.value.start >= r.residual.obj.node.start && t.value.end <= r.residual.obj.node.end
        : false;
  const src: { impact?: Num; likelihood?: Num } = inResidual ? r.residual! : r;
  if (!src.impact || !src.likelihood) return undefined;
  const th = thresholdsOf(catalog, doc);
  const i = src.impact.value,
    l = src.likelihood.value;
  const level = levelOf(th, i, l);
  const title = catalog.data.riskModel.levels.find(x => x.id === level)?.title[lang] ?? '';
  const head = say('levelCellHead', lang, { level: level ?? '?', title, impact: i, likelihood: l, score: i * l });
  const own = doc.assessment?.matrix && th !== catalog.data.riskModel.matrix.thresholds;
  const source = say(own ? 'matrixOfAssessment' : 'matrixOfCatalog', lang);
  const note = own ? undefined : catalog.data.riskModel.matrix.note;
  const noted = note ? `\n\n${localize(note, lang)}` : '';
  const certify = `\n\n_${say('supportNotCertify', lang)}_`;
  return `${head}\n\n${source}: ${thresholdText(th)}${noted}\n\n${grid(th, i, l, lang)}${certify}`;
}

function thresholdText(th: Thresholds): string {
  return [...th]
    .sort((a, b) => b.min - a.min)
    .map(t => `${t.level} ≥ ${t.min}`)
    .join(', ');
}

function grid(th: Thresholds, impact: number, likelihood: number, lang: Lang): string {
  const head = `| ${say('matrixCorner', lang)} | 1 | 2 | 3 | 4 | 5 |`;
  const rows = [5, 4, 3, 2, 1].map(
    i =>
      `| ${i} | ${[1, 2, 3, 4, 5]
        .map(l => {
          const cell = levelOf(th, i, l) ?? '?';
          return i === impact && l === likelihood ? `**[${cell}]**` : cell;
        })
        .join(' | ')} |`,
  );
  return [head, '|---|---|---|---|---|---|', ...rows].join('\n');
}
