/** The CloudFormation rules on CDK source: where findings point, suppressions, unknowns, and every S3 fix applied. */
import * as assert from 'assert';
import { fixesOf, open, run } from '../../helpers';
import { assertSafeFix } from '../../oracles/fix-safety';

const HEAD =
  `import * as cdk from 'aws-cdk-lib';\nimport * as s3 from 'aws-cdk-lib/aws-s3';\n\n` +
  `export class S extends cdk.Stack {\n  build() {\n`;
const TAIL = `  }\n}\n`;
const stack = (body: string) => HEAD + body + TAIL;
/** Everything else a patient-data bucket needs under the full rule set (the access-log bucket comes from elsewhere). */
const REST = `enforceSSL: true, versioned: true, serverAccessLogsBucket: this.props.accessLogs`;
const only = (rule: string) => (f: { rule: string }) => f.rule === rule;
const line = (text: string, needle: string) => text.split('\n').findIndex(l => l.includes(needle));

/** The first fix of every open finding of `rule`, through the fix-safety oracle; each finding must have one. */
function checkFixes(name: string, text: string, rule: string): string[] {
  const a = run(name, text);
  const mine = open(a).filter(f => f.rule === rule);
  assert.ok(mine.length, `no ${rule} finding`);
  return mine.map(f => {
    assert.ok(fixesOf(a, f).length, `${rule} on ${f.resource} has no fix`);
    return assertSafeFix(a, f).text;
  });
}

describe('CDK: findings on source', () => {
  it('a default is reported at the new expression, with the catalog message and metadata', () => {
    const text = stack(`    new s3.Bucket(this, 'Records');\n`);
    const a = run('stack.ts', text);
    assert.strictEqual(a.kind, 'cdk');
    const kms = open(a).find(f => f.rule === 's3-bucket-kms')!;
    assert.strictEqual(kms.range.start.line, line(text, 'new s3.Bucket'));
    assert.strictEqual(kms.range.start.character, 4);
    assert.strictEqual(kms.resource, 'Records');
    assert.match(kms.message, /Records uses SSE-S3 \(AES256\)/);
    assert.deepStrictEqual(kms.scenarios, ['3.1①']);
    assert.deepStrictEqual(kms.guidelines[0], { edition: 'mhlw-6.0', id: 'システム運用編 7 ③' });
    assert.ok(open(a).some(f => f.rule === 's3-public-access-block'));
  });
  it('a written value is reported at the prop', () => {
    const text = stack(
      `    new s3.Bucket(this, 'Records', {\n      encryption: s3.BucketEncryption.S3_MANAGED,\n` +
        `      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,\n    });\n`,
    );
    const f = open(run('stack.ts', text)).filter(only('s3-bucket-kms'));
    assert.deepStrictEqual(
      f.map(x => [x.rule, x.range.start.line]),
      [['s3-bucket-kms', line(text, 'encryption:')]],
    );
  });
  it('UNENCRYPTED writes no encryption: s3-bucket-encryption', () => {
    const text = stack(
      `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.UNENCRYPTED, ` +
        `blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, ${REST} });\n`,
    );
    assert.deepStrictEqual(
      open(run('stack.ts', text)).map(f => f.rule),
      ['s3-bucket-encryption'],
    );
  });
  it('a compliant bucket has no findings', () => {
    const text = stack(
      `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS, blockPublicAccess: ` +
        `s3.BlockPublicAccess.BLOCK_ALL, ${REST} });\n`,
    );
    assert.deepStrictEqual(
      open(run('stack.ts', text)).map(f => f.rule),
      [],
    );
    assert.deepStrictEqual(
      run('stack.ts', text).findings.map(f => f.rule),
      [],
      'nothing suppressed either',
    );
  });
  it('unknown values never produce findings', () => {
    const text = stack(
      `    new s3.Bucket(this, 'Records', { encryption: pickEncryption(), blockPublicAccess: ` +
        `this.props.block, enforceSSL: this.props.tls, versioned: isProd, serverAccessLogsBucket: ` +
        `this.props.accessLogs });\n    new s3.Bucket(this, 'Other', this.props.bucket);\n` +
        `    new s3.Bucket(this, 'Spread', { ...this.props.bucket });\n`,
    );
    assert.deepStrictEqual(
      open(run('stack.ts', text)).map(f => f.rule),
      [],
    );
  });
  it('L1 CfnBucket goes through the CloudFormation rules directly, pointing at the value', () => {
    const text = stack(
      `    new s3.CfnBucket(this, 'Raw', {\n      bucketEncryption: { serverSideEncryptionConfiguration: ` +
        `[{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] },\n` +
        `      publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ` +
        `ignorePublicAcls: true, restrictPublicBuckets: false },\n    });\n`,
    );
    const f = open(run('stack.ts', text)).filter(
      x => x.rule === 's3-bucket-kms' || x.rule === 's3-public-access-block',
    );
    assert.deepStrictEqual(f.map(x => x.rule).sort(), ['s3-bucket-kms', 's3-public-access-block']);
    const kms = f.find(x => x.rule === 's3-bucket-kms')!;
    assert.strictEqual(
      text.split('\n')[kms.range.start.line].slice(kms.range.start.character, kms.range.end.character),
      "'AES256'",
    );
    const pab = f.find(x => x.rule === 's3-public-access-block')!;
    assert.strictEqual(
      text.split('\n')[pab.range.start.line].slice(pab.range.start.character, pab.range.end.character),
      'false',
    );
  });
  it('files that do not import the CDK, and .d.ts files, are not claimed', () => {
    assert.strictEqual(run('plain.ts', 'export const x = 1;\n').kind, 'none');
    assert.strictEqual(run('types.d.ts', "import * as s3 from 'aws-cdk-lib/aws-s3';\n").kind, 'none');
  });
  it('broken TypeScript still gets findings from the recovered tree, without crashing', () => {
    const a = run('stack.ts', stack(`    new s3.Bucket(this, 'Records'\n    const = ;\n`));
    assert.ok(open(a).some(f => f.rule === 's3-bucket-kms'));
  });
});

