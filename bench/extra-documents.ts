/** The risk file and the CDK stack the stdio latency benchmark measures beside the templates (see lsp-bench.ts). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { BenchDocument } from './lsp-bench';
import { riskFile, template } from './risk-bench';

const { generateStack } = require(path.resolve(__dirname, '../../bench/cdk-bench.js')) as {
  generateStack(lines: number): string;
};

export function extraDocuments(): BenchDocument[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-lsp-bench-'));
  for (const n of [1, 2, 3]) fs.writeFileSync(path.join(dir, `t${n}.yaml`), template(n));
  const risk = riskFile(300);
  const riskProbe = risk.split('\n').findIndex(l => l.includes('scenarios: ['));
  const cdk = generateStack(1500);
  const cdkLines = cdk.split('\n');
  const cdkProbe = cdkLines.findIndex(l => l.includes('new s3.Bucket('));
  return [
    {
      name: `risk file, 300 risks (${risk.split('\n').length} lines) + 3 linked templates`,
      uri: pathToFileURL(path.join(dir, 'bench.risk.yaml')).href,
      languageId: 'iryo-risk',
      text: risk,
      edit: i =>
        risk.replace(`description: risk number ${i % 300}\n`, `description: risk number ${i % 300} (edited ${i})\n`),
      probe: { line: riskProbe, character: 17 },
    },
    {
      name: `CDK stack, ${cdkLines.length} lines`,
      uri: pathToFileURL(path.join(dir, 'ehr-stack.ts')).href,
      languageId: 'typescript',
      text: cdk,
      edit: i => cdk.replace(/'Bucket(\d+)'/, (_m, n) => `'Bucket${n}e${i}'`),
      probe: { line: cdkProbe, character: cdkLines[cdkProbe].indexOf('Bucket') + 2 },
    },
  ];
}
