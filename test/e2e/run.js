#!/usr/bin/env node
// End-to-end tests in a real VS Code (code-server) driven through Chromium, as a person would use the extension.
// Usage: node test/e2e/run.js [name-filter]   (the .vsix comes from `npm run package`)
// Selection: a scenario runs when its file name or title contains the argument, or any comma-separated part of
// IRYO_E2E_FILTER; IRYO_E2E_EXCLUDE leaves out matching scenarios, and each one left out is printed.
// Each scenario module in scenarios/ exports { name, workspace, settings?, locale?, restricted?, timeoutMs?, run(page,
// h) }. code-server starts once per distinct settings/locale; the browser is shared.
// A failed scenario runs once more on a fresh copy of its workspace (IRYO_E2E_RETRIES, default 1): the workbench's
// timing on a loaded 2-core machine varies. The first failure is printed in full and the summary counts retries, so a
// flaky scenario stays visible; a scenario that fails every attempt fails the suite.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { chromium } = require('playwright-core');
const { startCodeServer, assertInstalled, killAll } = require('./lib/codeServer');
const { helpers } = require('./lib/workbench');

const ROOT = path.resolve(__dirname, '../..');
const VSIX = process.env.IRYO_E2E_VSIX || path.join(ROOT, 'dist/iryo-guard.vsix');
const ARTIFACTS = path.join(__dirname, 'artifacts');
const CHROMIUM = process.env.IRYO_E2E_CHROMIUM || '/usr/bin/chromium';
// The whole run's limit: 75 s per selected scenario, at least 7 minutes (a slow shared machine needs it).
const SUITE_TIMEOUT_MS_PER_SCENARIO = 75000;
const RETRIES = Number(process.env.IRYO_E2E_RETRIES ?? 1);
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

let browser;
const temps = [];

async function cleanup() {
  // Playwright kills the browser it launched when it closes or when this process exits.
  if (browser) {
    const b = browser;
    browser = undefined;
    await b.close().catch(() => undefined);
  }
  killAll();
  for (const t of temps.splice(0)) fs.rmSync(t, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(sig, () => {
    void cleanup().finally(() => process.exit(130));
  });
process.on('exit', () => killAll());

const parts = value =>
  (value || '')
    .split(',')
    .map(x => x.trim())
    .filter(Boolean);
const matches = (s, words) => words.some(w => s.name.includes(w) || s.file.includes(w));

function loadScenarios(filter) {
  const dir = path.join(__dirname, 'scenarios');
  const wanted = [...parts(filter), ...parts(process.env.IRYO_E2E_FILTER)];
  const unwanted = parts(process.env.IRYO_E2E_EXCLUDE);
  const all = fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.js'))
    .sort()
    .map(f => ({ file: f, ...require(path.join(dir, f)) }))
    .filter(s => !wanted.length || matches(s, wanted));
  const excluded = all.filter(s => matches(s, unwanted));
  for (const s of excluded) console.log(`  excluded by IRYO_E2E_EXCLUDE: ${s.file} (${s.name})`);
  return { scenarios: all.filter(s => !excluded.includes(s)), excluded: excluded.length };
}

/** Copies a workspace so a scenario's edits never touch the repository. */
function copyWorkspace(name) {
  const src = path.join(__dirname, 'workspaces', name);
  if (!fs.existsSync(src)) throw new Error(`workspace ${name} does not exist under test/e2e/workspaces/`);
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), `iryo-ws-${name}-`));
  temps.push(dest);
  fs.cpSync(src, dest, { recursive: true });
  return dest;
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

async function runScenario(server, s) {
  const folder = copyWorkspace(s.workspace);
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    locale: s.browserLocale || 'en-US',
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const shot = path.join(ARTIFACTS, `${s.file.replace(/\.js$/, '')}.png`);
  const t0 = Date.now();
  try {
    await page.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
    await page.waitForSelector('.monaco-workbench .explorer-folders-view, .monaco-workbench .explorer-viewlet', {
      timeout: 60000,
    });
    await withTimeout(s.run(page, helpers(page, folder)), s.timeoutMs || 60000, s.name);
    await page.screenshot({ path: shot });
    return { ok: true, ms: Date.now() - t0, shot };
  } catch (e) {
    await page.screenshot({ path: shot }).catch(() => undefined);
    return { ok: false, ms: Date.now() - t0, shot, error: e, log: server.logFile, pageErrors: errors };
  } finally {
    await context.close().catch(() => undefined);
  }
}

