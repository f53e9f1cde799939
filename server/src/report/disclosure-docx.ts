/**
 * The conformity disclosure draft as a Word document (the `docx` package): "draft" in every page header, the notice
 * that it states no conformity, the appendix table by category, the requests, the facts and the open points.
 */
import {
  AlignmentType,
  Document,
  Header,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { Category, Disclosure } from '../engine/risk/disclosure-model';
import { t } from '../engine/i18n/text';
import { APPENDIX_COLUMNS, appendixCells, CATEGORY_PHRASE, factLine, TOPIC_PHRASE } from './disclosure';

const FONT = 'Yu Gothic';

const para = (text: string, opts: { bold?: boolean; color?: string; size?: number } = {}) =>
  new Paragraph({ children: [new TextRun({ text, font: FONT, ...opts })] });
const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, children: [new TextRun({ text, font: FONT })] });
const bullet = (text: string) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text, font: FONT })] });

function cell(items: string[], header = false): TableCell {
  const lines = items.length ? items : [''];
  return new TableCell({
    children: lines.map(
      l =>
        new Paragraph({
          children: [new TextRun({ text: lines.length > 1 ? `・${l}` : l, bold: header, font: FONT, size: 16 })],
        }),
    ),
  });
}

export async function renderDisclosureDocx(d: Disclosure): Promise<Buffer> {
  const L = d.lang;
  const body: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.TITLE,
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: `${t('disclTitle', L)}: ${d.title}`, font: FONT })],
    }),
    para(`${t('disclDraftMark', L)} — ${t('disclDraftNotice', L, { source: d.source })}`, {
      bold: true,
      color: 'C0392B',
    }),
    para(`${t('disclLabelService', L)}: ${d.title}`),
    para(`${t('disclLabelAssessment', L)}: ${d.assessmentId}`),
    para(`${t('disclLabelGuideline', L)}: ${d.guideline}`),
    ...d.meta.map(([k, v]) => para(`${k}: ${v}`)),
    heading(t('disclAppendix', L), HeadingLevel.HEADING_1),
    para(t('disclTreatments', L), { bold: true }),
    ...d.treatments.map(x => bullet(`${x.label}: ${x.summary}`)),
  ];
  for (const category of ['organizational', 'physical', 'technical'] as Category[]) {
    const rows = d.rows.filter(r => r.category === category);
    if (!rows.length) continue;
    body.push(heading(t(CATEGORY_PHRASE[category], L), HeadingLevel.HEADING_2));
    body.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          new TableRow({ tableHeader: true, children: APPENDIX_COLUMNS.map(c => cell([t(c, L)], true)) }),
          ...rows.map(r => new TableRow({ children: appendixCells(d, r).map(items => cell(items)) })),
        ],
      }),
    );
  }
  body.push(heading(t('disclRequests', L), HeadingLevel.HEADING_1));
  if (!d.requests.length) body.push(para(t('disclRequestsNone', L)));
  d.requests.forEach((q, i) =>
    body.push(para(`${i + 1}. ${t('disclRequestLine', L, { measure: q.measure, ids: q.scenarios.join(', ') })}`)),
  );
  body.push(heading(t('disclFacts', L), HeadingLevel.HEADING_1));
  if (d.facts.every(x => !x.facts.length)) body.push(para(t('disclFactsNone', L)));
  else
    for (const topic of d.facts) {
      body.push(heading(t(TOPIC_PHRASE[topic.topic], L), HeadingLevel.HEADING_2));
      if (!topic.facts.length) body.push(bullet(t('disclTopicNone', L)));
      for (const f of topic.facts) body.push(bullet(factLine(f)));
    }
  body.push(heading(t('disclOpen', L), HeadingLevel.HEADING_1));
  if (!d.openPoints.length) body.push(para(t('disclOpenNone', L)));
  for (const p of d.openPoints) body.push(bullet(p));
  body.push(para(`${t('disclFooter', L, { source: d.source })} — ${t('disclDraftMark', L)}`, { color: '666666' }));

  const doc = new Document({
    creator: 'iryo-guard',
    title: `${t('disclTitle', L)}: ${d.title}`,
    description: t('disclDraftNotice', L, { source: d.source }),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    text: `${t('disclDraftMark', L)} — ${t('disclTitle', L)}`,
                    bold: true,
                    color: 'C0392B',
                    font: FONT,
                  }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
