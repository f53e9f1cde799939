import * as assert from 'assert';
import { Checked, open as openFindings, run } from '../../helpers';

/** Only the rule under test and the suppression rule: other rules may fire on these small templates. */
const open = (a: Checked) =>
  openFindings(a).filter(f => f.rule === 's3-bucket-encryption' || f.rule === 'suppression-without-reason');

const BUCKET = (extra = '', comment = '') =>
  `Resources:\n${comment}  Logs:\n    Type: AWS::S3::Bucket\n${extra}    Properties:\n` +
  `      PublicAccessBlockConfiguration: {BlockPublicAcls: true, BlockPublicPolicy: true, ` +
  `IgnorePublicAcls: true, RestrictPublicBuckets: true}\n`;

describe('suppressions', () => {
  it('resource Metadata with a reason suppresses and keeps the reason', () => {
    const a = run(
      's.yaml',
      BUCKET(
        '    Metadata:\n      iryo-guard:\n        suppress:\n          - rule: s3-bucket-encryption\n       ' +
          '     reason: public open-data mirror, no patient data\n',
      ),
    );
    assert.deepStrictEqual(
      open(a).map(f => f.rule),
      [],
    );
    assert.strictEqual(
      a.findings.find(f => f.rule === 's3-bucket-encryption')?.suppressed?.reason,
      'public open-data mirror, no patient data',
    );
  });

  it('a suppression without a reason does not suppress and is itself reported', () => {
    const a = run(
      's.yaml',
      BUCKET('    Metadata:\n      iryo-guard:\n        suppress:\n          - rule: s3-bucket-encryption\n'),
    );
    assert.deepStrictEqual(
      open(a)
        .map(f => f.rule)
        .sort(),
      ['s3-bucket-encryption', 'suppression-without-reason'],
    );
    assert.strictEqual(open(a).find(f => f.rule === 'suppression-without-reason')!.range.start.line, 6);
  });

  it('template-level Metadata suppresses for every resource', () => {
    const a = run(
      's.yaml',
      'Metadata:\n  iryo-guard:\n    suppress: [{rule: s3-bucket-encryption, reason: "dev sandbox account"}]\n' +
        BUCKET(),
    );
    assert.deepStrictEqual(
      open(a).map(f => f.rule),
      [],
    );
  });

  it('an ignore comment above the resource suppresses; without a reason it is reported', () => {
    assert.deepStrictEqual(
      open(run('s.yaml', BUCKET('', '  # iryo-guard-ignore s3-bucket-encryption: static website assets\n'))).map(
        f => f.rule,
      ),
      [],
    );
    const bare = open(run('s.yaml', BUCKET('', '  # iryo-guard-ignore s3-bucket-encryption\n')));
    assert.deepStrictEqual(bare.map(f => f.rule).sort(), ['s3-bucket-encryption', 'suppression-without-reason']);
  });
});
