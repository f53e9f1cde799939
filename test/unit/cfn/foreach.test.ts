/** Fn::ForEach loops (AWS::LanguageExtensions): the resource template inside a loop is checked like any resource. */
import * as assert from 'assert';
import { fixesOf, open, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const LOOP =
  `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Names: { Type: CommaDelimitedList, Default: "scans,letters" }
Resources:
  Fn::ForEach::Archives:
    - Name
    - !Ref Names
    - \${Name}Archive:
        Type: AWS::S3::Bucket
        Properties:
          BucketName: !Sub "ehr-\${Name}"
          PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, ` +
  `IgnorePublicAcls: true, RestrictPublicBuckets: true }
      \${Name}ArchivePolicy:
        Type: AWS::S3::BucketPolicy
        Properties:
          Bucket: !Ref \${Name}Archive
          PolicyDocument:
            Statement:
              - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", ` +
  `Condition: { Bool: { aws:SecureTransport: "false" } } }
`;

describe('CloudFormation: Fn::ForEach loops', () => {
  const a = run('loop.yaml', LOOP);
  const findings = open(a);

  it('reports on the templated logical ID inside the loop', () => {
    const enc = findings.find(f => f.rule === 's3-bucket-encryption');
    assert.ok(enc, findings.map(f => f.rule).join(', '));
    assert.strictEqual(enc!.resource, '${Name}Archive');
    assert.deepStrictEqual(enc!.range, { start: { line: 8, character: 6 }, end: { line: 8, character: 20 } });
    assert.match(enc!.message, /S3 bucket \$\{Name\}Archive is encrypted only with SSE-S3/);
  });

  it('links resources inside the loop to each other (the TLS-only policy counts)', () => {
    assert.ok(!findings.some(f => f.rule === 's3-bucket-tls-only'), findings.map(f => f.rule).join(', '));
    assert.ok(!findings.some(f => f.rule === 's3-public-access-block'));
  });

  it('offers fixes that edit the loop body, never ones that add a resource outside the loop', () => {
    const enc = findings.find(f => f.rule === 's3-bucket-encryption')!;
    const fixed = applySafeFix(a, enc);
    const after = run('loop.yaml', fixed);
    assert.ok(after.findings.every(f => f.rule !== 'syntax-error'));
    assert.ok(!open(after).some(f => f.rule === 's3-bucket-encryption'), 'the fix resolves it');
    assert.match(fixed, /\n {10}BucketEncryption:\n/, 'written inside the loop body, at its indentation');
    const logging = findings.find(f => f.rule === 's3-access-logging');
    assert.ok(logging, 'access logging is reported');
    assert.deepStrictEqual(fixesOf(a, logging!), [], 'its fix would add a log bucket outside the loop');
  });

  it('a loop that is not [identifier, collection, body] is skipped without a finding or an error', () => {
    const b = run('bad-loop.yaml', 'Resources:\n  Fn::ForEach::X: [Name]\n  Q:\n    Type: AWS::SQS::Queue\n');
    assert.deepStrictEqual(
      b.findings.filter(f => f.rule === 'engine-error' || f.rule === 'syntax-error'),
      [],
    );
  });
});
