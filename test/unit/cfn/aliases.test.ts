/** YAML anchors, aliases and merge keys: values reached through them are checked, and fixes never edit shared text. */
import * as assert from 'assert';
import { fixesOf, onlyRules, open, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const SECURE =
  `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Images:
    Type: AWS::S3::Bucket
    Properties: &secure
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" }
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, ` +
  `IgnorePublicAcls: true, RestrictPublicBuckets: true }
      VersioningConfiguration: { Status: Enabled }
  Letters:
    Type: AWS::S3::Bucket
    Properties:
      <<: *secure
      VersioningConfiguration: { Status: Suspended }
  Scans:
    Type: AWS::S3::Bucket
    Properties: *secure
`;
const RULES = onlyRules('s3-bucket-encryption', 's3-public-access-block', 's3-bucket-versioning', 's3-bucket-kms');

describe('CloudFormation: YAML aliases and merge keys', () => {
  const a = run('aliases.yaml', SECURE, RULES);

  it('a merge key brings the anchored properties in; a key written beside it wins', () => {
    assert.deepStrictEqual(
      open(a).map(f => `${f.rule}@${f.resource}:${f.range.start.line}`),
      ['s3-bucket-versioning@Letters:14'],
    );
  });

  it('a fix on a value written beside the merge key edits only that value, and the result is clean', () => {
    const fixed = applySafeFix(a, open(a)[0]);
    assert.match(fixed, /<<: \*secure\n {6}VersioningConfiguration: \{ Status: Enabled \}\n/);
    assert.deepStrictEqual(open(run('aliases.yaml', fixed, RULES)), []);
  });

  it('no fix writes into text an alias shares', () => {
    const bare = SECURE.replace(/ {6}BucketEncryption:\n.*\n.*\n/, '');
    const b = run('aliases.yaml', bare, RULES);
    const byResource = (id: string) => open(b).filter(f => f.rule === 's3-bucket-encryption' && f.resource === id);
    assert.ok(fixesOf(b, byResource('Images')[0]).length, 'the anchor owner gets its fix');
    assert.deepStrictEqual(fixesOf(b, byResource('Scans')[0]), [], "`Properties: *secure` is the anchor's text");
    const letters = byResource('Letters')[0];
    const fixed = applySafeFix(b, letters);
    assert.match(
      fixed,
      /VersioningConfiguration: \{ Status: Suspended \}\n {6}BucketEncryption:\n/,
      'inserted after the entry written beside the merge key',
    );
    assert.ok(
      !open(run('aliases.yaml', fixed, RULES)).some(
        f => f.rule === 'syntax-error' || (f.rule === 's3-bucket-encryption' && f.resource === 'Letters'),
      ),
    );
  });
});
