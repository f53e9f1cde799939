import * as assert from 'assert';
import { fixesOf, open, rulesOf, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const TABLE = (replicas: string, meta = '') => `${meta}Resources:
  Patients:
    Type: AWS::DynamoDB::GlobalTable
    Properties:
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      BillingMode: PAY_PER_REQUEST
      Replicas:
${replicas}`;

describe('data location rules', () => {
  it('a replica outside Japan is an error on patient data, and the fix moves it to Osaka', () => {
    const a = run('t.yaml', TABLE('        - Region: ap-northeast-1\n        - Region: eu-west-1\n'));
    const f = open(a).filter(x => x.rule === 'region-patient-data-outside-japan');
    assert.deepStrictEqual(
      f.map(x => [x.message, x.severity, x.range.start.line + 1]),
      [['Patients names a region outside Japan: eu-west-1', 'error', 10]],
    );
    const fixed = applySafeFix(a, f[0]);
    assert.ok(fixed.includes('        - Region: ap-northeast-3\n'));
    assert.ok(!rulesOf(run('t.yaml', fixed)).some(r => r.startsWith('region-')));
  });

  it('no Osaka fix when Osaka already holds a replica', () => {
    const a = run('t.yaml', TABLE('        - Region: ap-northeast-3\n        - Region: us-east-1\n'));
    const f = open(a).find(x => x.rule === 'region-patient-data-outside-japan')!;
    assert.deepStrictEqual(fixesOf(a, f), []);
  });

  it('${AWS::Region} and unknown values are never reported; a parameter allowing a foreign region is', () => {
    assert.ok(
      !rulesOf(
        run('t.yaml', TABLE('        - Region: !Ref AWS::Region\n        - Region: !ImportValue dr-region\n')),
      ).some(r => r.startsWith('region-')),
    );
    const text = TABLE(
      '        - Region: !Ref DrRegion\n',
      'Parameters:\n  DrRegion:\n    Type: String\n    AllowedValues: [ap-northeast-3, us-west-2]\n',
    );
    const f = open(run('t.yaml', text)).filter(x => x.rule === 'region-patient-data-outside-japan');
    assert.deepStrictEqual(
      f.map(x => x.message),
      ['Patients names a region outside Japan: us-west-2 (when parameter DrRegion = "us-west-2")'],
    );
  });

  it('Metadata dataClassification: non-personal skips the template or a single resource', () => {
    const replicas = '        - Region: us-west-2\n';
    assert.ok(
      !rulesOf(run('t.yaml', TABLE(replicas, 'Metadata:\n  iryo-guard:\n    dataClassification: non-personal\n'))).some(
        r => r.startsWith('region-'),
      ),
    );
    const perResource = TABLE(replicas).replace(
      '    Type: AWS::DynamoDB::GlobalTable\n',
      '    Type: AWS::DynamoDB::GlobalTable\n    Metadata:\n      iryo-guard: { dataClassification: non-personal }\n',
    );
    assert.ok(!rulesOf(run('t.yaml', perResource)).some(r => r.startsWith('region-')));
  });

  it('a foreign region written inside !Sub is still a literal and is reported as a warning elsewhere', () => {
    const text = `Resources:
  Alerts:
    Type: AWS::SNS::Subscription
    Properties:
      Protocol: sqs
      TopicArn: !Sub "arn:aws:sns:us-east-1:\${AWS::AccountId}:ehr-alerts"
      Endpoint: !Sub "arn:aws:sqs:\${AWS::Region}:\${AWS::AccountId}:inbox"
`;
    const f = open(run('s.yaml', text)).filter(x => x.rule.startsWith('region-'));
    assert.deepStrictEqual(
      f.map(x => [x.rule, x.severity, x.range.start.line + 1]),
      [['region-outside-japan', 'warning', 6]],
    );
  });

  it('RDS read replica sourced from abroad is an error, in JSON too', () => {
    const text = JSON.stringify(
      {
        Resources: {
          Replica: {
            Type: 'AWS::RDS::DBInstance',
            Properties: {
              SourceDBInstanceIdentifier: 'arn:aws:rds:us-east-1:123456789012:db:ehr',
              SourceRegion: 'us-east-1',
              DBInstanceClass: 'db.m6g.large',
            },
          },
        },
      },
      null,
      2,
    );
    const f = open(run('r.json', text)).filter(x => x.rule === 'region-patient-data-outside-japan');
    assert.deepStrictEqual(
      f.map(x => x.range.start.line + 1),
      [6, 7],
    );
  });
});
