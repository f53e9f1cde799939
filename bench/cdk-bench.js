#!/usr/bin/env node
/**
 * CDK analysis benchmark (not a test). Run after `npm run build && npx tsc -p .`:
 *   node bench/cdk-bench.js
 * - first parse + analysis of a generated 1,500-line CDK stack in a fresh process, and separately the one-off load of
 *   the TypeScript compiler before it;
 * - diagnostics (parse + model + rules) p50/p95 over 60 runs after that;
 * - language server start-up (initialize round trip) and RSS, before and after the first CDK document loads TypeScript.
 */
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'bench/results');
fs.mkdirSync(outDir, { recursive: true });

function generateStack(lines) {
  const head = [
    "import * as cdk from 'aws-cdk-lib';",
    "import * as s3 from 'aws-cdk-lib/aws-s3';",
    "import * as rds from 'aws-cdk-lib/aws-rds';",
    "import * as kms from 'aws-cdk-lib/aws-kms';",
    "import * as logs from 'aws-cdk-lib/aws-logs';",
    "import * as ec2 from 'aws-cdk-lib/aws-ec2';",
    "import { Construct } from 'constructs';",
    '',
    'export class BigStack extends cdk.Stack {',
    '  constructor(scope: Construct, id: string, props: cdk.StackProps & { vpc: ec2.IVpc }) {',
    '    super(scope, id, props);',
  ];
  const blocks = [
    i => [`    const key${i} = new kms.Key(this, 'Key${i}', { enableKeyRotation: ${i % 2 === 0} });`],
    i => [
      `    new s3.Bucket(this, 'Bucket${i}', {`,
      `      encryption: s3.BucketEncryption.${i % 3 ? 'KMS' : 'S3_MANAGED'},`,
      `      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,`,
      `      enforceSSL: true,`,
      `      versioned: ${i % 2 === 0},`,
      `    });`,
    ],
    i => [
      `    new rds.DatabaseInstance(this, 'Db${i}', {`,
      `      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),`,
      `      vpc: props.vpc,`,
      `      storageEncrypted: ${i % 2 === 0},`,
      `      multiAz: true,`,
      `      backupRetention: cdk.Duration.days(${7 + (i % 20)}),`,
      `    });`,
    ],
    i => [
      `    new logs.LogGroup(this, 'Logs${i}', { retention: ` +
        `logs.RetentionDays.${i % 2 ? 'FIVE_YEARS' : 'ONE_MONTH'} });`,
    ],
    i => [
      `    const sg${i} = new ec2.SecurityGroup(this, 'Sg${i}', { vpc: props.vpc });`,
      `    sg${i}.addIngressRule(ec2.Peer.ipv4('10.0.0.0/16'), ec2.Port.tcp(${1000 + i}));`,
    ],
  ];
  const body = [];
  for (let i = 0; body.length < lines - head.length - 3; i++) body.push(...blocks[i % blocks.length](i), '');
  return [...head, ...body, '  }', '}', ''].join('\n');
}

const text = generateStack(1500);
const file = path.join(outDir, 'big-stack.ts');
fs.writeFileSync(file, text);

