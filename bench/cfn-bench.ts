/**
 * CloudFormation benchmarks (run with `npm run bench`, after a build):
 *  - engine latency for one 5,000-line template (analysis of a fresh document version each run),
 *  - CLI throughput over a generated corpus of 500 templates (one process, start-up measured separately).
 * Writes bench/results/cfn.json and prints a Markdown table.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { analyze, defaultSettings } from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';
import { generateCorpus, largeTemplate } from './corpus';

const ROOT = path.resolve(__dirname, '../..');
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

function engineLatency(lines: number, runs: number) {
  const catalog = defaultCatalog();
  const base = largeTemplate(lines);
  const ctx = { catalog, settings: defaultSettings };
  const c0 = process.hrtime.bigint();
  analyze('file:///bench/cold.yaml', base, ctx);
  const coldMs = Number(process.hrtime.bigint() - c0) / 1e6;
  const cidrs = [...base.matchAll(/CidrBlock: (10\.\d+\.0\.0\/16)/g)].map(m => m[1]);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Each run is a new version with one typed change inside a different resource, as in an editor.
    const target = cidrs[i % cidrs.length];
    const text = base.replace(`CidrBlock: ${target}`, `CidrBlock: ${target.replace('/16', '/' + (17 + (i % 8)))}`);
    const t0 = process.hrtime.bigint();
    const a = analyze('file:///bench/large.yaml', text, ctx);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (a.kind !== 'cloudformation') throw new Error('not analysed as a template');
  }
  return {
    lines: base.split('\n').length,
    runs,
    coldMs,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: Math.max(...times),
  };
}

function cliThroughput(count: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-bench-'));
  for (const t of generateCorpus(count)) fs.writeFileSync(path.join(dir, t.name), t.text);
  const cli = path.join(ROOT, 'dist/cli.js');
  const time = (args: string[]) => {
    const t0 = Date.now();
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status === 2) throw new Error(r.stderr);
    return Date.now() - t0;
  };
  const startup = Math.min(time(['explain', '3.1①']), time(['explain', '3.1①']), time(['explain', '3.1①']));
  const total = Math.min(
    time(['check', dir, '--format', 'json', '--fail-on', 'never']),
    time(['check', dir, '--format', 'json', '--fail-on', 'never']),
  );
  return {
    templates: count,
    totalMs: total,
    startupMs: startup,
    perTemplateMs: (total - startup) / count,
    filesPerSecond: count / ((total - startup) / 1000),
  };
}

if (require.main === module) {
  const latency = engineLatency(5000, 200);
  const throughput = cliThroughput(500);
  const machine =
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}`;
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/cfn.json'),
    JSON.stringify({ machine, latency, throughput }, null, 2),
  );
  console.log(`machine: ${machine}\n`);
  console.log('| benchmark | result | target |\n|---|---|---|');
  console.log(
    `| engine diagnostics, ${latency.lines}-line template (${latency.runs} runs) | p50 ` +
      `${latency.p50.toFixed(1)} ms, p95 ${latency.p95.toFixed(1)} ms (first parse ` +
      `${latency.coldMs.toFixed(0)} ms) | p50 < 50 ms, p95 < 100 ms |`,
  );
  console.log(
    `| CLI, ${throughput.templates} templates | ${throughput.totalMs} ms total, start-up ` +
      `${throughput.startupMs} ms, ${throughput.perTemplateMs.toFixed(2)} ms/template ` +
      `(${throughput.filesPerSecond.toFixed(0)} files/s) | well under 10 ms/template |`,
  );
}
