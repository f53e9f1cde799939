/** The built CLI, run as a user runs it: exit codes, output formats, explain. */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, usesBundles } from '../../helpers';

const CLI = path.join(ROOT, 'dist/cli.js');
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI', () => {
  let dir: string;
  before(function () {
    usesBundles(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-cli-'));
    fs.mkdirSync(path.join(dir, 'infra'));
    fs.mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'infra/storage.yaml'),
      'Resources:\n  Images:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketEncryption: ' +
        '{ServerSideEncryptionConfiguration: [{ServerSideEncryptionByDefault: {SSEAlgorithm: AES256}}]}\n    ' +
        '  PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, ' +
        'IgnorePublicAcls: true, RestrictPublicBuckets: true}\n',
    );
    fs.writeFileSync(
      path.join(dir, 'infra/open.json'),
      JSON.stringify({ Resources: { Raw: { Type: 'AWS::S3::Bucket' } } }, null, 2),
    );
    fs.writeFileSync(path.join(dir, 'infra/app-config.yaml'), 'feature: on\n');
    fs.writeFileSync(path.join(dir, 'node_modules/pkg/t.yaml'), 'Resources:\n  X:\n    Type: AWS::S3::Bucket\n');
  });

  it('prints text findings with 1-based positions and exits 1 on errors', () => {
    const r = cli(['check', 'infra'], dir);
    assert.strictEqual(r.code, 1, r.err);
    assert.match(
      r.out,
      /^infra\/open\.json:3:5: warning s3-bucket-encryption: S3 bucket Raw is encrypted only with SSE-S3/m,
    );
    assert.match(r.out, /^infra\/storage\.yaml:5:109: warning s3-bucket-kms: /m);
    const warnings = r.out.split('\n').filter(l => / warning /.test(l)).length;
    assert.match(r.out, new RegExp(`2 files checked: 1 error, ${warnings} warnings`));
    assert.doesNotMatch(r.out, /node_modules/);
  });

  it('says which named files it skipped, and stays quiet about files found in folders', () => {
    const named = cli(['check', 'infra/app-config.yaml', 'infra/storage.yaml', '--format', 'json'], dir);
    assert.strictEqual(
      named.err,
      'iryo-guard: skipped infra/app-config.yaml: not a CloudFormation template, a risk file (*.risk.yaml) ' +
        'or CDK source\n',
    );
    assert.strictEqual(JSON.parse(named.out).files, 1, 'stdout stays valid JSON');
    assert.strictEqual(cli(['check', 'infra'], dir).err, '');
  });

  it('--disable with an unknown rule is a usage error with a did-you-mean', () => {
    const r = cli(['check', 'infra', '--disable', 's3-bucket-kmss'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /^iryo-guard: --disable: unknown rule "s3-bucket-kmss"; did you mean "s3-bucket-kms"/);
  });

  it('json output has the documented shape with 0-based ranges', () => {
    const r = cli(['check', 'infra/storage.yaml', '--format', 'json'], dir);
    const j = JSON.parse(r.out);
    assert.strictEqual(j.version, 1);
    assert.strictEqual(j.files, 1);
    assert.deepStrictEqual(Object.keys(j.findings[0]).sort(), [
      'file',
      'guidelines',
      'message',
      'range',
      'resource',
      'rule',
      'scenarios',
      'severity',
    ]);
    // Findings come in reading order: the bucket's logical ID (line 1) before its SSE-S3 value (line 4).
    assert.deepStrictEqual(j.findings[0].range.start, { line: 1, character: 2 });
    const kms = j.findings.find((f: { rule: string }) => f.rule === 's3-bucket-kms');
    assert.deepStrictEqual(kms.range.start, { line: 4, character: 108 });
    assert.strictEqual(kms.resource, 'Images');
    // Guideline items carry their edition and the label a reader sees; MHLW 6.0 first, 5.2 kept after it.
    assert.deepStrictEqual(kms.guidelines, [
      { edition: 'mhlw-6.0', id: 'システム運用編 7 ③', label: 'MHLW 6.0 Sys 7③' },
      { edition: 'mhlw-6.0', id: '企画管理編 15 ③', label: 'MHLW 6.0 Mgmt 15③' },
      { edition: 'mhlw-5.2', id: '6.5', label: 'MHLW 5.2 6.5' },
    ]);
    assert.strictEqual(r.code, 0, 'a warning alone does not fail with --fail-on error');
  });

  it('--fail-on decides the exit code', () => {
    assert.strictEqual(cli(['check', 'infra/storage.yaml', '--fail-on', 'warning'], dir).code, 1);
    assert.strictEqual(cli(['check', 'infra', '--fail-on', 'never'], dir).code, 0);
  });

  it('sarif output is SARIF 2.1.0 with rules, help and 1-based regions', () => {
    const s = JSON.parse(cli(['check', 'infra', '--format', 'sarif'], dir).out);
    assert.strictEqual(s.version, '2.1.0');
    const run = s.runs[0];
    assert.strictEqual(run.tool.driver.name, 'iryo-guard');
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 's3-bucket-encryption');
    assert.ok(rule.help.text.length > 20 && rule.shortDescription.text);
    const res = run.results.find((r: { ruleId: string }) => r.ruleId === 's3-bucket-encryption');
    assert.strictEqual(run.tool.driver.rules[res.ruleIndex].id, 's3-bucket-encryption');
    assert.deepStrictEqual(res.locations[0].physicalLocation.region, {
      startLine: 3,
      startColumn: 5,
      endLine: 3,
      endColumn: 10,
    });
    assert.strictEqual(res.locations[0].physicalLocation.artifactLocation.uri, 'infra/open.json');
    // References with their edition: in the rule's properties and help, and on each result.
    const six = { edition: 'mhlw-6.0', id: '企画管理編 15 ③', label: 'MHLW 6.0 Mgmt 15③' };
    assert.deepStrictEqual(rule.properties.guidelines[0], six);
    assert.deepStrictEqual(rule.properties.scenarios, ['3.1①', '1.8', '2.2']);
    assert.match(rule.help.text, /Guidelines: MHLW 6\.0 Mgmt 15③, Sys 7③; MHLW 5\.2 6\.5, 6\.4, 6\.7/);
    assert.match(rule.help.text, /supports checking conformity with the guidelines; it does not certify conformity/);
    assert.deepStrictEqual(res.properties.guidelines[0], six);
    // SARIF plain-text messages escape [ and ] (they would start an embedded link); viewers show them as written.
    assert.match(res.message.text, / \\\[3\.1①, 1\.8, 2\.2; MHLW 6\.0 Mgmt 15③, Sys 7③\\\]$/);
  });

  it("text output names the lead edition's items; --guideline mhlw-5.2 puts 5.2 first", () => {
    const line = (args: string[]) =>
      cli(['check', 'infra/open.json', ...args], dir)
        .out.split('\n')
        .find(l => / s3-bucket-encryption: /.test(l))!;
    assert.match(line([]), / \[3\.1①, 1\.8, 2\.2; MHLW 6\.0 Mgmt 15③, Sys 7③\]$/);
    assert.match(line(['--lang', 'ja']), / \[3\.1①, 1\.8, 2\.2; 医療GL 6\.0 企15③、シス7③\]$/);
    assert.match(line(['--guideline', 'mhlw-5.2']), / \[3\.1①, 1\.8, 2\.2; MHLW 5\.2 6\.5, 6\.4, 6\.7\]$/);
    const j = JSON.parse(cli(['check', 'infra/open.json', '--format', 'json', '--guideline', 'mhlw-5.2'], dir).out);
    const enc = j.findings.find((f: { rule: string }) => f.rule === 's3-bucket-encryption');
    assert.deepStrictEqual(
      enc.guidelines.map((g: { edition: string }) => g.edition),
      ['mhlw-5.2', 'mhlw-5.2', 'mhlw-5.2', 'mhlw-6.0', 'mhlw-6.0'],
    );
    const bad = cli(['check', 'infra', '--guideline', 'mhlw-6'], dir);
    assert.strictEqual(bad.code, 2);
    assert.match(
      bad.err,
      /^iryo-guard: --guideline must be one of .*mhlw-6\.0.* \(got "mhlw-6"\); did you mean "mhlw-6\.0"/,
    );
  });

  it('--audit-retention-days sets the audit-log retention; a bad value is a usage error', () => {
    fs.writeFileSync(
      path.join(dir, 'logs.yaml'),
      'Resources:\n  AuditLogs:\n    Type: AWS::Logs::LogGroup\n    Properties:\n      RetentionInDays: 1827\n',
    );
    assert.doesNotMatch(cli(['check', 'logs.yaml'], dir).out, /logs-audit-retention/);
    assert.match(
      cli(['check', 'logs.yaml', '--audit-retention-days', '3653'], dir).out,
      /logs-audit-retention: .*less than the audit-log retention of 3653 days/,
    );
    for (const v of ['0', 'five', '12.5']) {
      const r = cli(['check', 'logs.yaml', '--audit-retention-days', v], dir);
      assert.strictEqual(r.code, 2, v);
      assert.match(r.err, /--audit-retention-days must be a whole number of days, 1 or more/);
    }
  });

  it('github output prints workflow commands', () => {
    const out = cli(['check', 'infra/open.json', '--format', 'github'], dir).out;
    assert.match(
      out,
      /^::warning file=infra\/open\.json,line=3,col=5,endLine=3,endColumn=10,title=iryo-guard s3-bucket-encryption::S3 bucket Raw is encrypted only with SSE-S3/m,
    );
  });

  it('junit output lists a failure per finding', () => {
    const out = cli(['check', 'infra/open.json', '--format', 'junit'], dir).out;
    const n = JSON.parse(cli(['check', 'infra/open.json', '--format', 'json'], dir).out).findings.length;
    assert.ok(n >= 2);
    assert.match(out, new RegExp(`<testsuite name="infra/open\\.json" tests="${n}" failures="${n}">`));
    assert.strictEqual(out.split('<testcase ').length - 1, n);
  });

  it('exits 2 with a one-line reason for usage errors and unreadable input', () => {
    const missing = cli(['check', 'nope.yaml'], dir);
    assert.strictEqual(missing.code, 2);
    assert.match(missing.err.split('\n')[0], /^iryo-guard: cannot read nope\.yaml/);
    const badFormat = cli(['check', 'infra', '--format', 'xml'], dir);
    assert.strictEqual(badFormat.code, 2);
    assert.match(badFormat.err, /--format must be one of text, json, sarif, github, junit/);
    assert.strictEqual(cli(['frobnicate'], dir).code, 2);
  });

  it('explain prints one catalog entry; aliases resolve to the same entry', () => {
    const a = cli(['explain', '3.4②', '--format', 'json'], dir);
    const b = cli(['explain', '3.4-2', '--format', 'json'], dir);
    assert.strictEqual(a.code, 0);
    assert.strictEqual(a.out, b.out);
    const j = JSON.parse(a.out);
    assert.strictEqual(j.id, '3.4②');
    assert.strictEqual(j.kind, 'scenario');
    assert.ok(j.title.ja && j.title.en);
  });

  it('explain resolves the 6.0 short forms auditors write to one 遵守事項, with its edition', () => {
    const forms = ['シス14②', 'シス14-2', 'Sys14(2)', 'Sys 14②', 'システム運用編 14 ②', 'シス14章第②条'];
    const outs = forms.map(f => cli(['explain', f, '--format', 'json'], dir));
    for (const [i, r] of outs.entries()) assert.strictEqual(r.code, 0, `${forms[i]}: ${r.err}`);
    const j = JSON.parse(outs[0].out);
    assert.strictEqual(j.id, 'システム運用編 14 ②');
    assert.strictEqual(j.edition, 'mhlw-6.0');
    assert.deepStrictEqual(j.label, { ja: '医療GL 6.0 シス14②', en: 'MHLW 6.0 Sys 14②' });
    for (const r of outs) assert.strictEqual(r.out, outs[0].out);
    const text = cli(['explain', 'シス14-2', '--lang', 'ja'], dir).out;
    assert.match(text, /^\*\*システム運用編 14 ②\*\* — ガイドライン項目 \(医療GL 6\.0 シス14②\)/);
    assert.match(text, /- 種別: 遵守事項\n/);
    assert.match(
      text,
      /iryo-guard はガイドラインへの適合の確認を支援するもので、適合を認証・保証するものではありません。/,
    );
  });

  it('explain on a 5.2 item shows its 6.0 counterparts and on what basis', () => {
    const text = cli(['explain', '6.11'], dir).out;
    assert.match(text, /- Kind: chapter or section \(the heading its C and D items sit under\)/);
    assert.match(text, /- In edition 6\.0 \(MHLW 6\.0\):\n {2}- MHLW 6\.0 Sys 13 /);
    assert.match(text, /- not verified: Our reading, by the topics/);
  });

  it('explain exits 2 with a suggestion for an unknown ID', () => {
    const r = cli(['explain', '9.9'], dir);
    assert.strictEqual(r.code, 2);
    assert.match(r.err, /unknown ID "9\.9"; did you mean .*"3\.9"/);
  });

  it('--show-suppressed lists suppressed findings with their reason', () => {
    fs.writeFileSync(
      path.join(dir, 'sup.yaml'),
      'Resources:\n  # iryo-guard-ignore s3-bucket-encryption: public open data\n  Pub:\n    Type: ' +
        'AWS::S3::Bucket\n    Properties:\n      PublicAccessBlockConfiguration: {BlockPublicAcls: true, ' +
        'BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true}\n',
    );
    assert.doesNotMatch(cli(['check', 'sup.yaml'], dir).out, /s3-bucket-encryption/);
    assert.match(
      cli(['check', 'sup.yaml', '--show-suppressed'], dir).out,
      /s3-bucket-encryption: .*\(suppressed: public open data\)/,
    );
  });
});
