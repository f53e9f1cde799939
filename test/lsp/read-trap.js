// Preloaded into the server or the CLI in tests (`node -r`): every file opened or read whole, and the bytes read
// through fs.readSync, are reported on stderr as `IRYO-FS <what> <path> [bytes]`, so a test can tell what was read.
'use strict';
const fs = require('fs');
const report = (what, p, extra = '') => process.stderr.write(`IRYO-FS ${what} ${String(p)}${extra}\n`);
const fds = new Map();
const wrap = (name, f) => {
  const orig = fs[name];
  fs[name] = function (...args) {
    return f(orig, ...args);
  };
};
wrap('openSync', (orig, p, ...rest) => {
  const fd = orig(p, ...rest);
  fds.set(fd, String(p));
  report('open', p);
  return fd;
});
wrap('closeSync', (orig, fd) => {
  fds.delete(fd);
  return orig(fd);
});
wrap('readSync', (orig, fd, ...rest) => {
  const n = orig(fd, ...rest);
  report('read', fds.get(fd) ?? `fd:${fd}`, ` ${n}`);
  return n;
});
for (const name of ['readFileSync', 'readFile', 'createReadStream', 'open']) {
  wrap(name, (orig, p, ...rest) => {
    if (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p)) report(name, p);
    return orig(p, ...rest);
  });
}
const promises = fs.promises;
for (const name of ['readFile', 'open']) {
  const orig = promises[name];
  promises[name] = (p, ...rest) => {
    report(`promises.${name}`, p);
    return orig(p, ...rest);
  };
}
