/**
 * Outputs cannot be turned against their reader, whatever the checked files hold: findings whose messages, resource
 * names, paths and suppression reasons carry escape sequences, fake lines, workflow commands, XML metacharacters,
 * lone surrogates, characters XML forbids, formulas, Markdown images and links. Each format is read back the way its
 * reader reads it: JUnit with a strict XML parser, SARIF with JSON.parse and the SARIF 2.1.0 schema, the text and
 * github formats line by line as a terminal and the Actions runner do, CSV and xlsx as a spreadsheet would, the
 * Markdown report rendered to HTML.
 */
/* eslint-disable no-control-regex -- control characters are the hostile input */
import * as assert from 'assert';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { pathToFileURL } from 'url';
import { RenderedFinding, t } from '../../../server/src/engine';
import { COLUMNS, Report } from '../../../server/src/engine/risk/report-model';
import { render } from '../../../server/src/cli/format';
import {
  csvField,
  sarifMessage,
  spreadsheetText,
  terminalText,
  xmlAttr,
  xmlChars,
} from '../../../server/src/report/escape';
import { renderCsv, renderMarkdown } from '../../../server/src/report/text';
import { renderXlsx } from '../../../server/src/report/xlsx';
import { catalog, ROOT } from '../../helpers';
import { assertInertMarkdown } from '../../oracles/markdown';

/** What an attacker can put in a template or risk file, one string per trick. */
export const HOSTILE = [
  'Evil\x1b[2J\x1b[1;1H\x1b]8;;http://x.example/\x07Link\x1b]8;;\x07 \x1b]0;title\x1b\\ \x1bc',
  'line\nevil.yaml:1:1: error fake-rule: forged finding\r\x1b[1A',
  '::error file=x,line=1::injected %0A::warning::also %25 ::stop-commands::tok',
  '<tag attr="v"> & \' " ]]> <![CDATA[ x ]]> &amp;',
  'lone \uD800 high, lone \uDC00 low, pair \uD83D\uDE00, non-chars \uFFFE \uFFFF',
  'C0 \x00\x01\x02\x07\x08\x0b\x0c\x0e\x1f DEL \x7f C1 \x85\x9b31m\x9d0;x\x9c tab\there',
  'bidi \u202Eevil.yaml\u202C \u2066x\u2069',
  '=HYPERLINK("http://x.example","click")',
  '@SUM(1)',
  '-1+2',
  '+1',
  '\t=1',
  '\r=1',
  ' =1+1',
  '\uFF1D1+1',
  '![x](http://evil.example/img.png) <img src="http://evil.example/i.png"> [link](command:workbench.action.terminal.new)',
  'embedded [link](1) {0} {{x}} \\[x\\] sarif',
];

/** Every hostile string as a resource name, a message and a suppression reason; related places too. */
function hostileFindings(): RenderedFinding[] {
  return HOSTILE.map((h, i) => ({
    uri: 'file:///hostile.yaml',
    rule: 's3-bucket-encryption',
    severity: i % 3 === 0 ? 'error' : i % 3 === 1 ? 'warning' : 'info',
    message: `S3 bucket ${h} has no default KMS encryption (${h})`,
    range: { start: { line: i, character: 2 }, end: { line: i, character: 9 } },
    args: {},
    scenarios: ['3.13②'],
    guidelines: [],
    resource: h,
    related: [
      { uri: pathToFileURL(path.join(process.cwd(), `other ${i} #%?.yaml`)).href, range: zero, message: h },
      { uri: 'untitled:Untitled-1', range: zero, message: h },
    ],
    ...(i % 5 === 0 ? { suppressed: { reason: h } } : {}),
  })) as RenderedFinding[];
}
interface SarifResult {
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
}
const zero = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Hostile file names (no `/` or NUL, which no file name holds), relative to the working directory. */
const FILES = [
  'infra/a\x1b[31m#%?:,b\nc.yaml',
  '::error::x.yaml',
  'infra/\u202Eevil.yaml',
  'infra/<x> & "y" ]]>.yaml',
  'infra/plain.yaml',
];

