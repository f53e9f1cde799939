/** The real server over stdio on a CDK TypeScript file: diagnostics, hover and a quick fix. */
import * as assert from 'assert';
import { pathToFileURL } from 'url';
import * as path from 'path';
import { ROOT } from '../helpers';
import { LspClient } from './client';

interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  code?: string | number;
  message: string;
  source?: string;
}

const TEXT =
  `import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

export class Records extends cdk.Stack {
  build() {
    new s3.Bucket(this, 'Charts', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL, ` +
  `enforceSSL: true, versioned: true, serverAccessLogsBucket: this.accessLogs });
  }
}
`;

describe('language server over stdio: CDK TypeScript', function () {
  this.timeout(20000);
  let client: LspClient;
  const uri = pathToFileURL(path.join(ROOT, 'test/fixtures/virtual/lsp-stack.ts')).href;
  before(async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '0' });
    await client.initialize({ rootUri: pathToFileURL(ROOT).href });
    client.open(uri, TEXT, 'typescript', 1);
  });
  after(() => client.shutdown());

  it('publishes the finding at the construct call', async () => {
    const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, d => d.length > 0);
    const d = diagnostics.find(x => x.code === 's3-bucket-kms');
    assert.ok(d, JSON.stringify(diagnostics));
    assert.strictEqual(d!.range.start.line, 5);
    assert.strictEqual(d!.range.start.character, 4);
    assert.match(d!.message, /Charts uses SSE-S3/);
  });

  it('hover on the construct class shows its CloudFormation type and findings', async () => {
    const h = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 5, character: 12 },
    });
    assert.ok(h);
    assert.match(h!.contents.value, /AWS::S3::Bucket/);
    assert.match(h!.contents.value, /1 finding on this resource\*\*\n- S3 bucket Charts uses SSE-S3/);
  });

  it('offers a quick fix that writes the L2 prop, and a suppression', async () => {
    const diagnostics: Diagnostic[] = await client.waitForDiagnostics(uri, d => d.length > 0);
    const d = diagnostics.find(x => x.code === 's3-bucket-kms')!;
    const actions = await client.request<
      { title: string; edit?: { changes: Record<string, { newText: string }[]> } }[]
    >('textDocument/codeAction', {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d] },
    });
    const fix = actions.find(a => a.title === 'Change to aws:kms');
    assert.ok(fix, actions.map(a => a.title).join(', '));
    assert.deepStrictEqual(
      fix!.edit!.changes[uri].map(e => e.newText),
      [', encryption: s3.BucketEncryption.KMS'],
    );
    const suppress = actions.find(a => a.title.startsWith('Suppress s3-bucket-kms'));
    assert.deepStrictEqual(
      suppress?.edit?.changes[uri].map(e => e.newText),
      ['    // iryo-guard-ignore s3-bucket-kms: \n'],
    );
  });
});
