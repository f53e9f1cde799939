/**
 * Markdown and CSV renderings of the report. Text from the risk file (title, IDs, descriptions, measures) is escaped:
 * in Markdown it renders as text (no image, link or HTML), in CSV no cell is read as a formula.
 */
import { markdownText } from '../engine/i18n/markdown';
import { cellLevel, coverageRisks, coverageSummary, metadataLines, Report } from '../engine/risk/report-model';
import { csvField } from './escape';

const L = (rep: Report, ja: string, en: string) => (rep.lang === 'ja' ? ja : en);

/** A table cell of our own text (headers, catalog titles, levels). */
function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

/** A table cell of the file's text: escaped, its line breaks as `<br>`. */
function fileCell(s: string): string {
  return markdownText(s).replace(/\r\n|[\r\n]/g, '<br>');
}

function mdTable(headers: string[], rows: string[][], cell: (s: string, column: number) => string = mdCell): string {
  return [
    `| ${headers.map(h => mdCell(h)).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${r.map(cell).join(' | ')} |`),
  ].join('\n');
}

/** One line of the file's text. */
const fileLine = (s: string) => markdownText(s).replace(/\r\n|[\r\n]/g, ' ');

export function heatRows(rep: Report, g: number[][]): string[][] {
  return [5, 4, 3, 2, 1].map(i => [
    String(i),
    ...[1, 2, 3, 4, 5].map(l => `${cellLevel(rep, i, l)} ${g[i - 1][l - 1] || ''}`.trim()),
  ]);
}

export function renderMarkdown(rep: Report): string {
  const heatHead = [L(rep, '影響度＼顕在化率', 'impact \\ likelihood'), '1', '2', '3', '4', '5'];
  return [
    `# ${L(rep, 'リスクアセスメントシート', 'Risk assessment')}: ${fileLine(rep.title)}`,
    '',
    `- ID: ${fileLine(rep.assessmentId)}`,
    `- ${L(rep, 'ガイドライン', 'Guideline')}: ${fileLine(rep.guideline)}`,
    `- ${L(rep, '許容レベル', 'Acceptance level')}: ${fileLine(rep.acceptance)}`,
    ...metadataLines(rep, fileLine).map(([k, v]) => `- ${k}: ${v}`),
    `- ${L(rep, '最低限のリスクシナリオ', 'Minimum scenarios covered')}: ${coverageSummary(rep)}`,
    `- ${L(rep, 'IaC の未解決の指摘', 'Open IaC findings')}: ${rep.openFindings}`,
    `- ${L(rep, 'このファイルの指摘', 'Diagnostics in this file')}: ${rep.diagnostics.length}`,
    '',
    ...rep.notes.flatMap(n => [`> ${n}`, '']),
    `## ${L(rep, 'シート', 'Sheet')}`,
    '',
    mdTable(rep.headers, rep.rows, fileCell),
    '',
    `## ${L(rep, 'リスクシナリオの網羅', 'Scenario coverage')}`,
    '',
    mdTable(
      [L(rep, 'シナリオ', 'Scenario'), L(rep, '内容', 'Title'), L(rep, '対応するリスク', 'Covered by')],
      rep.coverage.map(c => [
        c.id,
        c.title,
        fileLine(coverageRisks(rep, c)) || L(rep, '**未対応**', '**not covered**'),
      ]),
    ),
    '',
    `## ${L(rep, 'リスクマトリクス（対策前）', 'Risk matrix before treatment')}`,
    '',
    mdTable(heatHead, heatRows(rep, rep.before)),
    '',
    `## ${L(rep, 'リスクマトリクス（残存リスク）', 'Risk matrix after treatment (residual)')}`,
    '',
    mdTable(heatHead, heatRows(rep, rep.after)),
    '',
  ].join('\n');
}

/**
 * RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read the Japanese text correctly; a cell a spreadsheet could
 * take as a formula starts with a single quote (see escape.ts).
 */
export function renderCsv(rep: Report): string {
  return '\uFEFF' + [rep.headers, ...rep.rows].map(r => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
