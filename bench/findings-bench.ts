/**
 * Many findings and many resources (`npm run bench`): templates of thousands of plain S3 buckets (each one fails
 * several rules, so findings are five per bucket) and a CDK stack of thousands of buckets. Measures the first
 * analysis in process, p50/p95 of one-line edits re-analysed, the built CLI end to end (`dist/cli.js check`, with its
 * peak RSS) and the RSS of this process. Prints a table and writes bench/results/findings.json.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, defaultSettings } from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

/** `count` buckets with only a name: every one lacks encryption settings, versioning, logging, a TLS-only policy… */
export function bucketsTemplate(count: number): string {
  const out = ["AWSTemplateFormatVersion: '2010-09-09'", 'Resources:'];
  for (let i = 0; i < count; i++)
    out.push(`  Bucket${i}:`, '    Type: AWS::S3::Bucket', '    Properties:', `      BucketName: b-${i}`);
  return out.join('\n') + '\n';
}

/** A CDK stack of `count` buckets with nothing set: each one is reported. */
export function cdkStack(count: number): string {
  const out = [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    "import { Construct } from 'constructs';",
    '',
    'export class ManyBuckets extends cdk.Stack {',
    '  constructor(scope: Construct, id: string, props?: cdk.StackProps) {',
    '    super(scope, id, props);',
  ];
  for (let i = 0; i < count; i++) out.push(`    new s3.Bucket(this, 'Bucket${i}', { bucketName: 'b-${i}' });`);
  out.push('  }', '}');
  return out.join('\n') + '\n';
}

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const round = (x: number) => Math.round(x * 10) / 10;

interface InProcess {
  input: string;
  lines: number;
  findings: number;
  firstMs: number;
  editP50Ms?: number;
  editP95Ms?: number;
  edits?: number;
  rssMB: number;
}

/** First analysis of `text`, then `edits` one-line edits (a bucket renamed, in turn further down), each re-analysed. */
function inProcess(input: string, uri: string, text: string, edits: number, rename: (i: number) => RegExp) {
  const ctx = { catalog: defaultCatalog(), settings: defaultSettings };
  const s = process.hrtime.bigint();
  const first = analyze(uri, text, ctx);
  const firstMs = ms(s);
  const times: number[] = [];
  let current = text;
  for (let k = 0; k < edits; k++) {
    current = current.replace(rename(k), m => `${m}x`);
    const e = process.hrtime.bigint();
    analyze(uri, current, ctx);
    times.push(ms(e));
  }
  const r: InProcess = {
    input,
    lines: text.split('\n').length - 1,
    findings: first.findings.length,
    firstMs: round(firstMs),
    rssMB: Math.round(process.memoryUsage().rss / 2 ** 20),
  };
  if (edits)
    Object.assign(r, { edits, editP50Ms: round(percentile(times, 50)), editP95Ms: round(percentile(times, 95)) });
  return r;
}

/** `iryo-guard check <file> --format json` with the built CLI: wall time and the child's peak RSS. */
function cli(input: string, name: string, text: string, maxKB?: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-findings-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  const args = [CLI, 'check', file, '--format', 'json', '--fail-on', 'never'];
  if (maxKB) args.push('--max-file-size-kb', String(maxKB));
  const timed = fs.existsSync('/usr/bin/time');
  const s = process.hrtime.bigint();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', 'RSSKB %M', process.execPath, ...args], {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
      })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = ms(s);
  fs.rmSync(dir, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${input}: exit ${r.status}\n${r.stderr}`);
  const rss = /RSSKB (\d+)/.exec(r.stderr ?? '');
  return {
    input,
    sizeKB: Math.round(Buffer.byteLength(text) / 1024),
    findings: (JSON.parse(r.stdout) as { findings: unknown[] }).findings.length,
    ms: Math.round(wall),
    peakRssMB: rss ? Math.round(Number(rss[1]) / 1024) : undefined,
  };
}

function main() {
  // Warm the engine (module load, catalog) so the first in-process run measures analysis, not start-up.
  analyze('file:///warm.yaml', bucketsTemplate(50), { catalog: defaultCatalog(), settings: defaultSettings });
  const bucket = (i: number) => new RegExp(`b-${i * 37}$`, 'm');
  const cdkBucket = (i: number) => new RegExp(`'b-${i * 37}`);
  const inproc = [
    inProcess('cfn 1,000 buckets', 'file:///b1000.yaml', bucketsTemplate(1000), 20, bucket),
    // 5,000 lines: the edit-latency target (p95 < 100 ms with ≥ 1,000 findings).
    inProcess('cfn 5,000 lines (1,250 buckets)', 'file:///b1250.yaml', bucketsTemplate(1250), 40, bucket),
    inProcess('cfn 5,000 buckets', 'file:///b5000.yaml', bucketsTemplate(5000), 20, bucket),
    inProcess('cdk 5,000 buckets', 'file:///stack.ts', cdkStack(5000), 5, cdkBucket),
  ];
  const e2e = [
    cli('cli cfn 5,000 buckets', 'buckets.yaml', bucketsTemplate(5000)),
    cli('cli cfn 50,000 buckets', 'buckets.yaml', bucketsTemplate(50000), 100_000),
    cli('cli cdk 5,000 buckets', 'stack.ts', cdkStack(5000)),
  ];
  const cell = (v: unknown, w: number) => String(v ?? '').padStart(w);
  console.log('in process                          lines  findings  first ms  edit p50  edit p95  RSS MB');
  for (const r of inproc) {
    const cells = [cell(r.lines, 7), cell(r.findings, 9), cell(r.firstMs, 9), cell(r.editP50Ms, 9)];
    console.log(`${r.input.padEnd(32)} ${cells.join(' ')} ${cell(r.editP95Ms, 9)} ${cell(r.rssMB, 7)}`);
  }
  console.log('\nCLI end to end                  KB  findings        ms  peak RSS MB');
  for (const r of e2e) {
    const cells = [cell(r.sizeKB, 7), cell(r.findings, 9), cell(r.ms, 9), cell(r.peakRssMB, 12)];
    console.log(`${r.input.padEnd(26)} ${cells.join(' ')}`);
  }
  const out = path.join(ROOT, 'bench/results');
  fs.mkdirSync(out, { recursive: true });
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    inProcess: inproc,
    cli: e2e,
  };
  fs.writeFileSync(path.join(out, 'findings.json'), JSON.stringify(result, null, 2) + '\n');
}

if (require.main === module) main();
