/** The conformity disclosure draft as an Excel workbook: cover, the appendix table, requests, facts, open points. */
import ExcelJS from 'exceljs';
import { Disclosure } from '../engine/risk/disclosure-model';
import { t } from '../engine/i18n/text';
import { APPENDIX_COLUMNS, appendixCells, CATEGORY_PHRASE, factLine, TOPIC_PHRASE } from './disclosure';

const bold = { bold: true };
const wrap: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };

export async function renderDisclosureXlsx(d: Disclosure): Promise<Buffer> {
  const L = d.lang;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'iryo-guard';
  wb.title = `${t('disclTitle', L)}: ${d.title}`;

  const cover = wb.addWorksheet(t('disclSheetCover', L));
  cover.addRow([t('disclTitle', L)]).font = { bold: true, size: 16 };
  cover.addRow([`${t('disclDraftMark', L)} — ${t('disclDraftNotice', L, { source: d.source })}`]).font = {
    bold: true,
    color: { argb: 'FFC0392B' },
  };
  cover.addRow([]);
  const meta: [string, string][] = [
    [t('disclLabelService', L), d.title],
    [t('disclLabelAssessment', L), d.assessmentId],
    [t('disclLabelGuideline', L), d.guideline],
    ...d.meta,
  ];
  for (const [k, v] of meta) cover.addRow([k, v]).getCell(1).font = bold;
  cover.addRow([]);
  cover.addRow([t('disclTreatments', L)]).font = bold;
  for (const x of d.treatments) cover.addRow([x.label, x.summary]);
  cover.getColumn(1).width = 24;
  cover.getColumn(2).width = 100;
  cover.getColumn(2).alignment = wrap;

  const app = wb.addWorksheet(t('disclSheetAppendix', L), { views: [{ state: 'frozen', ySplit: 1 }] });
  app.addRow([t('disclCategory', L), ...APPENDIX_COLUMNS.map(c => t(c, L))]).font = bold;
  for (const r of d.rows)
    app.addRow([
      t(CATEGORY_PHRASE[r.category], L),
      ...appendixCells(d, r).map(items => (items.length > 1 ? items.map(i => `・${i}`).join('\n') : (items[0] ?? ''))),
    ]);
  app.columns.forEach((c, i) => {
    c.width = i === 0 ? 16 : i === 1 ? 40 : i === 2 || i === 3 || i === 8 ? 12 : 36;
    c.alignment = wrap;
  });

  const req = wb.addWorksheet(t('disclSheetRequests', L));
  req.addRow(['#', t('disclColRequest', L), t('disclColScenario', L)]).font = bold;
  d.requests.forEach((q, i) => req.addRow([i + 1, q.measure, q.scenarios.join(', ')]));
  if (!d.requests.length) req.addRow(['', t('disclRequestsNone', L)]);
  req.getColumn(2).width = 80;
  req.getColumn(3).width = 30;
  req.getColumn(2).alignment = wrap;

  const facts = wb.addWorksheet(t('disclSheetFacts', L));
  facts.addRow([t('disclColTopic', L), t('disclColFile', L), t('disclColResource', L), t('disclColFact', L)]).font =
    bold;
  for (const topic of d.facts)
    for (const f of topic.facts)
      facts.addRow([
        t(TOPIC_PHRASE[topic.topic], L),
        `${f.file}:${f.line}`,
        f.resource ? `${f.resource} (${f.type})` : '',
        f.resource ? f.text : factLine(f),
      ]);
  if (d.facts.every(x => !x.facts.length)) facts.addRow(['', '', '', t('disclFactsNone', L)]);
  facts.getColumn(1).width = 14;
  facts.getColumn(2).width = 28;
  facts.getColumn(3).width = 40;
  facts.getColumn(4).width = 80;

  const open = wb.addWorksheet(t('disclSheetOpen', L));
  open.addRow([t('disclOpen', L)]).font = bold;
  for (const p of d.openPoints) open.addRow([p]);
  if (!d.openPoints.length) open.addRow([t('disclOpenNone', L)]);
  open.getColumn(1).width = 140;
  open.getColumn(1).alignment = wrap;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
