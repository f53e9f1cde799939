/**
 * Benchmark: diagnostics for a generated 300-risk file linked to three templates, after the first parse.
 * Run after a build: npx tsc -p . && node out/bench/risk-bench.js [runs]
 * The templates' analyses are cached as the language server caches them; each run re-analyses the risk file.
 */
import { performance } from 'perf_hooks';
import { analyze, Analysis, defaultSettings, EngineContext } from '../server/src/engine';
import { defaultCatalog } from '../server/src/host/resources';

const catalog = defaultCatalog();
const scenarios = [...catalog.scenarios.keys()];
const threats = [...catalog.threats.keys()];
const base = 'file:///bench/';

export function template(n: number): string {
  const out = ['AWSTemplateFormatVersion: "2010-09-09"', 'Resources:'];
  for (let i = 0; i < 40; i++) {
    const encrypted = (i + n) % 7 !== 0;
    out.push(`  Bucket${n}x${i}:`, '    Type: AWS::S3::Bucket', '    Properties:');
    if (encrypted)
      out.push(
        '      BucketEncryption:',
        '        ServerSideEncryptionConfiguration:',
        '          - ServerSideEncryptionByDefault:',
        '              SSEAlgorithm: aws:kms',
      );
    out.push(
      '      PublicAccessBlockConfiguration:',
      '        BlockPublicAcls: true',
      '        BlockPublicPolicy: true',
      '        IgnorePublicAcls: true',
      '        RestrictPublicBuckets: true',
    );
    out.push(`  Key${n}x${i}:`, '    Type: AWS::KMS::Key', '    Properties:', '      EnableKeyRotation: true');
  }
  return out.join('\n') + '\n';
}

export function riskFile(count: number): string {
  const out = [
    'assessment:',
    '  id: bench',
    '  guideline: metimic-1.1',
    '  acceptance: C',
    '  iac: [t1.yaml, t2.yaml, t3.yaml]',
    'flows:',
  ];
  for (let f = 1; f <= 10; f++)
    out.push(`  - id: F${f}`, `    description: flow ${f}`, '    classification: patient-personal');
  out.push('risks:');
  for (let i = 0; i < count; i++) {
    const s = [scenarios[i % scenarios.length], scenarios[(i * 7 + 3) % scenarios.length]];
    const impact = 1 + (i % 5),
      likelihood = 1 + ((i * 3) % 5);
    out.push(
      `  - id: R${i}`,
      `    flow: F${1 + (i % 10)}`,
      `    threat: ${threats[i % threats.length]}`,
      `    scenarios: [${s.map(x => JSON.stringify(x)).join(', ')}]`,
      `    description: risk number ${i}`,
      `    impact: ${impact}`,
      `    likelihood: ${likelihood}`,
      '    treatment: reduce',
      '    controls:',
      '      - perspective: technical',
      '        owner: provider',
      `        measure: control ${i}`,
      '        services: [s3, kms]',
      `        rules: [${i % 3 === 0 ? 's3-bucket-encryption' : 's3-public-access-block'}]`,
      `        guidelines: ["6.3 C3", "シス14①"]`,
      '      - perspective: organizational',
      '        owner: institution',
      `        measure: procedure ${i}`,
      `    residual: { impact: ${Math.max(1, impact - 2)}, likelihood: 1 }`,
      '    justification: bench',
      '    acceptedBy: bench',
    );
  }
  return out.join('\n') + '\n';
}

if (require.main === module) main();

function main() {
  const files: Record<string, string> = {
    [`${base}t1.yaml`]: template(1),
    [`${base}t2.yaml`]: template(2),
    [`${base}t3.yaml`]: template(3),
  };
  const cache = new Map<string, Analysis>();
  const ctx: EngineContext = {
    catalog,
    settings: { ...defaultSettings },
    readFile: uri => files[uri],
    analysisOf: uri => {
      if (!cache.has(uri) && files[uri] !== undefined) cache.set(uri, analyze(uri, files[uri], ctx));
      return cache.get(uri);
    },
  };

  const runs = Number(process.argv[2] ?? 100);
  const text = riskFile(300);
  const uri = `${base}bench.risk.yaml`;
  const first = performance.now();
  const a = analyze(uri, text, ctx);
  const firstMs = performance.now() - first;
  if (a.kind !== 'risk') throw new Error('bench file was not analysed as a risk file');
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    analyze(uri, text, ctx);
    times.push(performance.now() - t);
  }
  // An edit: the text differs every run, so the risk file is parsed again as well (the templates stay cached).
  const edits: number[] = [];
  for (let i = 0; i < runs; i++) {
    const edited = text.replace('risk number 0\n', `risk number 0 (edit ${i})\n`);
    const t = performance.now();
    analyze(uri, edited, ctx);
    edits.push(performance.now() - t);
  }
  const pct = (list: number[], p: number) =>
    [...list].sort((x, y) => x - y)[Math.min(list.length - 1, Math.floor(p * list.length))];
  const q = (p: number) => pct(times, p);
  const byRule = new Map<string, number>();
  for (const f of a.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
  console.log(`risk file: 300 risks, ${text.split('\n').length} lines, 3 linked templates × 80 resources`);
  console.log(`findings: ${a.findings.length} (${[...byRule].map(([r, n]) => `${r} ${n}`).join(', ')})`);
  console.log(`first analysis (templates included): ${firstMs.toFixed(1)} ms`);
  console.log(
    `diagnostics after the first parse (template changed, risk text unchanged), ${runs} runs: p50 ` +
      `${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms`,
  );
  console.log(
    `re-parse + diagnostics after an edit to the risk file, ${runs} runs: p50 ` +
      `${pct(edits, 0.5).toFixed(1)} ms, p95 ${pct(edits, 0.95).toFixed(1)} ms`,
  );
}
