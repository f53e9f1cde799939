#!/usr/bin/env node
// `npm run test:fast`: the unit tests (out/test/unit) and nothing else, as fast as they go — no bundles, no language
// server processes, no real editor. Arguments go to mocha (`npm run test:fast -- --grep CDK`).
//  1. tsc --incremental (only what changed since the last run is checked and emitted); compiled tests whose source
//     is gone are deleted so they cannot run.
//  2. dist/catalog.json, which the engine reads, is recompiled from catalog/ only when it is older than its sources.
//  3. mocha on out/test/unit in parallel, with IRYO_TEST_NO_BUNDLES=1: tests that run dist/ bundles (the CLI as users
//     run it) are skipped and shown as pending. `npm run test:unit` runs everything, bundles and protocol included.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
const BUILD_INFO = path.join(OUT, '.fast.tsbuildinfo');
const CATALOG_JSON = path.join(ROOT, 'dist/catalog.json');
const times = [];

function timed(name, fn) {
  const t0 = Date.now();
  const r = fn();
  times.push(`${name} ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r;
}

function walk(dir, out = []) {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

function run(args, env = {}) {
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function compile() {
  // Outputs deleted behind tsc's back (`npm run compile` empties out/test first) would not be re-emitted.
  if (!fs.existsSync(path.join(OUT, 'test/helpers.js'))) fs.rmSync(BUILD_INFO, { force: true });
  run([require.resolve('typescript/bin/tsc'), '-p', '.', '--incremental', '--tsBuildInfoFile', BUILD_INFO]);
  for (const js of walk(path.join(OUT, 'test')).filter(f => /\.js(\.map)?$/.test(f))) {
    const source = path.join(ROOT, path.relative(OUT, js)).replace(/\.js(\.map)?$/, '.ts');
    if (!fs.existsSync(source)) fs.rmSync(js);
  }
}

function catalog() {
  const sources = [
    ...walk(path.join(ROOT, 'catalog')),
    ...walk(path.join(ROOT, 'server/src/engine/catalog')),
    path.join(ROOT, 'server/src/tools/compile-catalog.ts'),
  ];
  const built = fs.existsSync(CATALOG_JSON) ? fs.statSync(CATALOG_JSON).mtimeMs : 0;
  if (sources.every(f => fs.statSync(f).mtimeMs <= built)) return;
  const { compileCatalog, formatFault } = require(path.join(OUT, 'server/src/tools/compile-catalog.js'));
  const { data, faults } = compileCatalog(path.join(ROOT, 'catalog'));
  if (faults.length) {
    for (const f of faults) console.error(formatFault(f));
    console.error(`catalog: ${faults.length} fault(s)`);
    process.exit(1);
  }
  fs.mkdirSync(path.dirname(CATALOG_JSON), { recursive: true });
  fs.writeFileSync(CATALOG_JSON, JSON.stringify(data));
  console.log('dist/catalog.json recompiled');
}

function mocha() {
  const jobs = String(Math.max(2, os.availableParallelism()));
  run(
    [
      require.resolve('mocha/bin/mocha.js'),
      '--no-config',
      '--spec',
      'out/test/unit/**/*.test.js',
      '--timeout',
      '20000',
      '--reporter',
      'dot',
      '--parallel',
      '--jobs',
      jobs,
      ...process.argv.slice(2),
    ],
    { IRYO_TEST_NO_BUNDLES: '1' },
  );
}

const t0 = Date.now();
timed('tsc', compile);
timed('catalog', catalog);
timed('mocha', mocha);
console.log(
  `test:fast: ${((Date.now() - t0) / 1000).toFixed(1)} s (${times.join(', ')}); ` +
    'pending tests run dist/ bundles: `npm run test:unit` runs them',
);
