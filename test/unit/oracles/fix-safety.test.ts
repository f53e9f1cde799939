/** The fix-safety oracle (test/oracles/fix-safety.ts) itself: it passes the engine's fixes and rejects broken ones. */
import * as assert from 'assert';
import { Fix, TextEdit } from '../../../server/src/engine';
import { Checked, fixesOf, onlyRules, open, run, TestFinding, uriOf } from '../../helpers';
import { assertFixIsSafe, assertSafeFix } from '../../oracles/fix-safety';

const RULES = onlyRules('s3-bucket-encryption', 's3-public-access-block');
const TEMPLATE = 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: records\n';

function encryption(a: Checked): TestFinding {
  const f = open(a).find(x => x.rule === 's3-bucket-encryption');
  assert.ok(f, 'the fixture raises s3-bucket-encryption');
  return f;
}

/** A fix made of the engine's own edits for `f` (or none) plus `extra`, inserted at the given offsets. */
function fixWith(a: Checked, f: TestFinding, extra: { at: number; text: string }[], engine = true): Fix {
  const own = engine ? fixesOf(a, f)[0].edit[a.uri] : [];
  const more: TextEdit[] = extra.map(e => ({ range: a.lines.range(e.at, e.at), newText: e.text }));
  return { title: 'test fix', edit: { [a.uri]: [...own, ...more] } };
}

describe('the fix-safety oracle', () => {
  const a = run('oracle.yaml', TEMPLATE, RULES);
  const f = encryption(a);

  it("passes the engine's fix and returns the fixed text and its analysis", () => {
    const r = assertSafeFix(a, f);
    assert.match(r.text, /BucketEncryption:/);
    assert.ok(!open(r.after).some(x => x.rule === 's3-bucket-encryption'));
  });

  it('rejects a fix that leaves the finding', () => {
    assert.throws(() => assertFixIsSafe(a, f, fixWith(a, f, [], false)), /leaves the finding/);
  });

  it('rejects a fix that breaks the syntax', () => {
    assert.throws(
      () => assertFixIsSafe(a, f, fixWith(a, f, [{ at: a.text.length, text: '  Broken: [\n' }])),
      /breaks the syntax/,
    );
  });

  it('rejects a fix that brings a new finding, unless that rule is allowed', () => {
    const fix = fixWith(a, f, [{ at: a.text.length, text: '  Other:\n    Type: AWS::S3::Bucket\n' }]);
    assert.throws(() => assertFixIsSafe(a, f, fix), /adds findings[^]*s3-bucket-encryption@Other/);
    assertFixIsSafe(a, f, fix, { allowNew: ['s3-bucket-encryption', 's3-public-access-block'] });
  });

  it('rejects a fix that edits another file', () => {
    const fix = fixesOf(a, f)[0];
    const elsewhere = { ...fix, edit: { ...fix.edit, [uriOf('other.yaml')]: [] } };
    assert.throws(() => assertFixIsSafe(a, f, elsewhere), /edits another file/);
  });

  it('rejects a fix that JSON.parse can no longer read', () => {
    const json = JSON.stringify({ Resources: { Records: { Type: 'AWS::S3::Bucket' } } }, null, 2) + '\n';
    const j = run('oracle.json', json, RULES);
    const g = encryption(j);
    assertSafeFix(j, g);
    const comment = fixWith(j, g, [{ at: 0, text: '// a comment\n' }]);
    assert.throws(() => assertFixIsSafe(j, g, comment), /breaks the JSON syntax/);
  });

  it("rejects a fix whose line breaks are not the file's own", () => {
    const crlf = run('oracle-crlf.yaml', TEMPLATE.replace(/\n/g, '\r\n'), RULES);
    const g = encryption(crlf);
    const own = assertSafeFix(crlf, g);
    assert.ok(/\r\n/.test(own.text) && !/[^\r]\n/.test(own.text), JSON.stringify(own.text));
    const lf = fixWith(crlf, g, [{ at: crlf.text.length, text: '# note\n' }]);
    assert.throws(() => assertFixIsSafe(crlf, g, lf), /inserts LF into a CRLF file/);
    const cr = fixWith(a, f, [{ at: a.text.length, text: '# note\r\n' }]);
    assert.throws(() => assertFixIsSafe(a, f, cr), /inserts CRLF into a LF file/);
  });

  it("rejects a CDK fix that TypeScript's parser no longer accepts", () => {
    const source =
      "import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\n" +
      "export class S extends cdk.Stack {\n  build() {\n    new s3.Bucket(this, 'Records');\n  }\n}\n";
    const c = run('oracle.ts', source, RULES);
    assert.strictEqual(c.kind, 'cdk');
    const g = open(c).find(x => x.rule === 's3-bucket-encryption' || x.rule === 's3-public-access-block')!;
    assertSafeFix(c, g);
    const brace = fixWith(c, g, [{ at: c.text.length, text: '}\n' }]);
    assert.throws(() => assertFixIsSafe(c, g, brace), /breaks the TypeScript syntax/);
  });

  it('re-analyses with the settings the analysis was made with', () => {
    // Under the default settings the fixed text would still raise other S3 rules; RULES keeps them off.
    assert.deepStrictEqual(
      open(assertSafeFix(a, f).after).map(x => x.rule),
      ['s3-public-access-block'],
    );
  });

  it('asking for a fix the finding does not have fails, saying how many it has', () => {
    assert.throws(() => assertSafeFix(a, f, 5), /s3-bucket-encryption@Records has no fix #5 \(it has 1\)/);
  });
});
