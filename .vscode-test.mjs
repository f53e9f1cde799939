// Extension-host tests (test/vscode): mocha inside VS Code against the real `vscode` API, iryo-guard loaded from this
// repository. `npm run test:vscode` runs them with @vscode/test-cli in a downloaded VS Code; `npm run
// test:vscode:code-server` (and `npm test`) runs the very same configurations in code-server's extension host.
// Each configuration opens a fresh copy of test/vscode/workspaces/<label> under .vscode-test/workspaces/.
import { defineConfig } from '@vscode/test-cli';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';

const root = path.dirname(fileURLToPath(import.meta.url));

function freshWorkspace(label) {
  const dest = path.join(root, '.vscode-test/workspaces', label);
  fs.rmSync(dest, { recursive: true, force: true });
  fs.cpSync(path.join(root, 'test/vscode/workspaces', label), dest, { recursive: true });
  return dest;
}

const suite = label => ({
  label,
  files: `out/test/vscode/${label}/**/*.test.js`,
  workspaceFolder: freshWorkspace(label),
  // The VS Code that code-server 4.100.3 serves, and the oldest the extension supports (engines.vscode ^1.100.0).
  version: '1.100.3',
  launchArgs: ['--disable-extensions', '--locale', 'en'],
  mocha: { ui: 'bdd', timeout: 90000 },
});

export default defineConfig([suite('template'), suite('risk')]);
