/**
 * `npm test` and the real-editor prerequisites (test/prerequisites.js): install what can be installed, skip with one
 * readable line what cannot, and never let CI pass without them. The machine is faked: facts for `decide`, the
 * environment for `probe` and the driver.
 */
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { ROOT } from '../helpers';

interface Facts {
  ci: boolean;
  root: boolean;
  debian: boolean;
  codeServer: boolean;
  chromiumPath: string;
  chromiumCustom: boolean;
  chromium: boolean;
  nvim: boolean;
  missingBuildPackages: string[];
}
interface Decision {
  status: 'ready' | 'install' | 'skip' | 'error';
  apt: string[];
  codeServer: boolean;
  installEnv: Record<string, string>;
  realEditor: boolean;
  neovim: boolean;
  notRun: string[];
}
const prerequisites = require(path.join(ROOT, 'test/prerequisites.js')) as {
  decide(f: Facts, o?: { installing?: boolean }): Decision;
  probe(env: Record<string, string | undefined>): Facts;
  isCI(env: Record<string, string | undefined>): boolean;
  BUILD_PACKAGES: string[];
};
const { decide, probe, isCI, BUILD_PACKAGES } = prerequisites;

/** A Debian machine with everything, as a user (not root), outside CI. */
const ALL: Facts = {
  ci: false,
  root: false,
  debian: true,
  codeServer: true,
  chromiumPath: '/usr/bin/chromium',
  chromiumCustom: false,
  chromium: true,
  nvim: true,
  missingBuildPackages: [],
};
const NOTHING: Partial<Facts> = {
  codeServer: false,
  chromium: false,
  nvim: false,
  missingBuildPackages: BUILD_PACKAGES,
};

/** The decision at set-up (installing) and after it, for the same machine. */
function both(f: Partial<Facts>): { setup: Decision; after: Decision } {
  const facts = { ...ALL, ...f };
  return { setup: decide(facts, { installing: true }), after: decide(facts) };
}

