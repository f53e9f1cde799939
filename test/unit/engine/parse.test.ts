import * as assert from 'assert';
import { parseYaml } from '../../../server/src/engine/parse/yaml';
import { parseJson } from '../../../server/src/engine/parse/json';
import { get, isMap, isScalar } from '../../../server/src/engine/model/node';
import { applyFix, fixesOf, open, run } from '../../helpers';

describe('parsers', () => {
  it('turns short-form tags into intrinsic maps spanning the tag', () => {
    const text = 'A: !Ref Env\nB: !GetAtt [Db, Endpoint.Address]\nC: !If [IsProd, true, !Ref AWS::NoValue]\n';
    const { root, problems } = parseYaml(text);
    assert.deepStrictEqual(problems, []);
    const a = get(root, 'A')!;
    assert.ok(isMap(a) && a.tag === '!Ref');
    assert.strictEqual(text.slice(a.start, a.end), '!Ref Env');
    assert.strictEqual(get(a, 'Ref') && isScalar(get(a, 'Ref')) && (get(a, 'Ref') as { value: unknown }).value, 'Env');
    const c = get(root, 'C')!;
    assert.ok(isMap(c) && c.entries[0].key === 'Fn::If');
  });

  it('reports a YAML syntax error once, at its position, with a readable message', () => {
    const { problems } = parseYaml('Resources:\n  A:\n    Type: "AWS::S3::Bucket\n');
    assert.ok(problems.length >= 1);
    assert.match(problems[0].message.en, /^YAML syntax error: /);
    assert.doesNotMatch(problems[0].message.en, /\n/);
  });

  it('points an unclosed bracket or quote at its opening character', () => {
    const text = 'Resources:\n  A:\n    Properties:\n      Tags: [{ Key: a, Value: b }\n      Other: 1\n';
    const [p] = parseYaml(text).problems;
    assert.strictEqual(text[p.start], '[');
    assert.strictEqual(p.start, text.indexOf('['));
    assert.strictEqual(p.message.en, 'YAML syntax error: this [ is never closed (add ])');
    const q = 'a: "open\nb: 1\n';
    const [pq] = parseYaml(q).problems;
    assert.strictEqual(pq.start, 3);
    assert.match(pq.message.ja, /引用符/);
  });

  it('caps alias expansion (billion laughs) with a clear problem', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill('*' + String.fromCharCode(96 + i))
          .join(', ')}]`,
      );
    const t0 = Date.now();
    const { problems } = parseYaml(lines.join('\n') + '\n');
    assert.ok(Date.now() - t0 < 2000);
    assert.ok(
      problems.some(p => p.code === 'ALIAS_LIMIT'),
      JSON.stringify(problems),
    );
  });

  it('caps nesting depth', () => {
    const deep = '['.repeat(300) + ']'.repeat(300);
    const { problems } = parseYaml(`a: ${deep}\n`);
    assert.ok(problems.some(p => p.code === 'DEPTH'));
  });

  it('reports the first JSON error at its offset in both languages', () => {
    const text = '{\n  "Resources": {\n    "A": { "Type": "AWS::S3::Bucket" }\n  \n}\n';
    const { problems } = parseJson(text);
    assert.strictEqual(problems.length, 1);
    assert.match(problems[0].message.en, /^JSON syntax error: this \{ is never closed \(add \}\)$/);
    assert.match(problems[0].message.ja, /JSON 構文エラー/);
  });

  it('reports a JSON bracket left open at its opening character', () => {
    const cases: Array<[string, number, string]> = [
      // end of file inside three open objects: the innermost one
      ['{"Resources": {"B": {"Type": "AWS::S3::Bucket"\n', 20, 'this { is never closed (add })'],
      // an array closed by a brace: the array's bracket
      ['{"a": [1, 2\n}', 6, 'this [ is never closed (add ])'],
      // brackets inside strings do not count
      ['{"a": "[{", "b": [\n', 17, 'this [ is never closed (add ])'],
    ];
    for (const [text, offset, en] of cases) {
      const { problems } = parseJson(text);
      assert.deepStrictEqual(
        problems.map(p => [p.start, p.end, p.message.en]),
        [[offset, offset + 1, `JSON syntax error: ${en}`]],
        text,
      );
    }
    // Anything else stays at the token the parser stopped on.
    const { problems } = parseJson('{"a": 1 "b": 2}');
    assert.deepStrictEqual(
      problems.map(p => [p.start, p.message.en]),
      [[8, 'JSON syntax error: comma expected']],
    );
  });

  it('flags duplicate JSON keys', () => {
    const { problems } = parseJson('{"a": 1, "a": 2}');
    assert.strictEqual(problems[0].code, 'DUPLICATE_KEY');
    assert.strictEqual(problems[0].start, 9);
  });
});

describe('analyze', () => {
  it('yields nothing for YAML that is not a template', () => {
    const a = run('docker-compose.yaml', 'services:\n  web:\n    image: nginx\n');
    assert.strictEqual(a.kind, 'none');
    assert.deepStrictEqual(a.findings, []);
  });

  it('turns a malformed template into exactly one diagnostic at the right place', () => {
    const a = run(
      'broken.yaml',
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    ' +
        'Properties: {BucketName: x\n',
    );
    assert.deepStrictEqual(
      a.findings.map(f => f.rule),
      ['syntax-error'],
    );
    assert.strictEqual(a.findings[0].range.start.line >= 4, true);
  });

  it('turns malformed JSON into one diagnostic at the offending token', () => {
    const a = run('broken.json', '{\n  "Resources": {\n    "Bucket": { "Type": "AWS::S3::Bucket", }\n  }\n}\n');
    assert.strictEqual(a.findings.length, 1);
    assert.strictEqual(a.findings[0].rule, 'syntax-error');
    assert.deepStrictEqual(a.findings[0].range.start, { line: 2, character: 43 });
  });

  it('skips files above the size limit with an information finding', () => {
    const a = run('big.yaml', 'Resources:\n  B:\n    Type: AWS::S3::Bucket\n' + '# x\n'.repeat(400), {
      maxFileSizeKB: 1,
    });
    assert.deepStrictEqual(
      a.findings.map(f => [f.rule, f.severity]),
      [['file-too-large', 'info']],
    );
  });

  it('never throws on garbage', () => {
    for (const t of [
      '\u0000\u0001',
      ':::\n- - -',
      '{"Resources": {"A": {"Type": 5}}}',
      'Resources: !Ref\n',
      'Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: !If [C]\n',
    ]) {
      run('x.yaml', t);
      run('x.json', t);
    }
  });
});

describe('intrinsics', () => {
  const tpl = (prop: string, params = '') =>
    `Parameters:\n${params || '  Dummy: {Type: String}\n'}Conditions:\n` +
    `  IsProd: !Equals [!Ref Dummy, prod]\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n` +
    `    Properties:\n      PublicAccessBlockConfiguration:\n        BlockPublicAcls: true\n` +
    `        BlockPublicPolicy: ${prop}\n        IgnorePublicAcls: true\n` +
    `        RestrictPublicBuckets: true\n      BucketEncryption: {ServerSideEncryptionConfiguration: ` +
    `[{ServerSideEncryptionByDefault: {SSEAlgorithm: aws:kms}}]}\n`;

  it(
    'reports a non-compliant AllowedValue of a referenced parameter once, and fixes the parameter, not ' + 'the Ref',
    () => {
      const a = run('p.yaml', tpl('!Ref Block', '  Block:\n    Type: String\n    AllowedValues: ["true", "false"]\n'));
      const f = open(a).filter(x => x.rule === 's3-public-access-block');
      assert.strictEqual(f.length, 1);
      assert.match(f[0].message, /when parameter Block = "false"/);
      assert.strictEqual(f[0].severity, 'error', 'without a default, every allowed value may deploy');
      assert.deepStrictEqual(
        fixesOf(a, f[0]).map(x => x.title),
        ['Set the default of parameter Block to "true"', 'Remove false from the AllowedValues of parameter Block'],
      );
      for (const n of [0, 1]) {
        const fixed = applyFix(a, f[0], n);
        assert.match(fixed, /BlockPublicPolicy: !Ref Block\n/, 'no fix may overwrite a Ref');
        assert.doesNotMatch(
          fixed.slice(0, fixed.indexOf('Conditions:')),
          /Block:\n {4}Type: String\n {4}AllowedValues: \["true", "false"\]\n$/,
        );
      }
      // Restricting the allowed values leaves only compliant deployments.
      const restricted = run('p.yaml', applyFix(a, f[0], 1));
      assert.deepStrictEqual(
        open(restricted).filter(x => x.rule === 's3-public-access-block'),
        [],
      );
      // A default that complies leaves the other value as information, unless asked to be strict.
      const defaulted = run('p.yaml', applyFix(a, f[0], 0));
      const left = open(defaulted).filter(x => x.rule === 's3-public-access-block');
      assert.deepStrictEqual(
        left.map(x => [x.severity, x.message.replace(/^.*\(only/, '(only')]),
        [['info', '(only when parameter Block = "false"; the default "true" of parameter Block complies)']],
      );
      const strict = run('p.yaml', applyFix(a, f[0], 0), { strictParameters: true });
      assert.strictEqual(open(strict).find(x => x.rule === 's3-public-access-block')!.severity, 'error');
    },
  );

  it('one finding per place: the deployed default first, then the other failing allowed values', () => {
    const params = '  Block:\n    Type: String\n    Default: "false"\n    AllowedValues: ["false", "no", "true"]\n';
    const a = run('p.yaml', tpl('!Ref Block', params));
    const f = open(a).filter(x => x.rule === 's3-public-access-block');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /\(when parameter Block = "false" \(default\); also when parameter Block = "no"\)$/);
    assert.strictEqual(f[0].severity, 'error');
  });

  it('uses the Default when there are no AllowedValues', () => {
    const a = run('p.yaml', tpl('!Ref Block', '  Block:\n    Type: String\n    Default: "false"\n'));
    assert.match(
      open(a).find(x => x.rule === 's3-public-access-block')!.message,
      /parameter Block = "false" \(default\)/,
    );
  });

  it('reports the failing branch of Fn::If with its condition', () => {
    const a = run('p.yaml', tpl('!If [IsProd, true, false]'));
    const f = open(a).filter(x => x.rule === 's3-public-access-block');
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /when condition IsProd is false/);
  });

  it('treats values that cannot be known as unknown, never as a violation', () => {
    for (const v of [
      '!ImportValue SharedBlock',
      '!GetAtt Other.Value',
      '!Sub "${Flag}"',
      '!Ref AWS::StackName',
      '!Ref Unlisted',
    ]) {
      const a = run('p.yaml', tpl(v));
      assert.deepStrictEqual(
        open(a)
          .filter(x => x.rule === 's3-public-access-block')
          .map(x => x.message),
        [],
        v,
      );
    }
  });
});
