import * as assert from 'assert';
import { templateOf } from '../../../server/src/engine';
import { fixesOf, open, rulesOf, run, applyFix } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const ACCOUNT_RULES = [
  'cloudtrail-trail-present',
  'config-recorder-present',
  'guardduty-detector-present',
  'securityhub-hub-present',
];

const APP = `Resources:
  PatientRecords:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
`;

const BASELINE = `Resources:
  ThreatDetector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: true
`;

describe('detection rules (account level)', () => {
  it('do not fire on a small application template by default', () => {
    const found = rulesOf(run('app.yaml', APP));
    for (const id of ACCOUNT_RULES) assert.ok(!found.includes(id), `${id} fired on an app template`);
  });

  it('fire on the same template when accountLevelRules is "always"', () => {
    const found = rulesOf(run('app.yaml', APP, { accountLevelRules: 'always' }));
    for (const id of ACCOUNT_RULES) assert.ok(found.includes(id), `${id} missing: ${found}`);
  });

  it('never fire when accountLevelRules is "never", even on a baseline', () => {
    const found = rulesOf(run('baseline.yaml', BASELINE, { accountLevelRules: 'never' }));
    for (const id of ACCOUNT_RULES) assert.ok(!found.includes(id));
  });

  it('fire on a baseline template, pointing at the Resources key', () => {
    const a = run('baseline.yaml', BASELINE);
    const hub = open(a).find(f => f.rule === 'securityhub-hub-present');
    assert.ok(hub);
    assert.deepStrictEqual(
      [hub.range.start.line, hub.range.start.character, hub.range.end.character],
      [0, 0, 'Resources'.length],
    );
    assert.ok(!rulesOf(a).includes('guardduty-detector-present'), 'the detector is present');
  });

  it('a template marked accountBaseline: true in Metadata is a baseline', () => {
    const text = `Metadata:\n  iryo-guard:\n    accountBaseline: true\n${APP}`;
    assert.ok(rulesOf(run('marked.yaml', text)).includes('guardduty-detector-present'));
  });

  it('the GuardDuty fix inserts an enabled detector that parses and satisfies both GuardDuty rules', () => {
    const a = run('baseline.yaml', APP, { accountLevelRules: 'always' });
    const f = open(a).find(x => x.rule === 'guardduty-detector-present')!;
    const fixed = applySafeFix(a, f);
    assert.match(
      fixed,
      / {2}GuardDutyDetector:\n {4}Type: AWS::GuardDuty::Detector\n {4}Properties:\n {6}Enable: true\n/,
    );
    const b = run('baseline.yaml', fixed, { accountLevelRules: 'always' });
    assert.ok(!rulesOf(b).some(r => r.startsWith('guardduty-')));
  });

  it('the Config fix adds a recorder, a delivery channel and an archive bucket in one edit', () => {
    const a = run('baseline.yaml', BASELINE);
    const f = open(a).find(x => x.rule === 'config-recorder-present')!;
    const fixed = applySafeFix(a, f);
    const b = run('baseline.yaml', fixed);
    assert.ok(!rulesOf(b).some(r => r.startsWith('config-')), rulesOf(b).join());
    assert.deepStrictEqual(
      templateOf(b)!.resources.map(r => r.logicalId),
      ['ThreatDetector', 'ConfigRecorder', 'ConfigDeliveryChannel', 'AuditLogBucket', 'AuditLogBucketPolicy'],
    );
  });

  it('a disabled detector behind !If reports the failing branch only', () => {
    const text = `Conditions:
  IsProd: !Equals [!Ref AWS::AccountId, "111122223333"]
Resources:
  ThreatDetector:
    Type: AWS::GuardDuty::Detector
    Properties:
      Enable: !If [IsProd, true, false]
`;
    const a = run('gd.yaml', text);
    const found = open(a).filter(f => f.rule === 'guardduty-detector-enabled');
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /condition IsProd is false/);
    assert.deepStrictEqual(
      fixesOf(a, found[0]).map(f => f.title),
      ['Set Enable to true'],
    );
    assert.match(applyFix(a, found[0]), /Enable: !If \[IsProd, true, true\]/, 'the condition stays');
  });

  it('a RecordingGroup limited to listed types is reported; no RecordingGroup records everything', () => {
    const text = (group: string) => `Resources:
  Recorder:
    Type: AWS::Config::ConfigurationRecorder
    Properties:
      RoleARN: !ImportValue config-role
${group}  Channel:
    Type: AWS::Config::DeliveryChannel
    Properties:
      S3BucketName: org-config
`;
    assert.ok(
      rulesOf(run('c.yaml', text('      RecordingGroup:\n        ResourceTypes: [AWS::S3::Bucket]\n'))).includes(
        'config-record-all-supported',
      ),
    );
    assert.ok(!rulesOf(run('c.yaml', text(''))).includes('config-record-all-supported'));
  });
});
