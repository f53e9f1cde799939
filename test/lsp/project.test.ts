/**
 * The language server checks a template with the rest of its workspace in view: account singletons defined in another
 * stack are found, an edit to one stack re-checks the open stacks that depend on it, and stacks that refer to each
 * other do not re-check each other forever.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';
import { fileUri, LspClient } from './client';

const SINGLETONS = ['cloudtrail-trail-present', 'config-recorder-present', 'guardduty-detector-present'];
const codes = (ds: { code?: string }[]) => ds.map(d => d.code ?? '');

function copyProject(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-project-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/projects', name), dir, { recursive: true });
  return dir;
}

describe('LSP: the workspace as one project', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;
  const uri = (f: string) => fileUri(path.join(ws, f));

  before(async () => {
    ws = copyProject('account-baseline-split');
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' });
    await client.initialize({ rootUri: fileUri(ws), locale: 'en' });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it(
    'an open stack is not told that the trail or the recorder is missing ' + 'when another stack defines them',
    async () => {
      client.open(uri('detection.yaml'), fs.readFileSync(path.join(ws, 'detection.yaml'), 'utf8'));
      // The first answer may come before the workspace is indexed; the one after must know the other stacks.
      const ds = await client.waitForDiagnostics(
        uri('detection.yaml'),
        d => !codes(d).some(c => SINGLETONS.includes(c)),
      );
      assert.deepStrictEqual(
        codes(ds).filter(c => c.endsWith('-present')),
        [],
      );
    },
  );

  it('removing the trail from its stack (in the editor) re-checks the other open stack', async () => {
    const trail = fs.readFileSync(path.join(ws, 'trail.yaml'), 'utf8');
    client.open(uri('trail.yaml'), trail);
    await client.waitForDiagnostics(uri('trail.yaml'), () => true);
    const withoutTrail = trail.replace('AWS::CloudTrail::Trail', 'AWS::SNS::Topic');
    client.change(uri('trail.yaml'), withoutTrail, 2);
    const ds = await client.waitForDiagnostics(uri('detection.yaml'), d =>
      codes(d).includes('cloudtrail-trail-present'),
    );
    const missing = ds.find(d => d.code === 'cloudtrail-trail-present');
    assert.ok(missing, JSON.stringify(codes(ds)));
    // The designated baseline stack gets the fix; this one is told where the trail belongs.
    assert.match(missing.message, /trail\.yaml|baseline/i, missing.message);
    client.change(uri('trail.yaml'), trail, 3);
    await client.waitForDiagnostics(uri('detection.yaml'), d => !codes(d).includes('cloudtrail-trail-present'));
  });
});

describe('LSP: stacks that refer to each other', function () {
  this.timeout(30000);
  let ws: string;
  let client: LspClient;
  const uri = (f: string) => fileUri(path.join(ws, f));

  before(async () => {
    ws = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-mutual-'));
    const bucket = (own: string, other: string) =>
      [
        'Resources:',
        `  ${own}:`,
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        `      BucketName: ${own.toLowerCase()}-logs`,
        '      LoggingConfiguration:',
        `        DestinationBucketName: ${other.toLowerCase()}-logs`,
        '',
      ].join('\n');
    fs.writeFileSync(path.join(ws, 'a.yaml'), bucket('Alpha', 'Beta'));
    fs.writeFileSync(path.join(ws, 'b.yaml'), bucket('Beta', 'Alpha'));
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '10' });
    await client.initialize({ rootUri: fileUri(ws), locale: 'en' });
  });
  after(async () => {
    await client?.shutdown();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('an edit re-checks the other stack once, not back and forth', async () => {
    let published = 0;
    client.on('textDocument/publishDiagnostics', p => {
      if (p.uri === uri('a.yaml') || p.uri === uri('b.yaml')) published++;
    });
    const a = fs.readFileSync(path.join(ws, 'a.yaml'), 'utf8');
    client.open(uri('a.yaml'), a);
    client.open(uri('b.yaml'), fs.readFileSync(path.join(ws, 'b.yaml'), 'utf8'));
    await client.waitForDiagnostics(uri('b.yaml'), () => true);
    await new Promise(r => setTimeout(r, 500));
    published = 0;
    client.change(uri('a.yaml'), a + '\n', 2);
    await new Promise(r => setTimeout(r, 1500));
    // a.yaml once for its edit, b.yaml once because it refers to a.yaml; a loop would publish hundreds.
    assert.ok(published >= 2 && published <= 4, `published ${published} times`);
  });
});
