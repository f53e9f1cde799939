#!/usr/bin/env node
// The two ends of `npm test` around the build, the unit and the protocol tests (see test/prerequisites.js for policy):
//   node test/real-editor.js setup   installs what the real-editor tests and the Neovim check lack, where it can;
//                                    under CI a missing prerequisite stops the run here, before the long build.
//   node test/real-editor.js run     packs the .vsix and runs the e2e scenarios (test/e2e) and the extension-host
//                                    tests in code-server (test/vscode); when they cannot run, ends with one line
//                                    saying what was not run and why, and exits 0 for that reason alone.
'use strict';
const { spawnSync } = require('child_process');
const path = require('path');
const { decide, probe } = require('./prerequisites');

const ROOT = path.resolve(__dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function sh(cmd, args, env = {}) {
  console.log(`> ${[cmd, ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function notRunLine(d) {
  return `npm test: not run — ${d.notRun.join('; ')}`;
}

function setup() {
  const d = decide(probe(), { installing: true });
  if (d.status === 'error') {
    console.error(notRunLine(d));
    process.exit(1);
  }
  if (d.status !== 'install') return;
  if (d.apt.length) {
    console.log(`real-editor tests: installing ${d.apt.join(', ')} with apt-get (once)`);
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (!sh('apt-get', ['update', '-qq'], env)) console.log('apt-get update failed; trying the package lists on disk');
    sh('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...d.apt], env);
  }
  if (d.codeServer) {
    console.log('real-editor tests: installing code-server into the cache (once; npm run e2e:install does the same)');
    sh('bash', [path.join(__dirname, 'e2e/install-code-server.sh')], d.installEnv);
  }
  // Whatever failed shows above; `run` names it in its last line. Set-up itself never fails the run outside CI.
}

function run() {
  const d = decide(probe());
  if (d.status === 'error') {
    console.error(notRunLine(d));
    process.exit(1);
  }
  let ok = true;
  if (d.realEditor) {
    ok = sh(npm, ['run', 'package']) && ok;
    if (ok) {
      ok = sh(process.execPath, [path.join(__dirname, 'e2e/run.js')]) && ok;
      ok = sh(process.execPath, [path.join(__dirname, 'vscode/code-server/run.js')]) && ok;
    }
  }
  if (d.notRun.length) console.log(notRunLine(d));
  process.exit(ok ? 0 : 1);
}

const command = process.argv[2];
if (command === 'setup') setup();
else if (command === 'run') run();
else {
  console.error('usage: node test/real-editor.js setup|run');
  process.exit(2);
}
