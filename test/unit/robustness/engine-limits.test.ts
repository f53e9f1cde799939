/**
 * A file the engine could not check never passes silently: an internal failure is an `engine-error` finding (and a
 * non-zero CLI exit, the stack on stderr), nesting beyond the limits is a `nesting-too-deep` finding where it starts,
 * and a template is recognised wherever its keys are. Each case asserts what the user sees.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, defaultSettings, EngineFailure, LineIndex, renderFinding } from '../../../server/src/engine';
import { MAX_DEPTH, MAX_TS_DEPTH } from '../../../server/src/engine/parse/limits';
import { TEMPLATE_RULES } from '../../../server/src/engine/rules/registry';
import { Rule } from '../../../server/src/engine/rules/types';
import { main } from '../../../server/src/cli';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileAccess } from '../../../server/src/host/read';
import { Session } from '../../../server/src/lsp/session';
import { catalog, context, remember, ROOT, run, uriOf, usesBundles } from '../../helpers';

/** Time bound against hangs and runaway recursion, not a speed measurement. */
const BOUND_MS = 10_000;

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = Date.now();
  const value = f();
  return { value, ms: Date.now() - t0 };
}

/** The 0-based position of `offset` in `text`. */
function pos(text: string, offset: number) {
  const idx = new LineIndex(text);
  return idx.range(offset, offset).start;
}

/** Offset of the bracket that opens nesting level `level` (1-based) in a text that only nests one kind, once. */
function openerAt(text: string, level: number, openers = '[{('): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (openers.includes(c)) {
      depth++;
      if (depth === level) return i;
    } else if (')]}'.includes(c)) depth--;
  }
  return -1;
}

