/** The server's workspace/executeCommand commands, over stdio as any LSP client calls them. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'yaml';
import {
  CheckWorkspaceResult,
  CoverageReportResult,
  ExplainResult,
  NewAssessmentResult,
  ServerCommands,
} from '../../server/src/lsp/protocol';
import { ServerProcess } from './serverProcess';
import { catalog } from '../helpers';

/** These tests are about the commands, not the rule set: two S3 rules keep the expected findings exact. */
const RULES = {
  rules: {
    disabled: [...catalog.rules.keys()].filter(id => id !== 's3-bucket-encryption' && id !== 's3-public-access-block'),
  },
};

const BUCKET = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PatientRecords:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ehr-patient-records
`;

describe('server commands (LSP over stdio)', () => {
  let dir: string;
  let server: ServerProcess;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-cmd-'));
    fs.mkdirSync(path.join(dir, 'infra'));
    fs.mkdirSync(path.join(dir, 'node_modules/pkg'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'infra/storage.yaml'), BUCKET);
    fs.writeFileSync(
      path.join(dir, 'infra/broken.yaml'),
      'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A: [\n',
    );
    fs.writeFileSync(path.join(dir, 'notes.yaml'), 'title: not a template\n');
    fs.writeFileSync(path.join(dir, 'node_modules/pkg/template.yaml'), BUCKET);
    server = new ServerProcess();
  });
  afterEach(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('advertises its commands', async () => {
    const r = (await server.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities: {},
    })) as { capabilities: { executeCommandProvider: { commands: string[] } } };
    assert.deepStrictEqual(r.capabilities.executeCommandProvider.commands.sort(), Object.values(ServerCommands).sort());
  });

  it(
    'checkWorkspace publishes diagnostics for every template in the workspace folders, skipping ' + 'node_modules',
    async () => {
      await server.initialize({ folders: [pathToFileURL(dir).href], settings: { ...RULES, language: 'en' } });
      const r = await server.command<CheckWorkspaceResult>(ServerCommands.checkWorkspace);
      assert.deepStrictEqual(r, { files: 2, findings: 3, errors: 2, warnings: 1, truncated: false });
      const storage = await server.diagnosticsFor(uri('infra/storage.yaml'));
      assert.deepStrictEqual(storage.map(d => d.code).sort(), ['s3-bucket-encryption', 's3-public-access-block']);
      const broken = await server.diagnosticsFor(uri('infra/broken.yaml'));
      assert.deepStrictEqual(
        broken.map(d => d.code),
        ['syntax-error'],
      );
      assert.ok(!server.published.has(uri('node_modules/pkg/template.yaml')), 'node_modules is not checked');
      assert.ok(!server.published.has(uri('notes.yaml')), 'a YAML file that is not a template gets no diagnostics');
    },
  );

  it('a checked file keeps its findings (from disk) when its editor closes; an unchecked one is cleared', async () => {
    await server.initialize({
      folders: [pathToFileURL(path.join(dir, 'infra')).href],
      settings: { ...RULES, language: 'en' },
    });
    const open = (rel: string, text: string) =>
      server.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri: uri(rel), languageId: 'yaml', version: 1, text },
      });
    const close = (rel: string) =>
      server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: uri(rel) } });
    // Unsaved text with only one finding; the saved file has two.
    await open(
      'infra/storage.yaml',
      BUCKET.replace(
        '    Properties:',
        `    Properties:
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, ` +
          `IgnorePublicAcls: true, RestrictPublicBuckets: true }`,
      ),
    );
    await server.diagnosticsFor(uri('infra/storage.yaml'), d => d.length === 1);
    await server.command(ServerCommands.checkWorkspace);
    await close('infra/storage.yaml');
    const after = await server.diagnosticsFor(uri('infra/storage.yaml'), d => d.length === 2);
    assert.deepStrictEqual(after.map(d => d.code).sort(), ['s3-bucket-encryption', 's3-public-access-block']);
    await open('outside.yaml', BUCKET);
    await server.diagnosticsFor(uri('outside.yaml'), d => d.length === 2);
    await close('outside.yaml');
    await server.diagnosticsFor(uri('outside.yaml'), d => d.length === 0);
  });

  it('checkWorkspace takes explicit folder URIs', async () => {
    await server.initialize({ settings: RULES });
    const r = await server.command<CheckWorkspaceResult>(ServerCommands.checkWorkspace, [
      pathToFileURL(path.join(dir, 'infra')).href,
    ]);
    assert.strictEqual(r.files, 2);
  });

  it('explain returns the catalog entry in the chosen language, and a did-you-mean for unknown IDs', async () => {
    await server.initialize({ settings: { ...RULES, language: 'ja' } });
    const r = await server.command<ExplainResult>(ServerCommands.explain, 's3-bucket-encryption');
    assert.ok('markdown' in r, JSON.stringify(r));
    assert.match(r.markdown, /^\*\*s3-bucket-encryption\*\* — iryo-guard 規則/);
    assert.match(r.markdown, /重大度: warning/);
    const unknown = await server.command<ExplainResult>(ServerCommands.explain, 's3-bucket-encryptoin');
    assert.deepStrictEqual(unknown, {
      message: '"s3-bucket-encryptoin" は iryo-guard のカタログにありません。もしかして: s3-bucket-encryption',
    });
  });

  it('explain accepts scenario IDs in any spelling', async () => {
    await server.initialize({ settings: { ...RULES, language: 'en' } });
    const r = await server.command<ExplainResult>(ServerCommands.explain, '3.13-2');
    assert.ok('id' in r && r.id === '3.13②', JSON.stringify(r));
  });

  it(
    'newAssessment drafts a risk file next to the template with one risk ' + 'per scenario its findings touch',
    async () => {
      await server.initialize({ settings: { ...RULES, language: 'en', guideline: 'metimic-1.1' } });
      const r = await server.command<NewAssessmentResult>(ServerCommands.newAssessment, uri('infra/storage.yaml'));
      assert.ok('text' in r, JSON.stringify(r));
      assert.strictEqual(r.uri, uri('infra/storage.risk.yaml'));
      // Encryption at all is 3.1① (with 1.8 / 2.2); the public access block is 3.1① too, not 3.8①.
      assert.deepStrictEqual(r.scenarios, ['1.8', '2.2', '3.1①']);
      const doc = parse(r.text);
      assert.strictEqual(doc.assessment.guideline, 'metimic-1.1');
      // metimic-1.1 leads with MHLW 6.0: the controls cite its 遵守事項 in the short form, no 5.2 item.
      const cited = doc.risks.find((x: { scenarios: string[] }) => x.scenarios[0] === '3.1①').controls;
      assert.deepStrictEqual(
        cited.map((c: { rules: string[]; guidelines: string[] }) => [c.rules[0], c.guidelines]),
        [
          ['s3-bucket-encryption', ['企15③', 'シス7③']],
          ['s3-public-access-block', ['シス14①', 'シス14④']],
        ],
      );
      assert.deepStrictEqual(doc.assessment.iac, ['storage.yaml']);
    },
  );

  it('newAssessment and coverageReport answer with a message for the wrong kind of file', async () => {
    await server.initialize({ settings: { ...RULES, language: 'en' } });
    assert.deepStrictEqual(await server.command(ServerCommands.newAssessment, uri('notes.yaml')), {
      message: 'Open a CloudFormation template or CDK file first',
    });
    assert.deepStrictEqual(await server.command(ServerCommands.newAssessment), {
      message: 'Open a CloudFormation template or CDK file first',
    });
    const report = await server.command<CoverageReportResult>(ServerCommands.coverageReport, uri('infra/storage.yaml'));
    assert.deepStrictEqual(report, { message: 'Open a *.risk.yaml file to see its coverage report' });
  });
});