function results(showSuppressed = true) {
  const fs_ = hostileFindings();
  const per = Math.ceil(fs_.length / FILES.length);
  return FILES.map((f, i) => ({
    file: path.join(process.cwd(), f),
    findings: fs_.slice(i * per, (i + 1) * per).filter(x => showSuppressed || !x.suppressed),
  }));
}
const out = (format: Parameters<typeof render>[0]) => render(format, results(), catalog, 'en', true);
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

describe('outputs with hostile file contents', () => {
  describe('JUnit XML', () => {
    it('is well-formed XML 1.0 for any input (a strict parser reads it) and keeps the text', () => {
      const xml = out('junit');
      const parser = new SaxesParser({ xmlns: false });
      const errors: string[] = [];
      const failures: string[] = [];
      const names: string[] = [];
      parser.on('error', e => errors.push(e.message));
      parser.on('opentag', t => {
        if (t.name === 'failure') failures.push(String(t.attributes.message));
        if (t.name === 'testcase') names.push(String(t.attributes.classname));
      });
      parser.write(xml).close();
      assert.deepStrictEqual(errors, []);
      // What the reader gets back: the message as written, with only the characters XML cannot carry replaced.
      const expected = hostileFindings()
        .filter(f => f.severity !== 'info')
        .map(f => xmlChars(f.message));
      assert.deepStrictEqual(failures, expected);
      assert.ok(failures.some(m => m.includes('<tag attr="v"> & \' " ]]> <![CDATA[ x ]]> &amp;')));
      assert.ok(
        failures.some(m => m.includes('line\nevil.yaml')),
        'line breaks survive as character references',
      );
      assert.ok(names.includes('infra/<x> & "y" ]]>.yaml'));
    });

    it('escapes attributes completely', () => {
      assert.strictEqual(xmlAttr(`a<b>&"'\t\n\r\x01\uFFFE`), 'a&lt;b&gt;&amp;&quot;&apos;&#9;&#10;&#13;\uFFFD\uFFFD');
      assert.strictEqual(xmlChars('ok \uD83D\uDE00 \uD800 \uDC00'), 'ok \uD83D\uDE00 \uFFFD \uFFFD');
    });
  });

  describe('SARIF', () => {
    // A draft-04 schema: ajv (draft-07) reads its `id` as `$id`; its formats are checked by RFC 3986's characters.
    // Its `language` pattern has a stray `]` that only a non-unicode RegExp accepts.
    const URI = /^(?:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=]|%[0-9A-Fa-f]{2})*$/;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    ajv.addFormat('uri', s => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(s) && URI.test(s));
    ajv.addFormat('uri-reference', s => URI.test(s));
    ajv.addFormat('date-time', s => !Number.isNaN(Date.parse(s)));
    let validate: ReturnType<typeof ajv.compile>;
    before(() => {
      const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
      const { $schema: _draft, id, ...rest } = schema;
      validate = ajv.compile({ ...rest, $id: id });
    });

    it('is JSON that the SARIF 2.1.0 schema accepts, with well-formed text and URIs', () => {
      const text = out('sarif');
      const log = JSON.parse(text) as { runs: { results: SarifResult[] }[] };
      const valid = validate(JSON.parse(text));
      assert.ok(valid, ajv.errorsText(validate.errors));
      assert.doesNotMatch(text, /\\ud[89a-f][0-9a-f]{2}/i, 'no lone surrogate escapes');
      const uris = log.runs[0].results.map((r: SarifResult) => r.locations[0].physicalLocation.artifactLocation.uri);
      assert.deepStrictEqual(
        [...new Set(uris)].map(u => decodeURIComponent(u as string)),
        FILES,
      );
      assert.ok(uris.includes('infra/a%1B%5B31m%23%25%3F%3A%2Cb%0Ac.yaml'), uris.join('\n'));
    });

    it('escapes embedded links and placeholders in messages (SARIF §3.11.5–3.11.6)', () => {
      const log = JSON.parse(out('sarif'));
      const texts: string[] = log.runs[0].results.map((r: SarifResult) => r.message.text);
      const md = texts.find(t => t.includes('img.png'))!;
      assert.ok(md.includes('!\\[x\\](http://evil.example/img.png)'), md);
      assert.ok(!/(^|[^\\])\[[^\]]*\]\(/.test(md.replace(/\\\\/g, '')), 'no unescaped [text](target)');
      assert.strictEqual(sarifMessage('[a](1) {0} \\[b'), '\\[a\\](1) {{0}} \\\\\\[b');
    });
  });

  describe('text and github formats', () => {
    it('text: one line per finding and related place, no control character, no line read as a command', () => {
      const text = out('text');
      const lines = text.split('\n').slice(0, -1);
      const findings = hostileFindings();
      assert.strictEqual(lines.length, findings.length * 3 + 1, text);
      for (const l of lines) {
        assert.doesNotMatch(l, CONTROL, JSON.stringify(l));
        assert.doesNotMatch(l, /^\s*::/, `a CI log would take this line as a workflow command: ${l}`);
      }
      assert.ok(lines.some(l => l.startsWith('./::error::x.yaml:')));
      assert.ok(text.includes('EvilLink'), 'escape sequences are removed whole, their text kept');
    });

    it('github: exactly one workflow command per finding, nothing injected, text decoded as the runner does', () => {
      const text = out('github');
      const lines = text.split(/\r\n|\r|\n/).slice(0, -1);
      const open = hostileFindings().filter(f => !f.suppressed);
      assert.strictEqual(lines.length, open.length);
      for (const l of lines) {
        assert.doesNotMatch(l, CONTROL, JSON.stringify(l));
        // The runner: `::name props::message`, props split at commas, values unescaped.
        const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(l);
        assert.ok(m, l);
        const props = Object.fromEntries(m[2].split(',').map(p => p.split('=', 2)));
        assert.deepStrictEqual(Object.keys(props), ['file', 'line', 'col', 'endLine', 'endColumn', 'title']);
        const unescape = (s: string) =>
          s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
        assert.doesNotMatch(unescape(m[3]), /[\r\n]/);
        assert.doesNotMatch(unescape(props.file), /[\r\n]/);
      }
      assert.ok(
        lines.some(l => l.includes('::injected %250A::warning::also %2525')),
        text,
      );
    });

    it('terminal text: CSI, OSC, C1 and other controls removed, line breaks become spaces', () => {
      assert.strictEqual(terminalText('a\x1b[31mred\x1b[0m b'), 'ared b');
      assert.strictEqual(terminalText('\x1b]8;;http://x\x07link\x1b]8;;\x1b\\'), 'link');
      assert.strictEqual(terminalText('x\r\ny\nz\tw'), 'x y z w');
      assert.strictEqual(terminalText('\x9b2J\x9d0;t\x9c ok \x00\x7f\u202e'), ' ok ');
      assert.strictEqual(terminalText('\x1b]unterminated'), 'unterminated');
      assert.strictEqual(terminalText('日本語 [3.8②]'), '日本語 [3.8②]');
    });
  });

  describe('spreadsheets', () => {
    it('neutralises every cell a spreadsheet could read as a formula; numbers stay numbers', () => {
      for (const s of ['=HYPERLINK("http://x")', '@SUM(1)', '-1+2', '+1', '\t=1', '\r=1', ' =1', '\uFF1D1', '\n=1'])
        assert.strictEqual(spreadsheetText(s), `'${s}`, JSON.stringify(s));
      for (const s of ['3', '-1', '2.5', 'R-01', 'text - with = inside', '', '日本語'])
        assert.strictEqual(spreadsheetText(s), s, JSON.stringify(s));
      assert.strictEqual(csvField('=HYPERLINK("http://x","a")'), `"'=HYPERLINK(""http://x"",""a"")"`);
      assert.strictEqual(csvField('a,b'), '"a,b"');
    });

    it('CSV: a spreadsheet reads every hostile cell as text, the scales as numbers', () => {
      const rep = hostileReport();
      const rows = readCsv(renderCsv(rep).slice(1));
      assert.strictEqual(rows.length, rep.rows.length + 1);
      for (const [r, row] of rows.slice(1).entries()) {
        assert.strictEqual(row.length, COLUMNS.length);
        for (const [c, cell] of row.entries()) {
          const written = rep.rows[r][c];
          assert.strictEqual(cell, spreadsheetText(written));
          assert.ok(!FORMULA.test(cell) || /^-?\d+(\.\d+)?$/.test(cell), `cell ${JSON.stringify(cell)} is a formula`);
        }
      }
      const impact = COLUMNS.findIndex(c => c.id === 'impact');
      assert.strictEqual(rows[1][impact], '3');
    });

    it('xlsx: hostile cells are quoted text cells, never formulas; scales and counts are numbers', async () => {
      const rep = hostileReport();
      const wb = new ExcelJS.Workbook();
      // exceljs reads the sheet XML with a strict parser: a character XML forbids would fail the load.
      await wb.xlsx.load((await renderXlsx(rep)) as unknown as ArrayBuffer);
      const sheet = wb.worksheets[0];
      const impact = COLUMNS.findIndex(c => c.id === 'impact') + 1;
      for (let r = 2; r <= sheet.rowCount; r++) {
        const row = sheet.getRow(r);
        for (let c = 1; c <= COLUMNS.length; c++) {
          const cell = row.getCell(c);
          assert.notStrictEqual(cell.type, ExcelJS.ValueType.Formula);
          if (c === impact) assert.strictEqual(cell.value, 3);
          else if (typeof cell.value === 'string')
            assert.ok(!FORMULA.test(cell.value), `row ${r} col ${c}: ${JSON.stringify(cell.value)}`);
        }
      }
      const ids = sheet.getColumn(1).values.slice(2) as string[];
      assert.ok(ids.includes(`'=HYPERLINK("http://x.example","click")`), ids.join('\n'));
      assert.ok(ids.some(v => v.startsWith("'-1+2")));
      const m = wb.getWorksheet('Risk matrix')!;
      assert.strictEqual(typeof m.getRow(3).getCell(2).value, 'number');
    });

    it('Markdown report: file text renders as text, never an image, link or HTML', () => {
      assertInertMarkdown(renderMarkdown(hostileReport()), [
        '![x](http://evil.example/img.png) <img src="http://evil.example/i.png"> [link](command:',
        '=HYPERLINK("http://x.example","click")',
      ]);
    });
  });
});

