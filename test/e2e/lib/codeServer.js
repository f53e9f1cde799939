// Starts and stops code-server (the real VS Code workbench served to a browser) with a fresh profile.
'use strict';
const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
const HOME = process.env.IRYO_E2E_HOME || path.join(os.homedir(), '.cache/iryo-guard-e2e/code-server');
const BIN = path.join(HOME, 'node_modules/.bin/code-server');

/** Workbench defaults that keep the first window quiet and offline. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'editor.hover.delay': 100,
  'editor.quickSuggestionsDelay': 10,
  'files.autoSave': 'off',
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.colorTheme': 'Default Light Modern',
};

function assertInstalled() {
  let version = '';
  try {
    version = execFileSync(BIN, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported below */
  }
  if (!version.startsWith(CODE_SERVER_VERSION)) {
    throw new Error(
      `code-server ${CODE_SERVER_VERSION} is not installed at ${HOME} (found: ${version || 'nothing'}). ` +
        'Run test/e2e/install-code-server.sh first.',
    );
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Processes started here, killed by process group on any exit path. */
const started = new Set();
function killAll() {
  for (const child of started) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  started.clear();
}

async function waitForHealth(url, child, logFile, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}); log: ${logFile}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise(r => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within ${timeoutMs} ms; log: ${logFile}`);
}

/**
 * A fresh profile (user data, extensions, XDG dirs) with the .vsix installed (when given) and `settings` merged into
 * the user settings, then code-server on a free loopback port with `env` added to its environment (its extension
 * host inherits it). Returns { url, root, stop }.
 */
async function startCodeServer({ vsix, settings = {}, locale, restricted = false, env: extraEnv = {} }) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-e2e-'));
  const dirs = { ud: path.join(root, 'user-data'), ext: path.join(root, 'extensions') };
  fs.mkdirSync(path.join(dirs.ud, 'User'), { recursive: true });
  fs.mkdirSync(dirs.ext, { recursive: true });
  // Restricted Mode: workspace trust on, folders untrusted, no prompt (the workbench opens them restricted).
  const trust = restricted
    ? {
        'security.workspace.trust.enabled': true,
        'security.workspace.trust.startupPrompt': 'never',
        'security.workspace.trust.emptyWindow': false,
        'security.workspace.trust.untrustedFiles': 'open',
      }
    : {};
  fs.writeFileSync(
    path.join(dirs.ud, 'User/settings.json'),
    JSON.stringify({ ...BASE_SETTINGS, ...trust, ...settings }, null, 2),
  );
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(root, 'xdg-config'),
    XDG_DATA_HOME: path.join(root, 'xdg-data'),
    XDG_CACHE_HOME: path.join(root, 'xdg-cache'),
    HOME: process.env.HOME,
    ...extraEnv,
  };
  const common = ['--config', path.join(root, 'config.yaml'), '--user-data-dir', dirs.ud, '--extensions-dir', dirs.ext];
  if (vsix) execFileSync(BIN, [...common, '--install-extension', vsix], { env, stdio: 'pipe' });
  const port = await freePort();
  const logFile = path.join(root, 'code-server.log');
  const log = fs.openSync(logFile, 'w');
  const args = [
    ...common,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (!restricted) args.push('--disable-workspace-trust');
  if (locale) args.push('--locale', locale);
  const child = spawn(BIN, args, { env, detached: true, stdio: ['ignore', log, log] });
  started.add(child);
  child.on('exit', () => started.delete(child));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, logFile, 60000);
  return {
    url,
    root,
    logFile,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const deadline = Date.now() + 3000;
      while (child.exitCode === null && child.signalCode === null && Date.now() < deadline)
        await new Promise(r => setTimeout(r, 50));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* exited */
      }
      started.delete(child);
    },
  };
}

module.exports = { startCodeServer, assertInstalled, killAll, CODE_SERVER_VERSION, HOME, BIN };
