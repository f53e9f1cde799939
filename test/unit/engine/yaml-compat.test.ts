/**
 * Templates that CloudFormation accepts and YAML 1.2 does not: they are analysed like any other, with findings at the
 * same places as in the same template written the YAML 1.2 way. Errors that remain errors name their real cause.
 */
import * as assert from 'assert';
import { parseYaml } from '../../../server/src/engine/parse/yaml';
import { parseYamlIncremental } from '../../../server/src/engine/parse/yaml-chunks';
import { open, run, TestFinding } from '../../helpers';

/** A template with findings before and after the lines that vary. `{desc}`, `{group}` and `{flow}` are replaced. */
const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Description: {desc}
Resources:
  Logs:
    Type: AWS::S3::Bucket
  DatabaseSecurityGroup:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      Note: {group}
    Properties:
      GroupDescription: EHR database
      SecurityGroupIngress:
        - IpProtocol: tcp
          FromPort: 5432
          ToPort: 5432
          CidrIp: 0.0.0.0/0
        {flow}
  Data:
    Type: AWS::S3::Bucket
`;

function template(parts: { desc?: string; group?: string; flow?: string }): string {
  return TEMPLATE.replace('{desc}', parts.desc ?? 'EHR stack')
    .replace('{group}', parts.group ?? 'none')
    .replace('{flow}', parts.flow ?? '- { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }');
}

const key = (f: TestFinding) =>
  `${f.rule} ${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${
    f.range.end.character
  } ${f.message}`;

function findings(text: string): string[] {
  const a = run('t.yaml', text);
  assert.deepStrictEqual(
    a.findings.filter(f => f.rule === 'syntax-error').map(f => f.message),
    [],
    text,
  );
  return open(a).map(key).sort();
}

/** The text at a finding's range. */
function textAt(text: string, f: TestFinding): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(offset(f.range.start), offset(f.range.end));
}

describe('YAML that CloudFormation accepts', () => {
  const cases: [string, { desc?: string; group?: string; flow?: string }, { desc?: string; group?: string }][] = [
    // [what, as written, the same written the YAML 1.2 way, on as many lines]
    ["'…' continued at column 0 (top level)", { desc: "'EHR\nstack'" }, { desc: "'EHR\n  stack'" }],
    ['"…" continued at column 0 (top level)', { desc: '"EHR\nstack"' }, { desc: '"EHR\n  stack"' }],
    ["'…' continued at the key's column", { group: "'first\n      second'" }, { group: "'first\n        second'" }],
    ["'…' continued left of the key", { group: "'first\n  second'" }, { group: "'first\n        second'" }],
    ['"…" with blank lines and an escaped break', { group: '"a \\\n\n    b"' }, { group: '"a \\\n\n        b"' }],
    ['a comment right after the closing quote', { group: "'note'# why" }, { group: "'note' # why" }],
    ['lone CR line breaks', { desc: 'EHR stack' }, { desc: 'EHR stack' }],
  ];
  for (const [what, written, yaml12] of cases) {
    it(`${what}: analysed, findings where they are in the YAML 1.2 form`, () => {
      let text = template(written);
      if (what === 'lone CR line breaks') text = text.replace(/\n/g, '\r');
      const expected = findings(template(yaml12));
      assert.ok(expected.length >= 3, expected.join('\n'));
      if (what === 'lone CR line breaks') {
        // Positions count CR as a line break too; the findings are the same.
        assert.deepStrictEqual(
          open(run('t.yaml', text))
            .map(f => f.rule)
            .sort(),
          expected.map(k => k.split(' ')[0]).sort(),
        );
        return;
      }
      assert.deepStrictEqual(findings(text), expected);
    });
  }

  it('a flow collection continued at or left of the key column: the finding is on the CIDR it names', () => {
    for (const flow of [
      '- { IpProtocol: tcp, FromPort: 22,\n        ToPort: 22, CidrIp: 0.0.0.0/0 }',
      '- { IpProtocol: tcp, FromPort: 22,\n  ToPort: 22, CidrIp: 0.0.0.0/0\n}',
      '- !If [Never,\n      { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 },\n' +
        '      !Ref AWS::NoValue]',
    ]) {
      const text = template({ flow });
      const f = open(run('t.yaml', text)).filter(x => x.rule === 'ec2-sg-open-admin-port');
      assert.strictEqual(f.length, 2, flow);
      assert.deepStrictEqual(
        f.map(x => textAt(text, x)),
        ['0.0.0.0/0', '0.0.0.0/0'],
      );
    }
  });

  it('the entry template of a quick start: a top-level description continued at column 0', () => {
    const text =
      "AWSTemplateFormatVersion: '2010-09-09'\nDescription: 'Deploys the baseline stacks for a regulated workload.\n" +
      "This template creates nested stacks. (qs-example)'\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
    const a = run('main.yaml', text);
    assert.ok(!a.findings.some(f => f.rule === 'syntax-error'));
    assert.ok(open(a).length > 0, 'the bucket is checked');
  });

  it('duplicate keys: the last value wins, as in CloudFormation, and the ignored one is reported', () => {
    const open22 = '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }\n';
    const closed = '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 10.0.0.0/8 }\n';
    const sg = (first: string, second: string) =>
      `Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: x\n` +
      `      SecurityGroupIngress:\n${first}      SecurityGroupIngress:\n${second}`;
    const a = run('d.yaml', sg(open22, closed));
    assert.deepStrictEqual(
      a.findings.filter(f => f.rule === 'syntax-error').map(f => [f.range.start.line, f.message]),
      [
        [
          5,
          'Duplicate key "SecurityGroupIngress": the one on line 8 is used and this one ignored ' +
            '(as CloudFormation does)',
        ],
      ],
    );
    assert.ok(!open(a).some(f => f.rule === 'ec2-sg-open-admin-port'), 'the ignored rule is not checked');
    const b = run('d.yaml', sg(closed, open22));
    assert.deepStrictEqual(
      open(b)
        .filter(f => f.rule === 'ec2-sg-open-admin-port')
        .map(f => f.range.start.line),
      [8],
    );
  });
});

describe('YAML errors name their cause', () => {
  const problem = (text: string) => {
    const r = parseYaml(text);
    assert.strictEqual(r.problems.length, 1, JSON.stringify(r.problems));
    assert.strictEqual(r.root, undefined);
    assert.deepStrictEqual(parseYamlIncremental(text), r);
    const [p] = r.problems;
    return { at: text.slice(p.start, p.end), offset: p.start, en: p.message.en, ja: p.message.ja };
  };
  const meta = (body: string) => `Resources:\n  B:\n    Type: AWS::S3::Bucket\n    Metadata:\n${body}`;

  it('a quote never closed, at its opening', () => {
    const text = meta("      A: 'open\n      B: value\n");
    assert.deepStrictEqual(problem(text), {
      at: "'",
      offset: text.indexOf("'"),
      en: "YAML syntax error: this ' quote is never closed",
      ja: "YAML 構文エラー: この引用符 ' が閉じられていません",
    });
    // A document marker ends a quoted scalar, as in PyYAML.
    assert.strictEqual(
      problem(meta("      A: 'open\n---\n      B: 'x'\n")).en,
      "YAML syntax error: this ' quote is never closed",
    );
  });

  it('a quote not closed on its line that a later quote closes', () => {
    const text = meta("      A: 'open\n      B: 'value'\n");
    const p = problem(text);
    assert.strictEqual(p.offset, text.indexOf("'"));
    assert.strictEqual(
      p.en,
      "YAML syntax error: this ' quote is not closed on its line and runs on to the ' on line 6",
    );
    assert.match(p.ja, /6 行目/);
  });

  it('an apostrophe inside single quotes', () => {
    const text = meta("      A: 'it's here'\n");
    const p = problem(text);
    assert.strictEqual(p.offset, text.indexOf("'s"));
    assert.strictEqual(
      p.en,
      "YAML syntax error: this ' ends the quoted text; write '' for an apostrophe inside single quotes",
    );
  });

  it('a bracket never closed, at its opening, although PyYAML reads on over the next lines', () => {
    for (const text of [
      meta('      Tags: [{ Key: a, Value: b }\n      Other: 1\n'),
      meta('      Tags: {Key: a\n      Other: 1\n'),
      meta('      Tags: [a,\n  b\n'),
    ]) {
      const p = problem(text);
      const open = text.includes('Tags: [') ? text.indexOf('[') : text.indexOf('{');
      assert.strictEqual(p.offset, open, text);
      assert.match(p.en, /^YAML syntax error: this [[{] is never closed \(add [\]}]\)$/);
    }
  });

  it('two entries of a flow collection without the comma between them', () => {
    const json = '{\n  "A": 1\n  "B": 2\n}\n';
    assert.deepStrictEqual(problem(json), {
      at: '1',
      offset: json.indexOf('1'),
      en: 'YAML syntax error: missing , after this value (the next line is another entry)',
      ja: 'YAML 構文エラー: この値の後に , がありません（次の行は別の要素です）',
    });
    const list = meta('      Tags: [a, b\n        c: d]\n');
    assert.strictEqual(problem(list).at, 'b');
  });

  it('errors of YAML itself keep the parser’s words, at the offending text', () => {
    assert.deepStrictEqual(problem(meta('      A: "\\d+"\n')).en, 'YAML syntax error: Invalid escape sequence \\d');
    assert.deepStrictEqual(
      problem('Resources:\n\tB: 1\n').en,
      'YAML syntax error: Tabs are not allowed as indentation',
    );
    assert.deepStrictEqual(problem(meta('      A: *nowhere\n')), {
      at: '*nowhere',
      offset: meta('      A: ').length,
      en: 'YAML syntax error: alias *nowhere has no anchor',
      ja: 'YAML 構文エラー: エイリアス *nowhere のアンカーがありません',
    });
    const junk = meta("      A: 'one\n      two' junk\n");
    assert.strictEqual(problem(junk).at, 'junk');
  });

  it('what CloudFormation rejects and the reader can still read is reported, and analysed', () => {
    const ctl = meta('      A: "a\u0001b"\n');
    const r = parseYaml(ctl);
    assert.ok(r.root);
    assert.deepStrictEqual(
      r.problems.map(p => [p.code, ctl.slice(p.start, p.end), p.message.en]),
      [['YAML_CHAR', '\u0001', 'YAML syntax error: character U+0001 is not allowed in YAML']],
    );
    const v2 = '%YAML 2.0\n---\n' + meta('      A: 1\n');
    assert.deepStrictEqual(
      parseYaml(v2).problems.map(p => [p.code, v2.slice(p.start, p.end)]),
      [['YAML_VERSION', '%YAML 2.0']],
    );
  });

  it('tabs as separators are read (YAML 1.2 and CloudFormation accept them); %YAML 1.1 keeps values as written', () => {
    assert.deepStrictEqual(parseYaml(meta('      A:\tvalue\t# note\n')).problems, []);
    const r = parseYaml('%YAML 1.1\n---\nAWSTemplateFormatVersion: 2010-09-09\nA: yes\n');
    assert.deepStrictEqual(r.problems, []);
    assert.ok(r.root?.kind === 'map');
    assert.deepStrictEqual(
      r.root.entries.map(e => (e.value.kind === 'scalar' ? e.value.value : undefined)),
      ['2010-09-09', 'yes'],
    );
  });
});
