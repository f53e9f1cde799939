// What the real-editor tests (test/e2e scenarios, test/vscode in code-server) and the Neovim LSP check need, whether
// this machine has it, and what `npm test` does about it. `decide` is pure (unit-tested in
// test/unit/prerequisites.test.ts with faked facts); `probe` reads the machine.
//
// Policy:
//  - CI (CI set, and not "false"/"0"): anything missing is an error; .ci/run installs everything first.
//  - Elsewhere, `npm test` installs what it can: code-server from npm into the cache (test/e2e/install-code-server.sh)
//    when the Debian packages its native modules need are present or can be installed; Chromium and Neovim with
//    apt-get only when running as root on Debian. Whatever is still missing is skipped, and the run ends with one line
//    saying what was not run and why, exiting 0 for that reason alone.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
const DEFAULT_CHROMIUM = '/usr/bin/chromium';
/** Debian packages the code-server install builds its native modules with (and ripgrep, which it seeds from rg). */
const BUILD_PACKAGES = ['build-essential', 'pkg-config', 'python3', 'libkrb5-dev', 'ripgrep'];

function isCI(env) {
  const v = (env.CI || '').trim().toLowerCase();
  return v !== '' && v !== 'false' && v !== '0';
}

/**
 * @typedef {object} Facts
 * @property {boolean} ci
 * @property {boolean} root            running as uid 0
 * @property {boolean} debian          /etc/debian_version and apt-get exist
 * @property {boolean} codeServer      code-server 4.100.3 is completely installed in the cache
 * @property {string} chromiumPath     IRYO_E2E_CHROMIUM or /usr/bin/chromium
 * @property {boolean} chromiumCustom  IRYO_E2E_CHROMIUM is set (then it is never installed for you)
 * @property {boolean} chromium        chromiumPath is an executable file
 * @property {boolean} nvim            `nvim --version` works
 * @property {string[]} missingBuildPackages  BUILD_PACKAGES that dpkg does not list as installed
 *
 * @typedef {object} Decision
 * @property {'ready'|'install'|'skip'|'error'} status
 *   ready: run everything; install: try `apt` / `codeServer`, then decide again with installing=false;
 *   skip: run the rest, then print `notRun` (exit 0); error: stop with `notRun` (exit 1).
 * @property {string[]} apt            Debian packages to apt-get install (status install)
 * @property {boolean} codeServer      run install-code-server.sh (status install)
 * @property {Record<string,string>} installEnv  environment for install-code-server.sh
 * @property {boolean} realEditor      whether the real-editor tests can run
 * @property {boolean} neovim          whether the Neovim check can run
 * @property {string[]} notRun         one reason per part that cannot run
 */

/**
 * What to do, given the facts. With `installing` (the set-up step before the tests) it proposes installs; without
 * (after set-up, or when installing is not wanted) it says what runs and what does not.
 * @param {Facts} f
 * @param {{ installing?: boolean }} [options]
 * @returns {Decision}
 */
