// Build: compile + validate the catalog, then bundle client, server and CLI with esbuild.
import * as esbuild from 'esbuild';
import { createRequire } from 'module';
import * as fs from 'fs';
import * as path from 'path';
import { fileURLToPath } from 'url';
import { writeRuleIndex } from './rule-index.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dist = path.join(root, 'dist');
fs.mkdirSync(dist, { recursive: true });
const watch = process.argv.includes('--watch');

// 0. Rule discovery: the index of rule modules.
writeRuleIndex(path.join(root, 'server/src/engine'));

// 1. Catalog: YAML -> validated JSON. A fault stops the build with file, path and line.
const compilerOut = path.join(root, 'out', 'tools', 'compile-catalog.js');
await esbuild.build({
  entryPoints: [path.join(root, 'server/src/tools/compile-catalog.ts')],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outfile: compilerOut,
  logLevel: 'error',
});
const { compileCatalog, formatFault } = createRequire(import.meta.url)(compilerOut);
const { data, faults } = compileCatalog(path.join(root, 'catalog'));
if (faults.length) {
  for (const f of faults) console.error(formatFault(f));
  console.error(`catalog: ${faults.length} fault(s); build stopped`);
  process.exit(1);
}
fs.writeFileSync(path.join(dist, 'catalog.json'), JSON.stringify(data));

// 2. Bundles. The version has one source, package.json; the bundles get it as a constant (host/resources.ts).
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = {
  define: { IRYO_GUARD_VERSION: JSON.stringify(version) },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: false,
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  legalComments: 'none',
  mainFields: ['module', 'main'],
};
const entries = [
  {
    entryPoints: [path.join(root, 'client/src/extension.ts')],
    outfile: path.join(dist, 'extension.js'),
    external: ['vscode'],
  },
  // The TypeScript compiler (CDK analysis) ships as its own file, loaded on the first CDK document only.
  {
    entryPoints: [path.join(root, 'server/src/server.ts')],
    outfile: path.join(dist, 'server.js'),
    external: ['typescript'],
  },
  {
    entryPoints: [path.join(root, 'server/src/cli.ts')],
    outfile: path.join(dist, 'cli.js'),
    banner: { js: '#!/usr/bin/env node' },
    external: ['typescript'],
  },
  { entryPoints: [createRequire(import.meta.url).resolve('typescript')], outfile: path.join(dist, 'typescript.js') },
];
if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
  console.log('watching…');
} else {
  await Promise.all(entries.map(e => esbuild.build({ ...common, ...e })));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  const size = f => (fs.statSync(path.join(dist, f)).size / 1024).toFixed(0) + ' KB';
  console.log(
    `built dist/: extension.js ${size('extension.js')}, server.js ${size('server.js')}, cli.js ` +
      `${size('cli.js')}, typescript.js ${size('typescript.js')}, catalog.json ${size('catalog.json')} ` +
      `(${data.scenarios.length} scenarios, ${data.rules.length} rules)`,
  );
}
