/**
 * Markdown and CSV renderings of the report. Text from the risk file (title, IDs, descriptions, measures) is escaped:
 * in Markdown it renders as text (no image, link or HTML), in CSV no cell is read as a formula.
 */
import { t } from '../engine';
import { markdownText } from '../engine/i18n/markdown';
import type { PhraseId } from '../engine/i18n/phrases';
import { cellLevel, coverageRisks, coverageSummary, metadataLines, Report } from '../engine/risk/report-model';
import { csvField } from './escape';

const say = (rep: Report, id: PhraseId) => t(id, rep.lang);

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
  const heatHead = [say(rep, 'matrixCorner'), '1', '2', '3', '4', '5'];
  return [
    `# ${say(rep, 'reportAssessment')}: ${fileLine(rep.title)}`,
    '',
    `- ID: ${fileLine(rep.assessmentId)}`,
    `- ${say(rep, 'reportGuideline')}: ${fileLine(rep.guideline)}`,
    `- ${say(rep, 'reportAcceptance')}: ${fileLine(rep.acceptance)}`,
    ...metadataLines(rep, fileLine).map(([k, v]) => `- ${k}: ${v}`),
    `- ${say(rep, 'reportMinimumScenarios')}: ${coverageSummary(rep)}`,
    `- ${say(rep, 'reportOpenIacFindings')}: ${rep.openFindings}`,
    `- ${say(rep, 'reportFileDiagnostics')}: ${rep.diagnostics.length}`,
    '',
    ...rep.notes.flatMap(n => [`> ${n}`, '']),
    `## ${say(rep, 'reportSheet')}`,
    '',
    mdTable(rep.headers, rep.rows, fileCell),
    '',
    `## ${say(rep, 'reportCoverage')}`,
    '',
    mdTable(
      [say(rep, 'reportScenario'), say(rep, 'reportScenarioTitle'), say(rep, 'reportCoveredBy')],
      rep.coverage.map(c => [c.id, c.title, fileLine(coverageRisks(rep, c)) || `**${say(rep, 'reportNotCovered')}**`]),
    ),
    '',
    `## ${say(rep, 'reportMatrixBefore')}`,
    '',
    mdTable(heatHead, heatRows(rep, rep.before)),
    '',
    `## ${say(rep, 'reportMatrixAfter')}`,
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
