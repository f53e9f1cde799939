/**
 * Data classification: rules whose reason is patient (or personal) data stay silent where the template or the
 * resource declares less sensitive data; everything else still applies, and unmarked resources count as patient data.
 */
import * as assert from 'assert';
import { open, run } from '../../helpers';

const rulesOn = (text: string, resource: string) =>
  open(run('data.yaml', text))
    .filter(f => f.resource === resource)
    .map(f => f.rule)
    .sort();

const bucket = (metadata: string[] = []) => [
  '  Site:',
  '    Type: AWS::S3::Bucket',
  ...metadata,
  '    Properties:',
  '      BucketEncryption:',
  '        ServerSideEncryptionConfiguration:',
  '          - ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 }',
];
const database = [
  '  Db:',
  '    Type: AWS::RDS::DBInstance',
  '    Properties: { Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: "20" }',
];

describe('data classification (Metadata iryo-guard.data)', () => {
  it('a bucket marked data: none gets no KMS finding, and keeps the others', () => {
    const text = ['Resources:', ...bucket(['    Metadata:', '      iryo-guard: { data: none }']), ''].join('\n');
    const rules = rulesOn(text, 'Site');
    assert.ok(!rules.includes('s3-bucket-kms'), rules.join(', '));
    assert.ok(rules.includes('s3-public-access-block'), rules.join(', '));
  });

  it('unmarked, the same bucket is treated as holding patient data', () => {
    assert.ok(rulesOn(['Resources:', ...bucket(), ''].join('\n'), 'Site').includes('s3-bucket-kms'));
  });

  it('a template marked personal silences patient-data rules but not the rules about personal data', () => {
    const text = ['Metadata:', '  iryo-guard: { data: personal }', 'Resources:', ...bucket(), ...database, ''];
    assert.ok(!rulesOn(text.join('\n'), 'Site').includes('s3-bucket-kms'));
    assert.ok(rulesOn(text.join('\n'), 'Db').includes('rds-storage-encrypted'));
  });

  it("a resource's own mark wins over the template's", () => {
    const text = [
      'Metadata:',
      '  iryo-guard: { data: none }',
      'Resources:',
      ...bucket(['    Metadata:', '      iryo-guard: { data: patient }']),
      '',
    ];
    assert.ok(rulesOn(text.join('\n'), 'Site').includes('s3-bucket-kms'));
  });

  it('the older dataClassification: non-personal means none', () => {
    const text = ['Metadata:', '  iryo-guard: { dataClassification: non-personal }', 'Resources:', ...database, ''];
    assert.ok(!rulesOn(text.join('\n'), 'Db').includes('rds-storage-encrypted'));
  });
});
