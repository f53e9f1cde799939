/**
 * Independent check: Neovim's built-in LSP client (not vscode-languageclient) starts dist/server.js over stdio and
 * receives the expected diagnostics and a hover. Proves the server speaks plain LSP.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from '../helpers';

const { isCI } = require(path.join(ROOT, 'test/prerequisites.js')) as { isCI(env: NodeJS.ProcessEnv): boolean };

const NON_COMPLIANT = `AWSTemplateFormatVersion: "2010-09-09"
Description: Patient record storage
Resources:
  PatientRecords:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ehr-patient-records
`;
const BROKEN = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PatientRecords:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ehr-records: archive
`;

interface NvimDiagnostic {
  line: number;
  col: number;
  code: string;
  source: string;
  message: string;
}
interface NvimResult {
  diagnostics: Record<string, NvimDiagnostic[]>;
  hover?: string;
  errors: string[];
}

const nvimAvailable = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('Neovim as an independent LSP client', function () {
  this.timeout(60000);
  let dir: string;
  let result: NvimResult;

  before(function () {
    if (!nvimAvailable) {
      // Under CI a missing prerequisite is an error (.ci/run installs Neovim); elsewhere npm test names it last.
      if (isCI(process.env)) assert.fail('nvim is not installed, and CI is set: .ci/run installs neovim');
      console.log('    nvim is not installed: skipping the Neovim check (apt-get install neovim)');
      this.skip();
    }
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-nvim-'));
    fs.writeFileSync(path.join(dir, 'storage.yaml'), NON_COMPLIANT);
    fs.writeFileSync(path.join(dir, 'broken.yaml'), BROKEN);
    const out = path.join(dir, 'result.json');
    const run = spawnSync(
      'nvim',
      ['--headless', '--clean', '-n', '-c', `luafile ${path.join(ROOT, 'test/lsp/nvim/check.lua')}`],
      {
        cwd: dir,
        encoding: 'utf8',
        timeout: 45000,
        env: {
          ...process.env,
          IRYO_SERVER: path.join(ROOT, 'dist/server.js'),
          IRYO_OUT: out,
          IRYO_FILES: [path.join(dir, 'storage.yaml'), path.join(dir, 'broken.yaml')].join('\n'),
        },
      },
    );
    assert.ok(
      fs.existsSync(out),
      `nvim wrote no result (status ${run.status}, signal ${run.signal}): ${run.stderr}${run.stdout}`,
    );
    result = JSON.parse(fs.readFileSync(out, 'utf8'));
  });

  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports no client-side errors', () => {
    assert.deepStrictEqual(result.errors, []);
  });

  it('receives the S3 findings on the resource line of a non-compliant template', () => {
    const got = result.diagnostics['storage.yaml']
      .map(d => ({ line: d.line, col: d.col, code: d.code, source: d.source }))
      .sort((a, b) => a.code.localeCompare(b.code));
    assert.deepStrictEqual(
      got,
      [
        's3-access-logging',
        's3-bucket-encryption',
        's3-bucket-tls-only',
        's3-bucket-versioning',
        's3-public-access-block',
      ].map(code => ({ line: 4, col: 3, code, source: 'iryo-guard' })),
    );
    assert.match(
      result.diagnostics['storage.yaml'].find(d => d.code === 's3-bucket-encryption')!.message,
      /^S3 bucket PatientRecords is encrypted only with SSE-S3, the AWS default since 2023-01-05; .* \[3\.1①, 1\.8, 2\.2; MHLW 6\.0 Mgmt 15③, Sys 7③\]$/,
    );
  });

  it('receives one syntax error at the right line of a broken template', () => {
    const got = result.diagnostics['broken.yaml'];
    assert.strictEqual(got.length, 1, JSON.stringify(got));
    assert.deepStrictEqual(
      { line: got[0].line, col: got[0].col, code: got[0].code },
      { line: 6, col: 19, code: 'syntax-error' },
    );
  });

  it('gets a hover on the resource type', () => {
    assert.match(result.hover ?? '', /\*\*AWS::S3::Bucket\*\* — PatientRecords/);
  });
});