function decide(f, { installing = false } = {}) {
  const apt = f.root && f.debian;
  // install-code-server.sh is written for Debian (dpkg, apt-get).
  const canBuild = f.debian && (f.missingBuildPackages.length === 0 || apt);
  const packages = [];
  if (!f.chromium && !f.chromiumCustom && apt) packages.push('chromium');
  if (!f.nvim && apt) packages.push('neovim');
  const installCodeServer = !f.codeServer && canBuild;
  const base = {
    apt: [],
    codeServer: false,
    installEnv: {},
    realEditor: f.codeServer && f.chromium,
    neovim: f.nvim,
    notRun: [],
  };

  if (f.ci) {
    const missing = [];
    if (!f.codeServer) missing.push(`code-server ${CODE_SERVER_VERSION} (bash test/e2e/install-code-server.sh)`);
    if (!f.chromium) missing.push(`Chromium at ${f.chromiumPath} (apt-get install chromium)`);
    if (!f.nvim) missing.push('Neovim (apt-get install neovim)');
    if (!missing.length) return { ...base, status: 'ready' };
    return {
      ...base,
      status: 'error',
      notRun: [`CI is set and this machine lacks ${missing.join(', ')}: .ci/run installs them before npm test`],
    };
  }

  if (installing && (packages.length || installCodeServer)) {
    return {
      ...base,
      status: 'install',
      apt: packages,
      codeServer: installCodeServer,
      // As root the script installs its Debian packages itself; otherwise it must not run sudo in a test run.
      installEnv: apt ? {} : { IRYO_E2E_APT: '0' },
    };
  }

  const notRun = [];
  if (!base.realEditor) {
    const why = [];
    if (!f.codeServer) {
      if (installCodeServer)
        why.push(`code-server ${CODE_SERVER_VERSION} did not install (see above; retry: npm run e2e:install)`);
      else if (!f.debian)
        why.push(`code-server ${CODE_SERVER_VERSION} is not installed (npm run e2e:install sets it up on Debian)`);
      else
        why.push(
          `code-server ${CODE_SERVER_VERSION} is not installed and its native modules need ` +
            `${f.missingBuildPackages.join(' ')} (as root: apt-get install ${f.missingBuildPackages.join(' ')}; ` +
            'then npm run e2e:install)',
        );
    }
    if (!f.chromium) {
      if (f.chromiumCustom) why.push(`IRYO_E2E_CHROMIUM=${f.chromiumPath} is not an executable`);
      else if (apt) why.push(`Chromium did not install (apt-get install chromium failed, see above)`);
      else if (f.debian) why.push(`no Chromium at ${f.chromiumPath} (as root: apt-get install chromium)`);
      else why.push(`no Chromium at ${f.chromiumPath} (install one and set IRYO_E2E_CHROMIUM to its path)`);
    }
    notRun.push(`real-editor tests (e2e and extension host, in code-server + Chromium): ${why.join('; ')}`);
  }
  if (!f.nvim) {
    notRun.push(
      apt
        ? 'Neovim LSP check: Neovim did not install (apt-get install neovim failed, see above)'
        : `Neovim LSP check: nvim is not installed${f.debian ? ' (as root: apt-get install neovim)' : ''}`,
    );
  }
  return { ...base, status: notRun.length ? 'skip' : 'ready', notRun };
}

function codeServerHome(env) {
  return env.IRYO_E2E_HOME || path.join(os.homedir(), '.cache/iryo-guard-e2e/code-server');
}

/** The same completeness test as install-code-server.sh's `installed`. */
function codeServerInstalled(home) {
  const bin = path.join(home, 'node_modules/.bin/code-server');
  const pkg = path.join(home, 'node_modules/code-server/lib/vscode');
  const version = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (version.status !== 0 || !version.stdout.startsWith(`${CODE_SERVER_VERSION} `)) return false;
  try {
    return (
      fs.lstatSync(path.join(pkg, 'node_modules.asar')).isSymbolicLink() &&
      fs.existsSync(path.join(pkg, 'node_modules/node-pty/build/Release/pty.node')) &&
      fs.statSync(path.join(pkg, 'extensions/node_modules')).isDirectory()
    );
  } catch {
    return false;
  }
}

function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

const onPath = cmd => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
const dpkgHas = p => spawnSync('dpkg', ['-s', p], { stdio: 'ignore' }).status === 0;

/** @returns {Facts} */
function probe(env = process.env) {
  const debian = fs.existsSync('/etc/debian_version') && onPath('apt-get');
  const chromiumPath = env.IRYO_E2E_CHROMIUM || DEFAULT_CHROMIUM;
  return {
    ci: isCI(env),
    root: typeof process.getuid === 'function' && process.getuid() === 0,
    debian,
    codeServer: codeServerInstalled(codeServerHome(env)),
    chromiumPath,
    chromiumCustom: !!env.IRYO_E2E_CHROMIUM,
    chromium: executable(chromiumPath),
    nvim: spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0,
    missingBuildPackages: onPath('dpkg') ? BUILD_PACKAGES.filter(p => !dpkgHas(p)) : [...BUILD_PACKAGES],
  };
}

module.exports = { decide, probe, isCI, CODE_SERVER_VERSION, BUILD_PACKAGES };
