/**
 * A hostile repository for the read-guard tests of the CLI and the server: a risk file whose `iac:` entries point at
 * devices, a FIFO, a symbolic link out, absolute and `../` paths, UNC paths and URLs, and a sparse 300 MB template;
 * two risk files that list each other. The file outside holds markers that must never reach any output.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** Text only the file outside the workspace contains: a logical ID and a bucket name. */
export const SECRET_ID = 'SecretVaultBucket';
export const SECRET_NAME = 'topsecret-marker-bucket';

export interface Hostile {
  root: string;
  /** The workspace (no .git above it). */
  ws: string;
  outside: string;
  secret: string;
  big: string;
  fifo: string;
  /** `iac:` entry → the reason expected for it. */
  entries: [string, 'outside-workspace' | 'not-a-regular-file' | 'remote-path' | 'too-large'][];
}

const OUTSIDE_TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  ${SECRET_ID}:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ${SECRET_NAME}
`;

export function makeHostile(): Hostile {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-hostile-')));
  const ws = path.join(root, 'ws');
  const outside = path.join(root, 'outside');
  fs.mkdirSync(ws);
  fs.mkdirSync(outside);
  const secret = path.join(outside, 'secret.yaml');
  fs.writeFileSync(secret, OUTSIDE_TEMPLATE);
  fs.symlinkSync(secret, path.join(ws, 'link-out.yaml'));
  const fifo = path.join(ws, 'fifo.yaml');
  execFileSync('mkfifo', [fifo]);
  const big = path.join(ws, 'big.yaml');
  fs.writeFileSync(big, 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Big:\n    Type: AWS::S3::Bucket\n');
  fs.truncateSync(big, 300 * 1024 * 1024);
  const entries: Hostile['entries'] = [
    ['/dev/zero', 'outside-workspace'],
    ['/dev/stdin', 'outside-workspace'],
    ['fifo.yaml', 'not-a-regular-file'],
    ['link-out.yaml', 'outside-workspace'],
    [secret, 'outside-workspace'],
    ['../outside/secret.yaml', 'outside-workspace'],
    ['//host/share/x.yaml', 'remote-path'],
    ['\\\\host\\share\\x.yaml', 'remote-path'],
    ['file:///etc/passwd', 'outside-workspace'],
    ['big.yaml', 'too-large'],
  ];
  const yamlString = (s: string) => `'${s.replace(/'/g, "''")}'`;
  fs.writeFileSync(
    path.join(ws, 'a.risk.yaml'),
    `assessment:
  id: hostile
  guideline: metimic-1.1
  acceptance: C
  iac:
${entries.map(([e]) => `    - ${yamlString(e)}`).join('\n')}
risks:
  - id: R1
    threat: unauthorized-access
    scenarios: ["3.1①"]
    impact: 2
    likelihood: 2
    treatment: reduce
    controls:
      - perspective: technical
        owner: provider
        measure: encryption
        rules: [s3-bucket-encryption]
        resources: [SecretVaultBuckt]
`,
  );
  // Two risk files listing each other, one of them also through a template name that is a link to the other.
  fs.mkdirSync(path.join(ws, 'cycle'));
  const riskFile = (id: string, iac: string[]) =>
    `assessment:\n  id: ${id}\n  guideline: metimic-1.1\n  acceptance: C\n  iac: [${iac.join(', ')}]\nrisks: []\n`;
  fs.writeFileSync(path.join(ws, 'cycle', 'b.risk.yaml'), riskFile('b', ['c.risk.yaml', 'via-template.yaml']));
  fs.writeFileSync(path.join(ws, 'cycle', 'c.risk.yaml'), riskFile('c', ['b.risk.yaml']));
  fs.symlinkSync('c.risk.yaml', path.join(ws, 'cycle', 'via-template.yaml'));
  return { root, ws, outside, secret, big, fifo, entries };
}

/** English and Japanese words of each reason (the risk-iac-not-read diagnostic). */
export const REASON_TEXT = {
  'outside-workspace': { en: 'outside the workspace: not read', ja: 'ワークスペース外のファイルは読みません' },
  'not-a-regular-file': { en: 'not a regular file (a device, FIFO or socket): not read', ja: '通常のファイルではない' },
  'remote-path': { en: 'a network path (UNC path or remote URL): not read', ja: 'ネットワーク上のパス' },
  'too-large': { en: 'over the size limit', ja: '大きさの上限' },
} as const;

/**
 * The paths a process opened or read whole, and the bytes it read per path, from the `IRYO-FS` lines that
 * test/lsp/read-trap.js writes on stderr.
 */
export function fsReport(stderr: string): { opened: string[]; bytes: Map<string, number> } {
  const opened: string[] = [];
  const bytes = new Map<string, number>();
  for (const line of stderr.split('\n')) {
    const m = /^IRYO-FS (\S+) (.*?)(?: (\d+))?$/.exec(line);
    if (!m) continue;
    if (m[1] === 'read') bytes.set(m[2], (bytes.get(m[2]) ?? 0) + Number(m[3]));
    else opened.push(m[2].replace(/^file:\/\//, ''));
  }
  return { opened, bytes };
}

/** What must never be opened: the file outside, devices, the FIFO, /etc/passwd. */
export function forbiddenOpens(h: Hostile, opened: string[]): string[] {
  return opened.filter(
    p =>
      p.startsWith(h.outside) || p.startsWith('/dev/') || p === h.fifo || p === '/etc/passwd' || p.includes('link-out'),
  );
}