const FORMULA = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;

/** A report whose every file-derived field is hostile (IDs, flows, descriptions, measures, services, title). */
function hostileReport(): Report {
  const rows = HOSTILE.map((h, i) =>
    COLUMNS.map(c =>
      ['impact', 'likelihood', 'residualImpact', 'residualLikelihood'].includes(c.id)
        ? '3'
        : c.id === 'risk'
          ? h
          : `${h} ${i}`,
    ),
  );
  const grid = () => [0, 1, 2, 3, 4].map(() => [1, 0, 2, 0, 0]);
  return {
    lang: 'en',
    title: HOSTILE[15],
    assessmentId: HOSTILE[7],
    guideline: HOSTILE[3],
    acceptance: 'C',
    date: HOSTILE[1],
    assessor: HOSTILE[2],
    approver: HOSTILE[4],
    nextReview: HOSTILE[5],
    reviewOverdueDays: 0,
    headers: COLUMNS.map(c => t(c.title, 'en')),
    rows,
    coverage: [{ id: '3.8②', title: 'TLS', risks: [HOSTILE[15], HOSTILE[7]], notApplicable: false }],
    before: grid(),
    after: grid(),
    thresholds: catalog.data.riskModel.matrix.thresholds,
    levels: catalog.data.riskModel.levels.map(l => l.id),
    openFindings: 0,
    diagnostics: [],
    notes: [],
  } as Report;
}

/** RFC 4180, as a spreadsheet program reads it: quoted fields may hold commas, quotes and line breaks. */
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
