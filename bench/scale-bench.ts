/**
 * Scale benchmarks (`npm run bench`): CLI throughput over 2,000 generated templates (beside cfn-lint where it is
 * installed), growth of analysis time with template size, and a 2,000-template + 50-risk-file workspace indexed by
 * the real server: time to index, RSS afterwards, and which files an edit re-checks. Writes bench/results/scale.json.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze, defaultSettings } from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';
import { LspClient } from '../test/lsp/client';
import { generateCorpus, largeTemplate } from './corpus';
import { percentile } from './cfn-bench';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function corpusDir(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-scale-'));
  fs.mkdirSync(path.join(dir, 'infra'));
  for (const t of generateCorpus(count, 99)) fs.writeFileSync(path.join(dir, 'infra', t.name), t.text);
  return dir;
}

function cliThroughput(dir: string, count: number) {
  const t0 = Date.now();
  const r = spawnSync(
    process.execPath,
    [CLI, 'check', path.join(dir, 'infra'), '--format', 'json', '--fail-on', 'never'],
    { encoding: 'utf8', maxBuffer: 1 << 29 },
  );
  const ms = Date.now() - t0;
  if (r.status !== 0) throw new Error(r.stderr);
  // cfn-lint is ~300× slower, so the side-by-side run uses the first 200 templates for both tools.
  const cfnLint = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  let cfnLintMs: number | undefined, oursOnSubsetMs: number | undefined;
  const subset = fs
    .readdirSync(path.join(dir, 'infra'))
    .sort()
    .slice(0, 200)
    .map(f => path.join(dir, 'infra', f));
  if (cfnLint.status === 0) {
    const c0 = Date.now();
    spawnSync('cfn-lint', subset, { encoding: 'utf8', maxBuffer: 1 << 29 });
    cfnLintMs = Date.now() - c0;
    const o0 = Date.now();
    spawnSync(process.execPath, [CLI, 'check', ...subset, '--format', 'json', '--fail-on', 'never'], {
      encoding: 'utf8',
      maxBuffer: 1 << 29,
    });
    oursOnSubsetMs = Date.now() - o0;
  }
  return {
    templates: count,
    ms,
    filesPerSecond: Math.round(count / (ms / 1000)),
    cfnLintSubset: subset.length,
    cfnLintMs,
    oursOnSubsetMs,
    cfnLintNote:
      cfnLint.status === 0
        ? undefined
        : 'cfn-lint is not installed on this machine (PyPI is not reachable and Debian does not package it); ' +
          'column skipped',
  };
}

export function growth() {
  const ctx = { catalog: defaultCatalog(), settings: defaultSettings };
  for (let i = 0; i < 5; i++) analyze(`file:///warm${i}.yaml`, largeTemplate(2000, 100 + i), ctx);
  // A marker in every resource makes each run's fragments new, so "full" really parses everything.
  const unique = (text: string, run: number) => text.replace(/^( {4}Properties:)$/gm, `$1 # run ${run}`);
  return [1000, 2000, 5000, 10000, 20000].map(lines => {
    const text = largeTemplate(lines, lines);
    const cold: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = unique(text, i);
      const s = process.hrtime.bigint();
      analyze(`file:///g${lines}.yaml`, t, ctx);
      cold.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const warm: number[] = [];
    const base = unique(text, 99);
    analyze(`file:///g${lines}.yaml`, base, ctx);
    for (let i = 0; i < 30; i++) {
      const t = base.replace('CidrBlock: 10.1.0.0/16', `CidrBlock: 10.1.0.0/${17 + (i % 8)}`);
      const s = process.hrtime.bigint();
      analyze(`file:///g${lines}.yaml`, t, ctx);
      warm.push(Number(process.hrtime.bigint() - s) / 1e6);
    }
    const n = text.split('\n').length;
    return {
      lines: n,
      fullMs: percentile(cold, 50),
      editMs: percentile(warm, 50),
      fullMsPer1kLines: percentile(cold, 50) / (n / 1000),
    };
  });
}

function riskFile(i: number, templates: string[]): string {
  return (
    `assessment:\n  id: system-${i}\n  title: System ${i}\n  guideline: metimic-1.1\n  acceptance: C\n` +
    `  iac: [${templates.map(t => `../infra/${t}`).join(', ')}]\nflows:\n  - id: F1\n` +
    `    description: clinical data to the API\n    classification: patient-personal\nrisks:\n` +
    `  - id: R1\n    flow: F1\n    threat: ネットワーク上の盗聴・なりすまし\n    scenarios: ["3.8②"]\n` +
    `    description: interception in transit\n    impact: 5\n    likelihood: 3\n    treatment: reduce\n` +
    `    controls:\n      - perspective: technical\n        owner: provider\n` +
    `        measure: TLS 1.2+ on the load balancer\n        services: [elb]\n` +
    `        rules: [elbv2-listener-https]\n    residual: { impact: 5, likelihood: 1 }\n`
  );
}

async function workspace(dir: string) {
  const names = fs.readdirSync(path.join(dir, 'infra')).sort();
  fs.mkdirSync(path.join(dir, 'risk'));
  for (let i = 0; i < 50; i++)
    fs.writeFileSync(
      path.join(dir, 'risk', `system-${i}.risk.yaml`),
      riskFile(i, [names[i * 3], names[i * 3 + 1], names[i * 3 + 2]]),
    );
  const c = new LspClient();
  const published = new Set<string>();
  c.on('textDocument/publishDiagnostics', p => published.add(p.uri));
  const t0 = Date.now();
  await c.initialize({ rootUri: pathToFileURL(dir).href });
  const riskUris = Array.from(
    { length: 50 },
    (_, i) => pathToFileURL(path.join(dir, 'risk', `system-${i}.risk.yaml`)).href,
  );
  while (!riskUris.every(u => published.has(u)) && Date.now() - t0 < 120000) await new Promise(r => setTimeout(r, 50));
  const indexMs = Date.now() - t0;
  const rssMB = Math.round(
    Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${c.pid}/status`, 'utf8'))?.[1] ?? 0) / 1024,
  );
  // Edit one linked template: only it and the risk file that lists it should be re-published.
  const target = pathToFileURL(path.join(dir, 'infra', names[0])).href;
  c.open(
    target,
    fs.readFileSync(path.join(dir, 'infra', names[0]), 'utf8'),
    names[0].endsWith('.json') ? 'json' : 'yaml',
  );
  await new Promise(r => setTimeout(r, 500));
  published.clear();
  c.change(target, fs.readFileSync(path.join(dir, 'infra', names[0]), 'utf8') + '\n', 2);
  await new Promise(r => setTimeout(r, 1000));
  const recheckedAfterEdit = [...published].map(u => path.relative(dir, new URL(u).pathname));
  await c.shutdown();
  return { templates: names.length, riskFiles: 50, indexMs, rssMB, recheckedAfterEdit };
}

async function main() {
  const dir = corpusDir(2000);
  const throughput = cliThroughput(dir, 2000);
  const sizes = growth();
  const ws = await workspace(dir);
  const machine =
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}`;
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/scale.json'),
    JSON.stringify({ machine, throughput, growth: sizes, workspace: ws }, null, 2),
  );
  console.log(`machine: ${machine}\n`);
  const cfnLint =
    throughput.cfnLintMs !== undefined
      ? `${throughput.cfnLintMs} ms vs iryo-guard ${throughput.oursOnSubsetMs} ms ` +
        `(cfn-lint takes ${(throughput.cfnLintMs / throughput.oursOnSubsetMs!).toFixed(0)}× as long)`
      : throughput.cfnLintNote;
  console.log(
    `CLI: ${throughput.templates} templates in ${throughput.ms} ms = ${throughput.filesPerSecond} ` +
      `files/s; cfn-lint on the first ${throughput.cfnLintSubset}: ` +
      `${cfnLint}\n`,
  );
  console.log(
    '| template lines | full analysis (ms) | ms per 1k lines | after a one-line edit (ms) |\n|---|---|---|---|',
  );
  for (const g of sizes)
    console.log(`| ${g.lines} | ${g.fullMs.toFixed(1)} | ${g.fullMsPer1kLines.toFixed(1)} | ${g.editMs.toFixed(1)} |`);
  console.log(
    `\nworkspace: ${ws.templates} templates + ${ws.riskFiles} risk files indexed in ${ws.indexMs} ms; ` +
      `server RSS ${ws.rssMB} MB; an edit to one linked template re-published: ` +
      `${ws.recheckedAfterEdit.join(', ')}`,
  );
}

if (require.main === module)
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
