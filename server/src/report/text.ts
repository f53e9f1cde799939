/** Markdown and CSV renderings of the report. */
import { cellLevel, coveredCount, Report } from '../engine/risk/report-model';

const L = (rep: Report, ja: string, en: string) => (rep.lang === 'ja' ? ja : en);

function mdCell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}

function mdTable(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.map(mdCell).join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map(r => `| ${r.map(mdCell).join(' | ')} |`),
  ].join('\n');
}

export function heatRows(rep: Report, g: number[][]): string[][] {
  return [5, 4, 3, 2, 1].map(i => [
    String(i),
    ...[1, 2, 3, 4, 5].map(l => `${cellLevel(rep, i, l)} ${g[i - 1][l - 1] || ''}`.trim()),
  ]);
}

export function renderMarkdown(rep: Report): string {
  const heatHead = [L(rep, '影響度＼顕在化率', 'impact \\ likelihood'), '1', '2', '3', '4', '5'];
  return [
    `# ${L(rep, 'リスクアセスメントシート', 'Risk assessment')}: ${rep.title}`,
    '',
    `- ID: ${rep.assessmentId}`,
    `- ${L(rep, 'ガイドライン', 'Guideline')}: ${rep.guideline}`,
    `- ${L(rep, '許容レベル', 'Acceptance level')}: ${rep.acceptance}`,
    `- ${L(rep, '最低限のリスクシナリオ', 'Minimum scenarios covered')}: ${coveredCount(rep)} / ${rep.coverage.length}`,
    `- ${L(rep, 'IaC の未解決の指摘', 'Open IaC findings')}: ${rep.openFindings}`,
    `- ${L(rep, 'このファイルの指摘', 'Diagnostics in this file')}: ${rep.diagnostics.length}`,
    '',
    ...rep.notes.flatMap(n => [`> ${n}`, '']),
    `## ${L(rep, 'シート', 'Sheet')}`,
    '',
    mdTable(rep.headers, rep.rows),
    '',
    `## ${L(rep, 'リスクシナリオの網羅', 'Scenario coverage')}`,
    '',
    mdTable(
      [L(rep, 'シナリオ', 'Scenario'), L(rep, '内容', 'Title'), L(rep, '対応するリスク', 'Covered by')],
      rep.coverage.map(c => [c.id, c.title, c.risks.join(', ') || L(rep, '**未対応**', '**not covered**')]),
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

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a UTF-8 BOM so spreadsheet programs read the Japanese text correctly. */
export function renderCsv(rep: Report): string {
  return '\uFEFF' + [rep.headers, ...rep.rows].map(r => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
