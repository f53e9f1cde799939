/**
 * Editor latency through the real server over stdio (not in-process calls): didChange → publishDiagnostics,
 * completion, hover and code-action round trips, p50/p95/p99 over ≥ 200 edits per document, plus start-up to
 * first diagnostics. Documents: CloudFormation templates of 1k, 5k and 20k lines, and any extra documents that
 * features register in `extraDocuments` (risk files, CDK sources). Writes bench/results/lsp.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LspClient } from '../test/lsp/client';
import { largeTemplate } from './corpus';
import { percentile } from './cfn-bench';

const ROOT = path.resolve(__dirname, '../..');
const EDITS = Number(process.env.IRYO_BENCH_EDITS ?? 200);

export interface BenchDocument {
  name: string;
  uri: string;
  languageId: string;
  text: string;
  edit(i: number): string;
  probe: { line: number; character: number };
}

function templateDoc(lines: number): BenchDocument {
  const text = largeTemplate(lines);
  const cidrs = [...text.matchAll(/CidrBlock: (10\.\d+\.0\.0\/16)/g)].map(m => m[1]);
  const probeLine = text.split('\n').findIndex(l => l.includes('Type: AWS::S3::Bucket'));
  return {
    name: `template ${text.split('\n').length} lines`,
    uri: `file:///bench/t${lines}.yaml`,
    languageId: 'yaml',
    text,
    edit: i =>
      text.replace(
        `CidrBlock: ${cidrs[i % cidrs.length]}`,
        `CidrBlock: ${cidrs[i % cidrs.length].replace('/16', '/' + (17 + (i % 8)))}`,
      ),
    probe: { line: probeLine, character: 12 },
  };
}

const stats = (xs: number[]) => ({
  p50: percentile(xs, 50),
  p95: percentile(xs, 95),
  p99: percentile(xs, 99),
  n: xs.length,
});

async function measure(doc: BenchDocument) {
  const c = new LspClient();
  const t0 = Date.now();
  await c.initialize();
  c.open(doc.uri, doc.text, doc.languageId, 1);
  await c.waitForDiagnostics(doc.uri, () => true, 60000);
  const firstDiagnosticsMs = Date.now() - t0;
  const diag: number[] = [],
    completion: number[] = [],
    hover: number[] = [],
    action: number[] = [];
  for (let i = 0; i < EDITS; i++) {
    const version = i + 2;
    const start = process.hrtime.bigint();
    const published = new Promise<void>(resolve =>
      c.on('textDocument/publishDiagnostics', p => {
        if (p.uri === doc.uri && p.version === version) resolve();
      }),
    );
    c.change(doc.uri, doc.edit(i), version);
    await published;
    diag.push(Number(process.hrtime.bigint() - start) / 1e6);
    const time = async (f: () => Promise<unknown>, into: number[]) => {
      const s = process.hrtime.bigint();
      await f();
      into.push(Number(process.hrtime.bigint() - s) / 1e6);
    };
    await time(
      () => c.request('textDocument/completion', { textDocument: { uri: doc.uri }, position: doc.probe }),
      completion,
    );
    await time(() => c.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: doc.probe }), hover);
    await time(
      () =>
        c.request('textDocument/codeAction', {
          textDocument: { uri: doc.uri },
          range: { start: doc.probe, end: doc.probe },
          context: { diagnostics: [] },
        }),
      action,
    );
  }
  await c.shutdown();
  return {
    document: doc.name,
    firstDiagnosticsMs,
    diagnostics: stats(diag),
    completion: stats(completion),
    hover: stats(hover),
    codeAction: stats(action),
  };
}

/** Documents other features contribute (risk files, CDK sources): bench/extra-documents.ts. */
function extraDocuments(): BenchDocument[] {
  return (require('./extra-documents') as { extraDocuments(): BenchDocument[] }).extraDocuments();
}

async function main() {
  const docs = [templateDoc(1000), templateDoc(5000), templateDoc(20000), ...extraDocuments()];
  const results = [];
  for (const d of docs) {
    results.push(await measure(d));
    process.stderr.write(`measured ${d.name}\n`);
  }
  const machine =
    `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
    `Node ${process.version}`;
  fs.mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  fs.writeFileSync(
    path.join(ROOT, 'bench/results/lsp.json'),
    JSON.stringify({ machine, edits: EDITS, results }, null, 2),
  );
  const f = (s: { p50: number; p95: number; p99: number }) =>
    `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.p99.toFixed(1)}`;
  console.log(`machine: ${machine}; ${EDITS} edits per document; times in ms (p50 / p95 / p99)\n`);
  console.log(
    '| document | start-up → first diagnostics | didChange → diagnostics | completion | hover | code ' +
      'action |\n|---|---|---|---|---|---|',
  );
  for (const r of results)
    console.log(
      `| ${r.document} | ${r.firstDiagnosticsMs} | ${f(r.diagnostics)} | ${f(r.completion)} | ` +
        `${f(r.hover)} | ${f(r.codeAction)} |`,
    );
}

if (require.main === module)
  main().catch(e => {
    console.error(e);
    process.exit(1);
  });
