// Preloaded into the server in tests (`node -r`): any network or child-process use is reported on stderr.
'use strict';
const report = what => process.stderr.write(`IRYO-VIOLATION ${what}\n`);
const trap = (mod, names) => {
  const m = require(mod);
  for (const n of names) {
    const orig = m[n];
    if (typeof orig !== 'function') continue;
    m[n] = function (...args) {
      report(`${mod}.${n}`);
      return orig.apply(this, args);
    };
  }
};
trap('child_process', ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']);
trap('net', ['connect', 'createConnection', 'createServer']);
trap('http', ['request', 'get', 'createServer']);
trap('https', ['request', 'get', 'createServer']);
trap('dgram', ['createSocket']);
trap('dns', ['lookup', 'resolve']);
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = (...a) => {
    report('fetch');
    return f(...a);
  };
}
