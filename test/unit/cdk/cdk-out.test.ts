/** `iryo-guard check cdk.out/`: synthesized templates checked, findings mapped to construct paths and source lines. */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, usesBundles } from '../../helpers';

const STACK_SOURCE =
  `import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

export class RecordsStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    new s3.Bucket(this, 'Charts', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true, versioned: true, serverAccessLogsBucket: s3.Bucket.fromBucketName(this, ` +
  `'Logs', 'central-access-logs'),
    });
  }
}
`;

const TEMPLATE = {
  Resources: {
    Charts3A1B2C3D: {
      Type: 'AWS::S3::Bucket',
      Properties: {
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: true,
          BlockPublicPolicy: true,
          IgnorePublicAcls: true,
          RestrictPublicBuckets: true,
        },
        VersioningConfiguration: { Status: 'Enabled' },
        LoggingConfiguration: { DestinationBucketName: 'central-access-logs' },
      },
      UpdateReplacePolicy: 'Retain',
      DeletionPolicy: 'Retain',
      Metadata: { 'aws:cdk:path': 'RecordsStack/Charts/Resource' },
    },
    ChartsPolicy1A2B3C4D: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: { Ref: 'Charts3A1B2C3D' },
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Action: 's3:*',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
              Effect: 'Deny',
              Principal: { AWS: '*' },
              Resource: [
                { 'Fn::GetAtt': ['Charts3A1B2C3D', 'Arn'] },
                { 'Fn::Join': ['', [{ 'Fn::GetAtt': ['Charts3A1B2C3D', 'Arn'] }, '/*']] },
              ],
            },
          ],
        },
      },
      Metadata: { 'aws:cdk:path': 'RecordsStack/Charts/Policy/Resource' },
    },
  },
};

describe('CLI on a cloud assembly (cdk.out)', () => {
  let dir: string;
  before(function () {
    usesBundles(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-cdk-out-'));
    fs.mkdirSync(path.join(dir, 'lib'));
    fs.mkdirSync(path.join(dir, 'cdk.out'));
    fs.writeFileSync(path.join(dir, 'lib/records-stack.ts'), STACK_SOURCE);
    fs.writeFileSync(path.join(dir, 'cdk.out/manifest.json'), JSON.stringify({ version: '48.0.0', artifacts: {} }));
    fs.writeFileSync(path.join(dir, 'cdk.out/RecordsStack.template.json'), JSON.stringify(TEMPLATE, null, 1));
    fs.writeFileSync(
      path.join(dir, 'cdk.out/RecordsStack.assets.json'),
      JSON.stringify({ version: '48.0.0', files: {} }),
    );
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const check = (...args: string[]) => {
    try {
      return execFileSync(
        process.execPath,
        [path.join(ROOT, 'dist/cli.js'), 'check', ...args, '--lang', 'en', '--fail-on', 'never'],
        { encoding: 'utf8', cwd: dir },
      );
    } catch (e) {
      return (e as { stdout: string }).stdout;
    }
  };

  it('names the construct path and links the source line', () => {
    const out = JSON.parse(check('cdk.out', '--format', 'json')) as {
      findings: {
        rule: string;
        file: string;
        message: string;
        related?: { uri: string; range: { start: { line: number } } }[];
      }[];
    };
    assert.deepStrictEqual(
      out.findings.map(f => f.rule),
      ['s3-bucket-kms'],
    );
    const f = out.findings[0];
    assert.strictEqual(f.file, 'cdk.out/RecordsStack.template.json');
    assert.match(f.message, /\(construct RecordsStack\/Charts\/Resource\)$/);
    assert.strictEqual(f.related?.length, 1);
    assert.ok(f.related![0].uri.endsWith('/lib/records-stack.ts'));
    assert.strictEqual(f.related![0].range.start.line, 6);
  });

  it('text output shows the source line under the finding', () => {
    const out = check('cdk.out');
    assert.match(
      out,
      /cdk\.out\/RecordsStack\.template\.json:\d+:\d+: warning s3-bucket-kms: .*\(construct RecordsStack\/Charts\/Resource\)/,
    );
    assert.match(out, /\n {2}CDK source: where Charts is defined: lib\/records-stack\.ts:7:5/);
  });

  it('checking the project folder analyses the source and skips cdk.out', () => {
    const out = JSON.parse(check('.', '--format', 'json')) as {
      findings: { rule: string; file: string; range: { start: { line: number } } }[];
    };
    assert.deepStrictEqual(out.findings.map(f => [f.rule, f.file, f.range.start.line]).sort(), [
      ['s3-bucket-kms', 'lib/records-stack.ts', 7],
      ['s3-public-access-block', 'lib/records-stack.ts', 6],
    ]);
  });
});
