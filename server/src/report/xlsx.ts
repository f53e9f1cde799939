/**
 * The report as an Excel workbook (exceljs): the sheet, the coverage and both risk matrices, coloured by level.
 * Every text cell is a string cell (never a formula), holds only characters XML allows (the workbook is XML inside),
 * and starts with a single quote where a spreadsheet could take it as a formula once edited or saved as CSV. Scores
 * and counts are numbers.
 */
import ExcelJS from 'exceljs';
import { LEVEL_COLOURS } from './html';
import { spreadsheetText, xmlChars } from './escape';
import { t } from '../engine';
import type { PhraseId } from '../engine/i18n/phrases';
import { cellLevel, COLUMNS, coverageRisks, Report } from '../engine/risk/report-model';

/** Columns whose values are the 1–5 scales: written as numbers when they are one. */
const NUMERIC_COLUMNS = new Set(['impact', 'likelihood', 'residualImpact', 'residualLikelihood']);

/** A text cell's value. */
const text = (s: string) => spreadsheetText(xmlChars(s));

/** A sheet row: scales as numbers, everything else as neutralised text. */
function sheetRow(r: string[]): (string | number)[] {
  return r.map((v, i) => (NUMERIC_COLUMNS.has(COLUMNS[i]?.id) && /^\d+$/.test(v) ? Number(v) : text(v)));
}

const fill = (hex: string): ExcelJS.Fill => ({
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FF' + hex.replace('#', '').toUpperCase() },
});

export async function renderXlsx(rep: Report): Promise<Buffer> {
  const say = (id: PhraseId) => t(id, rep.lang);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'iryo-guard';
  const sheet = wb.addWorksheet(say('reportAssessment'), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(rep.headers.map(text)).font = { bold: true };
  for (const r of rep.rows) sheet.addRow(sheetRow(r));
  sheet.columns.forEach(c => {
    c.width = 18;
    c.alignment = { wrapText: true, vertical: 'top' };
  });
  const levelCols = ['level', 'residualLevel'].map(id => COLUMNS.findIndex(c => c.id === id) + 1);
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    for (const c of levelCols) {
      const v = String(row.getCell(c).value ?? '');
      if (LEVEL_COLOURS[v]) row.getCell(c).fill = fill(LEVEL_COLOURS[v]);
    }
  });
  const cov = wb.addWorksheet(say('reportCoverageSheet'));
  cov.addRow([say('reportScenario'), say('reportScenarioTitle'), say('reportCoveredBy')]).font = { bold: true };
  for (const c of rep.coverage) cov.addRow([text(c.id), text(c.title), text(coverageRisks(rep, c))]);
  cov.getColumn(2).width = 70;
  cov.getColumn(3).width = 20;
  const m = wb.addWorksheet(say('reportRiskMatrix'));
  const block = (title: string, counts: number[][]) => {
    m.addRow([text(title)]).font = { bold: true };
    m.addRow([say('matrixCorner'), 1, 2, 3, 4, 5]).font = { bold: true };
    for (const i of [5, 4, 3, 2, 1]) {
      const row = m.addRow([i, ...[1, 2, 3, 4, 5].map(l => counts[i - 1][l - 1])]);
      for (let l = 1; l <= 5; l++) {
        const colour = LEVEL_COLOURS[cellLevel(rep, i, l)];
        if (colour) row.getCell(l + 1).fill = fill(colour);
      }
    }
    m.addRow([]);
  };
  block(say('reportBefore'), rep.before);
  block(say('reportResidual'), rep.after);
  m.getColumn(1).width = 22;
  // What the report is and is not: iryo-guard supports conformity; the S–D thresholds may be its default.
  const notes = wb.addWorksheet(say('reportNotesSheet'));
  for (const n of rep.notes) notes.addRow([n]);
  notes.getColumn(1).width = 120;
  notes.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