// One fresh process: first parse (TypeScript load included), then repeated diagnostics.
const worker = `
const engine = ${JSON.stringify(path.join(root, 'out/server/src/engine'))};
const { analyze, defaultCatalog, defaultSettings } = require(engine);
const fs = require('fs');
const text = fs.readFileSync(${JSON.stringify(file)}, 'utf8');
const ctx = { catalog: defaultCatalog(), settings: defaultSettings };
const uri = 'file://' + ${JSON.stringify(file)};
let t = process.hrtime.bigint();
require(${JSON.stringify(path.join(root, 'out/server/src/engine/cdk/ts-loader'))}).typescript();
const loadTypeScriptMs = Number(process.hrtime.bigint() - t) / 1e6;
t = process.hrtime.bigint();
const first = analyze(uri, text, ctx);
const firstMs = Number(process.hrtime.bigint() - t) / 1e6;
const runs = [];
for (let i = 0; i < 60; i++) {
  const edited = text.replace('enableKeyRotation: true', 'enableKeyRotation: ' + (i % 2 === 0));
  t = process.hrtime.bigint();
  analyze(uri, edited, ctx);
  runs.push(Number(process.hrtime.bigint() - t) / 1e6);
}
runs.sort((a, b) => a - b);
const q = p => runs[Math.min(runs.length - 1, Math.floor(p * runs.length))];
console.log(JSON.stringify({
  lines: text.split('\\n').length, resources: first.model.resources.length, findings: first.findings.length,
  loadTypeScriptMs, firstParseMs: firstMs, firstParseWithLoadMs: loadTypeScriptMs + firstMs,
  p50Ms: q(0.5), p95Ms: q(0.95), runs: runs.length,
}));
`;
const analysis = JSON.parse(execFileSync(process.execPath, ['-e', worker], { encoding: 'utf8' }));

function rssKB(pid) {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** Starts dist/server.js, times initialize, reads RSS; optionally opens the CDK file and waits for its diagnostics. */
function serverRun(openCdk) {
  return new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    const proc = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, IRYO_GUARD_DEBOUNCE_MS: '0' },
    });
    let buf = Buffer.alloc(0);
    const send = m => {
      const b = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...m }));
      proc.stdin.write(`Content-Length: ${b.length}\r\n\r\n`);
      proc.stdin.write(b);
    };
    const result = {};
    let openedAt;
    proc.stdout.on('data', chunk => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        const h = buf.indexOf('\r\n\r\n');
        if (h < 0) return;
        const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, h).toString())[1]);
        if (buf.length < h + 4 + len) return;
        const msg = JSON.parse(buf.subarray(h + 4, h + 4 + len).toString());
        buf = buf.subarray(h + 4 + len);
        if (msg.id === 1) {
          result.initializeMs = Number(process.hrtime.bigint() - t0) / 1e6;
          send({ method: 'initialized', params: {} });
          setTimeout(() => {
            result.rssKB = rssKB(proc.pid);
            if (!openCdk) {
              proc.kill();
              resolve(result);
              return;
            }
            openedAt = process.hrtime.bigint();
            send({
              method: 'textDocument/didOpen',
              params: { textDocument: { uri: 'file://' + file, languageId: 'typescript', version: 1, text } },
            });
          }, 300);
        } else if (msg.method === 'textDocument/publishDiagnostics' && openCdk) {
          result.firstCdkDiagnosticsMs = Number(process.hrtime.bigint() - openedAt) / 1e6;
          setTimeout(() => {
            result.rssAfterCdkKB = rssKB(proc.pid);
            proc.kill();
            resolve(result);
          }, 300);
        } else if (msg.id !== undefined && msg.method) send({ id: msg.id, result: null });
      }
    });
    proc.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {} } });
  });
}

if (require.main === module)
  (async () => {
    const plain = [];
    const cdk = [];
    for (let i = 0; i < 5; i++) {
      plain.push(await serverRun(false));
      cdk.push(await serverRun(true));
    }
    const median = (xs, k) => xs.map(x => x[k]).sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const size = f => fs.statSync(path.join(root, 'dist', f)).size;
    const report = {
      analysis,
      server: {
        initializeMsMedian: median(plain, 'initializeMs'),
        rssKBBeforeAnyCdkFile: median(plain, 'rssKB'),
        firstCdkDiagnosticsMsMedian: median(cdk, 'firstCdkDiagnosticsMs'),
        rssKBAfterFirstCdkFile: median(cdk, 'rssAfterCdkKB'),
      },
      bundle: { serverJsBytes: size('server.js'), typescriptJsBytes: size('typescript.js') },
    };
    fs.writeFileSync(path.join(outDir, 'cdk-bench.json'), JSON.stringify(report, null, 2));
    console.log(JSON.stringify(report, null, 2));
  })();

module.exports = { generateStack };