function printFailure(r) {
  console.log(
    `       ${String((r.error && r.error.stack) || r.error)
      .split('\n')
      .join('\n       ')}`,
  );
  if (r.pageErrors.length) console.log(`       page errors: ${r.pageErrors.slice(0, 5).join(' | ')}`);
  const log = fs
    .readFileSync(r.log, 'utf8')
    .split('\n')
    .filter(l => /error|iryo-guard|iryoGuard/i.test(l) && !/vsda/.test(l))
    .slice(-15);
  if (log.length) console.log(`       code-server log (${r.log}):\n         ${log.join('\n         ')}`);
}

/** Results so far, so that a suite timeout still reports what passed. */
const tally = { passed: 0, failed: 0, retried: 0 };

async function main(scenarios, excluded) {
  const t0 = Date.now();
  if (!fs.existsSync(VSIX)) throw new Error(`${VSIX} not found; run \`npm run package\` first`);
  assertInstalled();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  if (!scenarios.length) throw new Error('no scenarios matched');
  const groups = new Map();
  for (const s of scenarios) {
    const key = JSON.stringify({ settings: s.settings || {}, locale: s.locale || '', restricted: !!s.restricted });
    groups.set(key, [...(groups.get(key) || []), s]);
  }
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  for (const group of groups.values()) {
    const { settings, locale, restricted } = group[0];
    const tStart = Date.now();
    const server = await startCodeServer({ vsix: VSIX, settings, locale, restricted });
    temps.push(server.root);
    console.log(
      `code-server up in ${Date.now() - tStart} ms (${group.length} scenario(s), settings ` +
        `${JSON.stringify(settings || {})}${locale ? `, locale ${locale}` : ''}` +
        `${restricted ? ', Restricted Mode' : ''})`,
    );
    try {
      for (const s of group) {
        for (let attempt = 1; ; attempt++) {
          const r = await runScenario(server, s);
          const label = attempt > 1 ? ` (attempt ${attempt})` : '';
          if (r.ok) {
            tally.passed++;
            if (attempt > 1) tally.retried++;
            console.log(`  ok   ${s.name}${label} (${r.ms} ms) screenshot: ${path.relative(ROOT, r.shot)}`);
            break;
          }
          const last = attempt > RETRIES;
          console.log(
            `  ${last ? 'FAIL' : 'fail'} ${s.name}${label} (${r.ms} ms) screenshot: ` +
              `${path.relative(ROOT, r.shot)}${last ? '' : ' (will retry)'}`,
          );
          printFailure(r);
          if (last) {
            tally.failed++;
            break;
          }
        }
      }
    } finally {
      await server.stop();
    }
  }
  console.log(`e2e total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { ...tally, excluded };
}

const selected = loadScenarios(process.argv[2]);
const suiteTimeoutMs =
  Number(process.env.IRYO_E2E_SUITE_TIMEOUT_MS) ||
  Math.max(420000, SUITE_TIMEOUT_MS_PER_SCENARIO * selected.scenarios.length);
withTimeout(main(selected.scenarios, selected.excluded), suiteTimeoutMs, 'the e2e suite')
  .then(async ({ passed, failed, retried, excluded }) => {
    await cleanup();
    console.log(
      `e2e: ${passed} passed${retried ? ` (${retried} on a retry)` : ''}, ${failed} ` +
        `failed${excluded ? `, ${excluded} excluded by IRYO_E2E_EXCLUDE` : ''}`,
    );
    process.exit(failed ? 1 : 0);
  })
  .catch(async e => {
    console.error(`e2e: ${e.stack || e.message}`);
    await cleanup();
    const notRun = selected.scenarios.length - tally.passed - tally.failed;
    console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed, ${notRun} not run (${e.message})`);
    process.exit(1);
  });
