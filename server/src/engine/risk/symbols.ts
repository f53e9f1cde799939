import { quantity, t } from '../i18n/text';
/** Outline (flows, risks, controls) and the code lens on `assessment`. */
import { Catalog } from '../catalog/catalog';
import { LineIndex } from '../model/text';
import { CodeLens, DocSymbol, Lang } from '../model/types';
import { coveredScenarios, minimumScenarios } from './coverage';
import { LinkedFile, openIacFindings } from './links';
import { Obj, RiskDocument, Str } from './model';

function short(s: string | undefined, n = 40): string | undefined {
  if (!s) return undefined;
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > n ? one.slice(0, n - 1) + '…' : one;
}

function sym(
  lines: LineIndex,
  o: Obj,
  name: Str | undefined,
  fallback: string,
  kind: DocSymbol['kind'],
  detail?: string,
  children?: DocSymbol[],
): DocSymbol {
  const sel = name ?? { start: o.node.start, end: o.node.start };
  return {
    name: name?.text ?? fallback,
    kind,
    detail,
    range: lines.range(o.node.start, o.node.end),
    selectionRange: lines.range(sel.start, sel.end),
    children,
  };
}

export function riskSymbols(doc: RiskDocument, lines: LineIndex): DocSymbol[] {
  const out: DocSymbol[] = [];
  const a = doc.assessment;
  if (a)
    out.push({
      name: a.id?.text ?? 'assessment',
      kind: 'assessment',
      detail: short(a.title?.text),
      range: lines.range(a.entry.keyStart, a.obj.node.end),
      selectionRange: lines.range(a.entry.keyStart, a.entry.keyEnd),
    });
  doc.threats.forEach((x, i) => out.push(sym(lines, x.obj, x.id, `threat ${i + 1}`, 'threat', short(x.title?.text))));
  doc.flows.forEach((f, i) => out.push(sym(lines, f.obj, f.id, `flow ${i + 1}`, 'flow', short(f.description?.text))));
  doc.risks.forEach((r, i) => {
    const controls = r.controls.map((c, j) =>
      sym(lines, c.obj, c.id, short(c.measure?.text, 30) ?? `control ${j + 1}`, 'control', c.perspective?.text),
    );
    const detail = [r.threat?.text, r.scenarios.map(s => s.text).join(' ')].filter(Boolean).join(' · ');
    out.push(sym(lines, r.obj, r.id, `risk ${i + 1}`, 'risk', short(detail, 60), controls));
  });
  return out;
}

/** Client command that shows the HTML report of a risk file in a webview beside it. */
export const RISK_REPORT_COMMAND = 'iryoGuard.openCoverageReport';
/** Client command that opens the conformity disclosure draft in the Markdown preview. */
export const RISK_DISCLOSURE_COMMAND = 'iryoGuard.openDisclosure';

export function riskCodeLenses(
  uri: string,
  doc: RiskDocument,
  lines: LineIndex,
  catalog: Catalog,
  links: LinkedFile[],
  lang: Lang,
): CodeLens[] {
  const a = doc.assessment;
  if (!a) return [];
  const all = minimumScenarios(catalog, a.guideline?.text);
  const covered = coveredScenarios(catalog, doc);
  const n = all ? all.filter(s => covered.has(s.id)).length : covered.size;
  const m = all?.length ?? catalog.scenarios.size;
  const k = openIacFindings(links).length;
  const title = t('riskLensTitle', lang, { covered: n, total: m, open: quantity(k, 'openIacFinding') });
  const report = t('showReport', lang);
  const range = lines.range(a.entry.keyStart, a.entry.keyEnd);
  return [
    { range, title },
    { range, title: report, command: { id: RISK_REPORT_COMMAND, args: [uri] } },
    { range, title: t('disclShowCommand', lang), command: { id: RISK_DISCLOSURE_COMMAND, args: [uri] } },
  ];
}
