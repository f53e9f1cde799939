#!/usr/bin/env node
// Runs the extension-host tests of .vscode-test.mjs in code-server's extension host instead of a downloaded VS Code.
// Usage: node test/vscode/code-server/run.js [label…]   (after `npm run build && npm run compile`)
//
// `vscode-test --list-configuration` prints, per configuration, what @vscode/test-cli would hand to VS Code: the
// workspace, the extension development path, test-cli's own mocha runner and its options (VSCODE_TEST_OPTIONS: test
// files, mocha settings). For each, this opens the workspace in code-server 4.100.3 through Chromium with the web
// workbench's development payload (`?payload=[["extensionDevelopmentPath",…],["extensionTestsPath",…]]`, how VS Code
// for the Web opens an Extension Development Host). The remote extension host loads iryo-guard from this repository,
// runs the runner, and reports the exit code through `window.codeAutomationExit`, as with @vscode/test-web. The
// runner is reached through a two-line shim that sets VSCODE_TEST_OPTIONS, so one code-server serves every
// configuration; mocha's spec output goes to a file (file-reporter.js) printed as it grows.
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');
const { chromium } = require('playwright-core');
const { assertInstalled, killAll, startCodeServer } = require('../../e2e/lib/codeServer');

const ROOT = path.resolve(__dirname, '../../..');
const CHROMIUM = process.env.IRYO_E2E_CHROMIUM || '/usr/bin/chromium';
const TIMEOUT_MS = Number(process.env.IRYO_VSCODE_TEST_TIMEOUT_MS || 300000);
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

/** What @vscode/test-cli would run, per configuration (its own JSON dump, so nothing is re-implemented here). */
function configurations(labels) {
  const bin = path.join(ROOT, 'node_modules/@vscode/test-cli/out/bin.mjs');
  const args = [bin, '--list-configuration', ...labels.flatMap(l => ['--label', l])];
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' }));
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Prints the lines appended to `file` since the last call, indented. */
function tailer(file) {
  let printed = 0;
  return () => {
    if (!fs.existsSync(file)) return;
    const text = fs.readFileSync(file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end <= printed) return;
    for (const line of text.slice(printed, end - 1).split('\n')) console.log(line.trim() ? `  ${line}` : '');
    printed = end;
  };
}

/** A runner module that sets the options test-cli would pass in the environment, then is test-cli's runner. */
function runnerShim(dir, prepared, report) {
  const options = JSON.parse(prepared.env.VSCODE_TEST_OPTIONS);
  options.mochaOpts = {
    ...options.mochaOpts,
    reporter: path.join(__dirname, 'file-reporter.js'),
    reporterOptions: { output: report },
    color: false,
  };
  const shim = path.join(dir, `${prepared.config.label}-runner.js`);
  fs.writeFileSync(
    shim,
    `process.env.VSCODE_TEST_OPTIONS = ${JSON.stringify(JSON.stringify(options))};\n` +
      `module.exports = require(${JSON.stringify(prepared.extensionTestsPath)});\n`,
  );
  return shim;
}

async function runOne(browser, server, prepared, tmp) {
  const label = prepared.config.label;
  const report = path.join(tmp, `${label}-mocha.txt`);
  const runner = runnerShim(tmp, prepared, report);
  const t0 = Date.now();
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  const print = tailer(report);
  const ticker = setInterval(print, 250);
  try {
    let exit;
    const exited = new Promise(resolve => (exit = resolve));
    await page.exposeFunction('codeAutomationExit', code => exit(code));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      if (type === 'error') problems.push(util.format(...args));
    });
    page.on('pageerror', e => problems.push(e.message));
    const remote = p => `vscode-remote://${new URL(server.url).host}${p}`;
    const payload = [
      ...prepared.extensionDevelopmentPath.map(p => ['extensionDevelopmentPath', remote(p)]),
      ['extensionTestsPath', remote(runner)],
    ];
    const folder = path.resolve(path.dirname(prepared.path), prepared.config.workspaceFolder);
    console.log(`vscode tests "${label}" in code-server's extension host (workspace ${path.relative(ROOT, folder)})`);
    await page.goto(
      `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
    );
    const code = await withTimeout(exited, TIMEOUT_MS, `the "${label}" extension-host tests`);
    print();
    if (code !== 0) {
      // Mocha's report above says what failed; when it is empty the runner never started, and the logs say why.
      const noise = /open-vsx|vsda|ENOTFOUND|marketplace|getaddrinfo|\d+ tests? failed\./i;
      for (const p of problems.filter(x => !noise.test(x)).slice(-10)) console.log(`  log: ${p.split('\n')[0]}`);
      if (!fs.existsSync(report) || !fs.readFileSync(report, 'utf8').trim()) {
        console.log('  mocha printed nothing: the test runner did not start. code-server log:');
        const log = fs.readFileSync(server.logFile, 'utf8').trim().split('\n').slice(-15);
        for (const l of log) console.log(`    ${l}`);
      }
    }
    return { label, ok: code === 0, ms: Date.now() - t0 };
  } finally {
    clearInterval(ticker);
    await context.close().catch(() => undefined);
  }
}

async function main() {
  assertInstalled();
  for (const f of ['dist/extension.js', 'dist/server.js']) {
    if (!fs.existsSync(path.join(ROOT, f))) throw new Error(`${f} not found; run \`npm run build\` first`);
  }
  const configs = configurations(process.argv.slice(2));
  const missing = configs.filter(c => !JSON.parse(c.env.VSCODE_TEST_OPTIONS).files.length).map(c => c.config.label);
  if (missing.length) throw new Error(`no compiled test files for ${missing.join(', ')}; run \`npm run compile\``);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-vscode-test-'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  const server = await startCodeServer({});
  try {
    const results = [];
    for (const c of configs) results.push(await runOne(browser, server, c, tmp));
    return results;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(server.root, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    killAll();
    process.exit(130);
  });
process.on('exit', () => killAll());

main()
  .then(results => {
    const failed = results.filter(r => !r.ok);
    const each = results.map(r => `${r.label} ${r.ok ? 'passed' : 'FAILED'} (${(r.ms / 1000).toFixed(1)} s)`);
    console.log(`vscode (code-server extension host): ${each.join(', ')}`);
    process.exit(failed.length ? 1 : 0);
  })
  .catch(e => {
    console.error(`vscode (code-server extension host): ${e.stack || e.message}`);
    killAll();
    process.exit(1);
  });