describe('robustness: nothing passes unchecked', function () {
  this.timeout(60_000);

  describe('nesting beyond the limit', () => {
    it('JSON nested 5,000 deep (10 KB) is reported where the limit is passed; the rest is checked', () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      const text = `{"Resources": {"Raw": {"Type": "AWS::S3::Bucket", "Metadata": {"Deep": ${deep}}}}}\n`;
      assert.ok(deep.length === 10_000);
      const { value: a, ms } = timed(() => run('deep.json', text));
      assert.ok(ms < BOUND_MS, `${ms} ms`);
      assert.strictEqual(a.kind, 'cloudformation');
      const deepFindings = a.findings.filter(f => f.rule === 'nesting-too-deep');
      assert.strictEqual(deepFindings.length, 1, JSON.stringify(a.findings.map(f => f.rule)));
      const f = deepFindings[0];
      assert.strictEqual(f.severity, 'error');
      // The document's 4 maps hold the list: the bracket at level MAX_DEPTH + 1 is where nothing more is read.
      const at = openerAt(text, MAX_DEPTH + 1);
      assert.deepStrictEqual(f.range.start, pos(text, at));
      assert.strictEqual(f.message, `Nested too deeply to check from here (5004 levels; limit ${MAX_DEPTH})`);
      const ja = renderFinding(
        analyze(uriOf('deep.json'), text, context()).findings.find(x => x === x && x.rule === 'nesting-too-deep')!,
        catalog,
        'ja',
      );
      assert.strictEqual(
        ja.message,
        `入れ子が深すぎるため、ここから先は検査できません（5004 段、上限 ${MAX_DEPTH} 段）`,
      );
      // The bucket outside the deep value is still checked.
      assert.ok(
        a.findings.some(x => x.rule === 's3-bucket-encryption'),
        JSON.stringify(a.findings.map(x => x.rule)),
      );
      assert.ok(!a.findings.some(x => x.rule === 'engine-error' || x.rule === 'syntax-error'));
    });

    it('the CLI (as built) reports the 5,000-deep JSON with its position and exits 1', function () {
      usesBundles(this);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-deep-'));
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      fs.writeFileSync(
        path.join(dir, 'deep.json'),
        `{"Resources": {"Raw": {"Type": "AWS::S3::Bucket", "Metadata": {"Deep": ${deep}}}}}\n`,
      );
      const r = spawnSync(process.execPath, [path.join(ROOT, 'dist/cli.js'), 'check', 'deep.json', '--lang', 'en'], {
        cwd: dir,
        encoding: 'utf8',
      });
      fs.rmSync(dir, { recursive: true, force: true });
      assert.strictEqual(r.status, 1, r.stderr);
      assert.match(
        r.stdout,
        /^deep\.json:1:324: error nesting-too-deep: Nested too deeply to check from here \(5004 levels; limit 256\)$/m,
      );
      assert.match(r.stdout, /^deep\.json:1:16: error s3-public-access-block: /m);
      assert.strictEqual(r.stderr, '');
    });

    it('YAML nested 5,000 deep in flow style and in block style is reported, the rest checked', () => {
      const head = 'Resources:\n  Raw:\n    Type: AWS::S3::Bucket\n    Metadata:\n';
      const flow = `${head}      Deep: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
      const block = `${head}      Deep:\n        ${'- '.repeat(5000)}x\n`;
      for (const [name, text, at] of [
        ['flow.yaml', flow, openerAt(flow, MAX_DEPTH + 1 - 4)],
        ['block.yaml', block, block.indexOf('- ') + 2 * (MAX_DEPTH - 4)],
      ] as const) {
        const { value: a, ms } = timed(() => run(name, text));
        assert.ok(ms < BOUND_MS, `${name}: ${ms} ms`);
        assert.strictEqual(a.kind, 'cloudformation', name);
        const deep = a.findings.filter(f => f.rule === 'nesting-too-deep');
        assert.strictEqual(deep.length, 1, `${name}: ${JSON.stringify(a.findings.map(f => f.rule))}`);
        assert.strictEqual(deep[0].severity, 'error');
        assert.deepStrictEqual(deep[0].range.start, pos(text, at), name);
        assert.strictEqual(deep[0].message, `Nested too deeply to check from here (5004 levels; limit ${MAX_DEPTH})`);
        assert.ok(
          a.findings.some(x => x.rule === 's3-bucket-encryption'),
          name,
        );
        assert.ok(!a.findings.some(x => x.rule === 'engine-error' || x.rule === 'syntax-error'), name);
      }
    });

    it('CDK brackets nested 800 deep are reported at the bracket past the limit; the bucket is checked', () => {
      const expr = `${'('.repeat(800)}1${')'.repeat(800)}`;
      const text = [
        `import * as cdk from 'aws-cdk-lib';`,
        `import * as s3 from 'aws-cdk-lib/aws-s3';`,
        `export class Deep extends cdk.Stack {`,
        `  constructor(scope: cdk.App, id: string) {`,
        `    super(scope, id);`,
        `    const deep = ${expr};`,
        `    new s3.Bucket(this, 'Raw', { versioned: deep > 0 });`,
        `  }`,
        `}`,
        ``,
      ].join('\n');
      const { value: a, ms } = timed(() => run('deep-stack.ts', text));
      assert.ok(ms < BOUND_MS, `${ms} ms`);
      assert.strictEqual(a.kind, 'cdk');
      const deep = a.findings.filter(f => f.rule === 'nesting-too-deep');
      assert.strictEqual(deep.length, 1, JSON.stringify(a.findings.map(f => f.rule)));
      assert.strictEqual(deep[0].severity, 'error');
      // Class body `{`, constructor `(`…`)` closed, constructor body `{`: two levels before the expression.
      assert.deepStrictEqual(deep[0].range.start, pos(text, openerAt(text, MAX_TS_DEPTH + 1)));
      assert.strictEqual(deep[0].message, `Nested too deeply to check from here (802 levels; limit ${MAX_TS_DEPTH})`);
      assert.ok(
        a.findings.some(x => x.rule === 's3-bucket-kms'),
        JSON.stringify(a.findings.map(x => x.rule)),
      );
      assert.ok(!a.findings.some(x => x.rule === 'engine-error'));
    });
    it('a CDK expression nested 800 deep that tsc compiles (a chain of +) is analysed', () => {
      const text = [
        `import * as cdk from 'aws-cdk-lib';`,
        `import * as s3 from 'aws-cdk-lib/aws-s3';`,
        `export class Deep extends cdk.Stack {`,
        `  constructor(scope: cdk.App, id: string) {`,
        `    super(scope, id);`,
        `    const name = 'a'${" + 'a'".repeat(800)};`,
        `    new s3.Bucket(this, 'Raw', { bucketName: name });`,
        `  }`,
        `}`,
        ``,
      ].join('\n');
      const { value: a, ms } = timed(() => run('chain-stack.ts', text));
      assert.ok(ms < BOUND_MS, `${ms} ms`);
      assert.strictEqual(a.kind, 'cdk');
      const rules = a.findings.map(f => f.rule);
      assert.ok(rules.includes('s3-bucket-kms'), JSON.stringify(rules));
      assert.ok(!rules.includes('engine-error') && !rules.includes('nesting-too-deep'), JSON.stringify(rules));
    });
  });

  describe('template detection', () => {
    it('a YAML template after 212 KB of comments is checked', () => {
      const comments = '# generated by a tool that writes a long header\n'.repeat(4500);
      assert.ok(comments.length > 212_000);
      const text = `${comments}Resources:\n  Raw:\n    Type: AWS::S3::Bucket\n`;
      const a = run('late.yaml', text);
      assert.strictEqual(a.kind, 'cloudformation');
      const f = a.findings.find(x => x.rule === 's3-public-access-block');
      assert.ok(f, JSON.stringify(a.findings.map(x => x.rule)));
      assert.strictEqual(f.severity, 'error');
      assert.strictEqual(f.range.start.line, 4500 + 1);
    });

    it('a JSON template whose keys come after a 212 KB description is checked', () => {
      const text = JSON.stringify({
        Description: 'x'.repeat(212_000),
        Resources: { Raw: { Type: 'AWS::S3::Bucket' } },
      });
      const a = run('late.json', text);
      assert.strictEqual(a.kind, 'cloudformation');
      assert.ok(a.findings.some(x => x.rule === 's3-bucket-encryption'));
    });

    it('YAML that is not a template is still left alone', () => {
      assert.strictEqual(
        run('app-config.yaml', `${'# c\n'.repeat(60_000)}feature: on\nType: AWS::S3::Bucket\n`).kind,
        'none',
      );
    });
  });

  describe('an internal error', () => {
    const throwing: Rule = {
      id: 's3-bucket-versioning',
      checkTemplate() {
        throw new TypeError('boom in the rule');
      },
    };
    before(() => (TEMPLATE_RULES as Rule[]).push(throwing));
    after(() => (TEMPLATE_RULES as Rule[]).splice((TEMPLATE_RULES as Rule[]).indexOf(throwing), 1));
    const text = 'Resources:\n  Raw:\n    Type: AWS::S3::Bucket\n';

    it('is an engine-error naming the file, rule and error; the other findings are kept; the host hears', () => {
      const failures: EngineFailure[] = [];
      const ctx = { ...context(), onEngineError: (f: EngineFailure) => failures.push(f) };
      const a = remember(analyze(uriOf('broken.yaml'), text, ctx), ctx);
      const errors = a.findings.filter(f => f.rule === 'engine-error');
      assert.strictEqual(errors.length, 1);
      assert.strictEqual(errors[0].severity, 'error');
      assert.deepStrictEqual(errors[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.strictEqual(
        errors[0].message,
        'Internal error in rule s3-bucket-versioning of broken.yaml, so the results for this file are incomplete: ' +
          'boom in the rule',
      );
      const ja = renderFinding(
        analyze(uriOf('broken.yaml'), text, context()).findings.find(f => f.rule === 'engine-error')!,
        catalog,
        'ja',
      );
      assert.strictEqual(
        ja.message,
        'broken.yaml の規則 s3-bucket-versioning の検査で内部エラーが起きたため、このファイルの検査結果は不完全です: boom in the rule',
      );
      assert.ok(
        a.findings.some(f => f.rule === 's3-bucket-encryption'),
        'the findings of the other rules are kept',
      );
      assert.strictEqual(failures.length, 1);
      assert.strictEqual(failures[0].stage, 'rule');
      assert.match(String((failures[0].error as Error).stack), /boom in the rule\n\s+at /);
    });

    it('is logged by the language server with its stack, once per failure, and the server keeps serving', () => {
      const lines: string[] = [];
      const uri = uriOf('broken.yaml');
      const docs = new Map([[uri, TextDocument.create(uri, 'yaml', 1, text)]]);
      const files = new FileAccess({ roots: () => [ROOT], maxBytes: () => defaultSettings.maxFileSizeKB * 1024 });
      const session = new Session(
        catalog,
        { ...defaultSettings, lang: 'en' },
        u => docs.get(u),
        files,
        l => lines.push(l),
      );
      const first = session.analyzeDocument(docs.get(uri)!);
      docs.set(uri, TextDocument.update(docs.get(uri)!, [{ text: text + '\n' }], 2));
      const second = session.analyzeDocument(docs.get(uri)!);
      for (const a of [first, second]) {
        assert.deepStrictEqual(
          a.findings.map(f => f.rule).filter(r => r === 'engine-error' || r === 's3-bucket-encryption'),
          ['engine-error', 's3-bucket-encryption'],
        );
      }
      assert.strictEqual(lines.length, 1, lines.join('\n'));
      assert.match(
        lines[0],
        /^iryo-guard: internal error in rule s3-bucket-versioning of .*broken\.yaml: TypeError: boom/,
      );
      assert.match(lines[0], /\n\s+at /);
    });

    it('makes the CLI exit 3 whatever --fail-on says, with the stack on stderr', () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-engine-error-'));
      const file = path.join(dir, 'broken.yaml');
      fs.writeFileSync(file, text);
      const out: string[] = [];
      const err: string[] = [];
      const write = { out: process.stdout.write, err: process.stderr.write };
      process.stdout.write = ((s: string) => out.push(s) > 0) as typeof process.stdout.write;
      process.stderr.write = ((s: string) => err.push(s) > 0) as typeof process.stderr.write;
      let codes: (number | Promise<number>)[];
      try {
        codes = [main(['check', file, '--lang', 'en']), main(['check', file, '--fail-on', 'never', '--lang', 'en'])];
      } finally {
        process.stdout.write = write.out;
        process.stderr.write = write.err;
        fs.rmSync(dir, { recursive: true, force: true });
      }
      assert.deepStrictEqual(codes, [3, 3], err.join(''));
      assert.match(out.join(''), /broken\.yaml:1:1: error engine-error: Internal error in rule s3-bucket-versioning/);
      const stderr = err.join('');
      assert.match(
        stderr,
        /internal error in rule s3-bucket-versioning of .*broken\.yaml: TypeError: boom in the rule\n\s+at /,
      );
      assert.match(stderr, /an internal error left 1 file incompletely checked/);
    });
  });
});