describe('npm test prerequisites', () => {
  it('runs everything when everything is there, installing nothing', () => {
    const { setup, after } = both({});
    assert.strictEqual(setup.status, 'ready');
    assert.strictEqual(after.status, 'ready');
    assert.deepStrictEqual([after.realEditor, after.neovim, after.notRun], [true, true, []]);
  });

  it('as root on Debian installs Chromium and Neovim with apt-get and code-server with the script', () => {
    const { setup, after } = both({ ...NOTHING, root: true });
    assert.strictEqual(setup.status, 'install');
    assert.deepStrictEqual(setup.apt, ['chromium', 'neovim']);
    assert.strictEqual(setup.codeServer, true);
    assert.deepStrictEqual(setup.installEnv, {}, 'as root the script installs its own Debian packages');
    // Still missing afterwards: the installs failed, and the run says so and goes on.
    assert.strictEqual(after.status, 'skip');
    assert.match(after.notRun[0], /^real-editor tests .*code-server 4\.100\.3 did not install .*npm run e2e:install/);
    assert.match(after.notRun[0], /Chromium did not install/);
    assert.match(after.notRun[1], /^Neovim LSP check: Neovim did not install/);
  });

  it('as a user installs code-server without apt when its build packages are there, and never runs sudo', () => {
    const { setup } = both({ codeServer: false });
    assert.strictEqual(setup.status, 'install');
    assert.deepStrictEqual([setup.apt, setup.codeServer, setup.installEnv], [[], true, { IRYO_E2E_APT: '0' }]);
  });

  it('as a user skips what only root can install, saying which packages and how', () => {
    const { setup, after } = both({ ...NOTHING });
    assert.strictEqual(setup.status, 'skip', 'nothing to try: no apt-get without root, no build without packages');
    assert.deepStrictEqual(setup, after);
    assert.strictEqual(after.realEditor, false);
    assert.strictEqual(after.notRun.length, 2);
    assert.match(after.notRun[0], /need build-essential pkg-config python3 libkrb5-dev ripgrep \(as root: apt-get/);
    assert.match(after.notRun[0], /no Chromium at \/usr\/bin\/chromium \(as root: apt-get install chromium\)/);
    assert.match(after.notRun[1], /nvim is not installed \(as root: apt-get install neovim\)/);
  });

  it('a missing Neovim alone leaves the real-editor tests running', () => {
    const { after } = both({ nvim: false });
    assert.deepStrictEqual([after.status, after.realEditor, after.neovim], ['skip', true, false]);
    assert.strictEqual(after.notRun.length, 1);
  });

  it('never apt-installs over a Chromium named by IRYO_E2E_CHROMIUM', () => {
    const { setup, after } = both({
      root: true,
      chromium: false,
      chromiumCustom: true,
      chromiumPath: '/opt/chrome/chrome',
    });
    assert.strictEqual(setup.status, 'skip');
    assert.deepStrictEqual(after.notRun, [
      'real-editor tests (e2e and extension host, in code-server + Chromium): ' +
        'IRYO_E2E_CHROMIUM=/opt/chrome/chrome is not an executable',
    ]);
  });

  it('off Debian installs nothing and says what to do', () => {
    const { setup, after } = both({ ...NOTHING, root: true, debian: false });
    assert.strictEqual(setup.status, 'skip');
    assert.match(
      after.notRun[0],
      /code-server 4\.100\.3 is not installed \(npm run e2e:install sets it up on Debian\)/,
    );
    assert.match(after.notRun[0], /set IRYO_E2E_CHROMIUM/);
    assert.match(after.notRun[1], /^Neovim LSP check: nvim is not installed$/);
  });

  it('under CI anything missing is an error, never an install or a skip', () => {
    for (const missing of [{ codeServer: false }, { chromium: false }, { nvim: false }, { ...NOTHING, root: true }]) {
      const { setup, after } = both({ ...missing, ci: true });
      assert.strictEqual(setup.status, 'error', JSON.stringify(missing));
      assert.strictEqual(after.status, 'error', JSON.stringify(missing));
      assert.match(after.notRun[0], /^CI is set and this machine lacks .*: \.ci\/run installs them before npm test$/);
    }
    assert.strictEqual(both({ ci: true }).after.status, 'ready');
  });

  it('every reason fits the one closing line', () => {
    for (const f of [
      { ...NOTHING },
      { ...NOTHING, root: true },
      { ...NOTHING, debian: false },
      { ...NOTHING, ci: true },
    ])
      for (const reason of both(f).after.notRun) assert.doesNotMatch(reason, /\n/);
  });

  it('CI means a CI variable that is set and not "false" or "0"', () => {
    assert.deepStrictEqual(
      ['true', '1', 'yes', 'TRUE', undefined, '', 'false', '0', ' '].map(v => isCI({ CI: v })),
      [true, true, true, true, false, false, false, false, false],
    );
  });

  it('probe reads CI, IRYO_E2E_HOME and IRYO_E2E_CHROMIUM from the environment', () => {
    const f = probe({ CI: 'true', IRYO_E2E_HOME: '/nonexistent/cs', IRYO_E2E_CHROMIUM: '/nonexistent/chromium' });
    assert.deepStrictEqual(
      [f.ci, f.codeServer, f.chromium, f.chromiumCustom, f.chromiumPath],
      [true, false, false, true, '/nonexistent/chromium'],
    );
  });

  describe('node test/real-editor.js run, with code-server "missing"', function () {
    this.timeout(20000);
    const runWith = (env: Record<string, string>) =>
      spawnSync(process.execPath, [path.join(ROOT, 'test/real-editor.js'), 'run'], {
        encoding: 'utf8',
        env: { ...process.env, IRYO_E2E_HOME: '/nonexistent/code-server', CI: '', ...env },
      });

    it('outside CI: runs nothing else, ends with one line saying what was not run and why, exits 0', () => {
      const r = runWith({});
      assert.strictEqual(r.status, 0, r.stderr);
      const lines = r.stdout.trim().split('\n');
      assert.strictEqual(lines.length, 1, r.stdout);
      assert.match(
        lines[0],
        /^npm test: not run — real-editor tests \(e2e and extension host, in code-server \+ Chromium\): code-server 4\.100\.3/,
      );
    });

    it('under CI: the same line, as an error', () => {
      const r = runWith({ CI: 'true' });
      assert.strictEqual(r.status, 1);
      assert.match(r.stderr.trim(), /^npm test: not run — CI is set and this machine lacks code-server 4\.100\.3/);
    });
  });
});
