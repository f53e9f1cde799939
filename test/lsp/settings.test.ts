/** Settings the server does not understand are ignored and named once, in a message every LSP client shows. */
import * as assert from 'assert';
import { LspClient } from './client';

const TEMPLATE = 'Resources:\n  Records:\n    Type: AWS::S3::Bucket\n';

describe('LSP: settings that are not understood', function () {
  this.timeout(30000);
  let client: LspClient;
  const shown: Array<{ type: number; message: string }> = [];
  const logged: string[] = [];
  const settings = {
    rules: { disabled: ['s3-bucket-kmss', 's3-bucket-encryption'] },
    severityOverrides: { 's3-access-logging': 'fatal' },
    language: 'fr',
  };
  before(async () => {
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '20' });
    client.on('window/showMessage', p => shown.push(p));
    client.on('window/logMessage', p => logged.push(p.message));
    await client.initialize({ settings });
  });
  after(() => client.shutdown());

  it('shows one warning naming the first problem, logs every problem, and applies the rest', async () => {
    const uri = 'file:///virtual/settings.yaml';
    client.open(uri, TEMPLATE);
    const diags = await client.waitForDiagnostics(uri, d => d.length > 0);
    assert.ok(!diags.some(d => d.code === 's3-bucket-encryption'), 'the known rule is still disabled');
    assert.strictEqual(
      diags.find(d => d.code === 's3-access-logging')?.severity,
      2,
      'the bad severity is ignored (warning stays)',
    );
    assert.deepStrictEqual(shown, [
      {
        type: 2,
        message:
          'iryo-guard: iryoGuard.rules.disabled: unknown rule "s3-bucket-kmss" (did you mean s3-bucket-kms?) ' +
          '(and 2 more; see the output)',
      },
    ]);
    for (const p of [
      'unknown rule "s3-bucket-kmss"',
      'severity "fatal" for s3-access-logging is not error, warning, info or hint',
      'iryoGuard.language: "fr" is not one of auto, ja, en',
    ]) {
      assert.ok(
        logged.some(l => l.includes(p)),
        `${p} in ${JSON.stringify(logged)}`,
      );
    }
  });

  it('does not repeat the warning for the same settings, and says nothing once they are fixed', async () => {
    client.notify('workspace/didChangeConfiguration', { settings: { iryoGuard: settings } });
    client.notify('workspace/didChangeConfiguration', {
      settings: { iryoGuard: { rules: { disabled: ['s3-bucket-kms'] } } },
    });
    const uri = 'file:///virtual/settings.yaml';
    await client.waitForDiagnostics(uri, d => d.some(x => x.code === 's3-bucket-encryption'));
    assert.strictEqual(shown.length, 1, JSON.stringify(shown));
  });
});

describe('LSP: the server asks a client only what it declared', function () {
  this.timeout(30000);
  for (const dynamicRegistration of [false, true]) {
    it(
      `configuration pull ${dynamicRegistration ? 'with' : 'without'} dynamic registration of ` +
        `didChangeConfiguration`,
      async () => {
        const client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '20' });
        try {
          await client.initialize({ configuration: true, dynamicRegistration });
          const uri = 'file:///virtual/asked.yaml';
          client.open(uri, TEMPLATE);
          await client.waitForDiagnostics(uri, d => d.length > 0);
          assert.ok(client.serverRequests.includes('workspace/configuration'), JSON.stringify(client.serverRequests));
          // The registration follows the first configuration answer; on a loaded machine it may come after diagnostics.
          const deadline = Date.now() + 5000;
          while (
            dynamicRegistration &&
            !client.serverRequests.includes('client/registerCapability') &&
            Date.now() < deadline
          )
            await new Promise(r => setTimeout(r, 20));
          assert.strictEqual(
            client.serverRequests.includes('client/registerCapability'),
            dynamicRegistration,
            JSON.stringify(client.serverRequests),
          );
        } finally {
          await client.shutdown();
        }
      },
    );
  }
});
