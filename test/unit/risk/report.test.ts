/** Reports: the sheet in md/csv/html/xlsx, the coverage table and the heat maps; the CLI bundle writes xlsx. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderHtml } from '../../../server/src/report/html';
import { buildReport, COLUMNS } from '../../../server/src/engine/risk/report-model';
import { renderCsv, renderMarkdown } from '../../../server/src/report/text';
import { renderXlsx } from '../../../server/src/report/xlsx';
import { catalog, ROOT, usesBundles } from '../../helpers';
import { riskOf } from '../../../server/src/engine';
import { analyzeRisk, analyzeSample, baseDoc } from './util';

const a = analyzeSample('ehr.risk.yaml');
const model = riskOf(a) as unknown as {
  doc: { risks: { controls: unknown[]; impact?: { value: number }; likelihood?: { value: number } }[] };
};
const expectedRows = model.doc.risks.reduce((n, r) => n + Math.max(1, r.controls.length), 0);
/** Risks at impact 5 × likelihood 3 before treatment (the sample has several). */
const n53 = model.doc.risks.filter(r => r.impact?.value === 5 && r.likelihood?.value === 3).length;

/** Minimal RFC 4180 reader (quoted cells may hold commas, quotes and line breaks). */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('risk reports', () => {
  it("builds one row per risk × control, with the sheet's columns", () => {
    const rep = buildReport(a, catalog, 'ja');
    assert.strictEqual(rep.rows.length, expectedRows);
    assert.deepStrictEqual(rep.headers.slice(0, 12), [
      'リスクID',
      '情報流',
      '分類',
      '関連する脅威',
      'リスクシナリオ',
      '特定したリスク',
      '影響度',
      '顕在化率',
      'リスクレベル',
      '対応要否',
      '対応',
      '対策の観点',
    ]);
    const r23 = rep.rows.find(r => r[0] === 'R23')!;
    const col = (id: string) => r23[COLUMNS.findIndex(c => c.id === id)];
    assert.strictEqual(col('threat'), 'ネットワーク上の盗聴・なりすまし');
    assert.strictEqual(col('level'), 'A');
    assert.strictEqual(col('actionRequired'), '要');
    assert.strictEqual(col('residualLevel'), 'C');
    assert.match(col('provider'), /TLS 1\.2/);
    // Controls by AWS and by the institution land in their own columns.
    const r03 = rep.rows.filter(r => r[0] === 'R03');
    assert.match(r03[1][COLUMNS.findIndex(c => c.id === 'aws')], /AWS が消去/);
    assert.strictEqual(rep.coverage.filter(c => c.risks.length).length, 86);
    assert.strictEqual(
      rep.before.flat().reduce((x, y) => x + y, 0),
      29,
    );
    assert.ok(n53 > 1);
    assert.strictEqual(rep.before[4][2], n53); // impact 5 × likelihood 3
  });

  it('markdown has the sheet columns, the coverage table and both matrices', () => {
    const md = renderMarkdown(buildReport(a, catalog, 'ja'));
    assert.ok(
      md.includes(
        '| リスクID | 情報流 | 分類 | 関連する脅威 | リスクシナリオ | 特定したリスク | 影響度 | 顕在化率 | リスクレベル | 対応要否 | 対応 | 対策の観点 | ' +
          '事業者が実施する対策 | AWSが実施している対策 | 医療機関等へ対応を求める事項 |',
      ),
    );
    assert.ok(md.includes('- 最低限のリスクシナリオ: 86 / 86'));
    const before = md.slice(md.indexOf('## リスクマトリクス（対策前）'));
    assert.ok(
      before.startsWith(
        '## リスクマトリクス（対策前）\n\n| 影響度＼顕在化率 | 1 | 2 | 3 | 4 | 5 |\n|---|---|---|---|---|---|\n| 5 | C | B',
      ),
      before,
    );
    assert.match(before.split('\n')[4], new RegExp(`^\\| 5 \\| C \\| B \\d* ?\\| A ${n53} \\| S \\| S \\|$`));
    assert.match(md, /\| 3\.8② \| .+ \| R23 \|/);
  });

  it('csv: header + one row per risk × control, BOM, quoted cells', () => {
    const csv = renderCsv(buildReport(a, catalog, 'en'));
    assert.ok(csv.startsWith('\uFEFFRisk ID,Information flow,'));
    const rows = readCsv(csv.slice(1));
    assert.strictEqual(rows.length - 1, expectedRows);
    assert.ok(rows.every(r => r.length === COLUMNS.length));
  });

  it('html: summary, the sheet, the coverage and two coloured heat maps', () => {
    const html = renderHtml(buildReport(a, catalog, 'en'));
    assert.strictEqual((html.match(/<svg /g) ?? []).length, 2);
    assert.ok(html.includes('Before treatment') && html.includes('Residual (after treatment)'));
    // Cell impact 5 × likelihood 3: level A (orange) holding 10 risks before treatment.
    assert.ok(
      html.includes(
        `<rect x="152" y="30" width="56" height="56" fill="#e67e22" stroke="#fff" stroke-width="2"><title>A ` +
          `5×3=15: ${n53}</title>`,
      ),
    );
    assert.ok(html.includes('<th>Information flow</th>'));
    assert.ok(html.includes('<td>3.8②</td>'));
    assert.ok(!html.includes('<script'));
  });

  it('names guideline items with their edition and says what the report is and is not', () => {
    const rep = buildReport(a, catalog, 'ja');
    const col = COLUMNS.findIndex(c => c.id === 'guidelines');
    const r01 = rep.rows.find(r => r[0] === 'R01')!;
    assert.strictEqual(r01[col], '医療GL 5.2 6.3 C3, 医療GL 5.2 6.6(1) C1, 医療GL 5.2 6.6(2) C1');
    assert.ok(rep.rows.some(r => r[col] === '医療GL 6.0 シス13⑫'));
    assert.deepStrictEqual(rep.notes, [
      'iryo-guard はガイドラインへの適合の確認を支援するもので、適合を認証・保証するものではありません。',
      catalog.data.riskModel.matrix.note!.ja,
    ]);
    assert.match(rep.notes[1], /iryo-guard の既定のマトリクスで、ガイドラインの数値ではありません/);
    const en = buildReport(a, catalog, 'en');
    assert.ok(renderMarkdown(en).includes(`> ${en.notes[0]}\n\n> ${en.notes[1]}\n`));
    assert.ok(
      renderHtml(en).includes(
        '<p class="note">iryo-guard supports checking conformity with the guidelines; ' +
          'it does not certify conformity.</p>',
      ),
    );
    // An assessment with its own matrix does not get the default-matrix note.
    const own = buildReport(
      analyzeRisk(baseDoc({ assessment: '  matrix: { S: 16, A: 10, B: 6, C: 3, D: 1 }\n' })),
      catalog,
      'en',
    );
    assert.deepStrictEqual(own.notes, [en.notes[0]]);
  });

  it('uncovered scenarios show in the coverage table', () => {
    const b = analyzeRisk(baseDoc({ scenarios: ['1.2'] }));
    const rep = buildReport(b, catalog, 'en');
    assert.strictEqual(rep.coverage.filter(c => !c.risks.length).length, 85);
    assert.ok(renderHtml(rep).includes('<td class="missing">not covered</td>'));
  });

  it('xlsx is readable with exceljs: sheet rows, coverage and coloured matrix', async () => {
    const buf = await renderXlsx(buildReport(a, catalog, 'ja'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.deepStrictEqual(
      wb.worksheets.map(w => w.name),
      ['リスクアセスメントシート', '網羅', 'リスクマトリクス', '注記'],
    );
    assert.match(String(wb.getWorksheet('注記')!.getRow(1).getCell(1).value), /適合を認証・保証するものではありません/);
    const sheet = wb.getWorksheet('リスクアセスメントシート')!;
    assert.strictEqual(sheet.rowCount, expectedRows + 1);
    assert.strictEqual(sheet.getRow(1).getCell(4).value, '関連する脅威');
    assert.strictEqual(wb.getWorksheet('網羅')!.rowCount, 87);
    const m = wb.getWorksheet('リスクマトリクス')!;
    const cell = m.getRow(3).getCell(4); // impact 5, likelihood 3
    assert.strictEqual(cell.value, n53);
    assert.strictEqual((cell.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFE67E22');
  });

  it('the bundled CLI writes every format (xlsx via the exceljs bundled into dist/cli.js)', async function () {
    usesBundles(this);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-report-'));
    const cli = path.join(ROOT, 'dist/cli.js');
    const sample = path.join(ROOT, 'samples/ehr.risk.yaml');
    for (const f of ['md', 'html', 'csv', 'xlsx']) {
      execFileSync(process.execPath, [
        cli,
        'report',
        sample,
        '--format',
        f,
        '--output',
        path.join(dir, `r.${f}`),
        '--lang',
        'en',
      ]);
      assert.ok(fs.statSync(path.join(dir, `r.${f}`)).size > 1000, f);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
    assert.strictEqual(wb.getWorksheet('Risk assessment')!.rowCount, expectedRows + 1);
    assert.throws(
      () =>
        execFileSync(process.execPath, [cli, 'report', path.join(ROOT, 'samples/ehr-template.yaml')], {
          stdio: 'pipe',
        }),
      /not a risk file/,
    );
    fs.rmSync(dir, { recursive: true });
  });
});