describe('CDK: suppressions', () => {
  it('// iryo-guard-ignore ID: reason on the line above the construct suppresses it', () => {
    const text = stack(
      `    // iryo-guard-ignore s3-bucket-kms: static assets, no patient data\n` +
        `    new s3.Bucket(this, 'Assets', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, ${REST} });\n`,
    );
    const a = run('stack.ts', text);
    assert.deepStrictEqual(
      open(a).map(f => f.rule),
      [],
    );
    assert.deepStrictEqual(
      a.findings.filter(f => f.suppressed).map(f => [f.rule, f.suppressed!.reason]),
      [['s3-bucket-kms', 'static assets, no patient data']],
    );
  });
  it('works above `const x = new …` too', () => {
    const text = stack(
      `    // iryo-guard-ignore s3-bucket-kms: static assets\n` +
        `    const assets = new s3.Bucket(this, 'Assets', { blockPublicAccess: ` +
        `s3.BlockPublicAccess.BLOCK_ALL, ${REST} });\n`,
    );
    assert.deepStrictEqual(
      open(run('stack.ts', text)).map(f => f.rule),
      [],
    );
  });
  it('without a reason it does not suppress and is itself reported', () => {
    const text = stack(
      `    // iryo-guard-ignore s3-bucket-kms\n    new s3.Bucket(this, 'Assets', { blockPublicAccess: ` +
        `s3.BlockPublicAccess.BLOCK_ALL, ${REST} });\n`,
    );
    assert.deepStrictEqual(
      open(run('stack.ts', text))
        .map(f => f.rule)
        .sort(),
      ['s3-bucket-kms', 'suppression-without-reason'],
    );
  });
});

describe('CDK: fixes in TypeScript', () => {
  it('KMS on a bucket without props: creates the props object', () => {
    const [fixed] = checkFixes('stack.ts', stack(`    new s3.Bucket(this, 'Records');\n`), 's3-bucket-kms');
    assert.ok(fixed.includes(`new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.KMS });`), fixed);
  });
  it('KMS replaces a written S3_MANAGED in place', () => {
    const [fixed] = checkFixes(
      'stack.ts',
      stack(`    new s3.Bucket(this, 'Records', {\n      encryption: s3.BucketEncryption.S3_MANAGED,\n    });\n`),
      's3-bucket-kms',
    );
    assert.ok(fixed.includes(`      encryption: s3.BucketEncryption.KMS,\n    });`), fixed);
  });
  it('s3-bucket-encryption (UNENCRYPTED) → KMS with a bucket key', () => {
    const [fixed] = checkFixes(
      'stack.ts',
      stack(
        `    new s3.Bucket(this, 'Records', { encryption: s3.BucketEncryption.UNENCRYPTED, ` +
          `blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });\n`,
      ),
      's3-bucket-encryption',
    );
    assert.ok(
      fixed.includes(
        `{ encryption: s3.BucketEncryption.KMS, blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, ` +
          `bucketKeyEnabled: true }`,
      ),
      fixed,
    );
  });
  it('public access block: inserted in a multi-line object keeping its indentation and trailing comma', () => {
    const [fixed] = checkFixes(
      'stack.ts',
      stack(`    new s3.Bucket(this, 'Records', {\n      encryption: s3.BucketEncryption.KMS,\n    });\n`),
      's3-public-access-block',
    );
    assert.ok(
      fixed.includes(
        `      encryption: s3.BucketEncryption.KMS,\n      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,\n    });`,
      ),
      fixed,
    );
  });
  it('named-import style: the fix adds the name to the existing import', () => {
    const text =
      `import { Stack } from 'aws-cdk-lib';\nimport { Bucket, BlockPublicAccess } from ` +
      `'aws-cdk-lib/aws-s3';\n\nexport class S extends Stack {\n  build() {\n` +
      `    new Bucket(this, 'Records', { blockPublicAccess: BlockPublicAccess.BLOCK_ALL });\n  }\n}\n`;
    const [fixed] = checkFixes('stack.ts', text, 's3-bucket-kms');
    assert.ok(
      fixed.includes(`import { Bucket, BlockPublicAccess, BucketEncryption } from 'aws-cdk-lib/aws-s3';`),
      fixed,
    );
    assert.ok(
      fixed.includes(`{ blockPublicAccess: BlockPublicAccess.BLOCK_ALL, encryption: BucketEncryption.KMS }`),
      fixed,
    );
  });
  it('L1: the sseAlgorithm literal is replaced; the missing block is written 1:1 in camelCase', () => {
    const text = stack(
      `    new s3.CfnBucket(this, 'Raw', {\n      bucketEncryption: { serverSideEncryptionConfiguration: ` +
        `[{ serverSideEncryptionByDefault: { sseAlgorithm: 'AES256' } }] },\n    });\n`,
    );
    const [kms] = checkFixes('stack.ts', text, 's3-bucket-kms');
    assert.ok(kms.includes(`sseAlgorithm: 'aws:kms'`), kms);
    const [pab] = checkFixes('stack.ts', text, 's3-public-access-block');
    assert.ok(
      pab.includes(
        `publicAccessBlockConfiguration: { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: ` +
          `true, restrictPublicBuckets: true },`,
      ),
      pab,
    );
  });
});
