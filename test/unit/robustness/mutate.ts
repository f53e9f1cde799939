/** A deterministic mutation fuzzer: each mutation is a plausible way real input goes wrong. */
import { rng } from '../../../bench/corpus';

export type Mutation = (text: string, r: () => number) => string;
const pick = <T>(xs: T[], r: () => number): T => xs[Math.floor(r() * xs.length)];
const lines = (t: string) => t.split('\n');
const at = (t: string, r: () => number) => Math.floor(r() * (t.length + 1));

export const MUTATIONS: Record<string, Mutation> = {
  byteFlip: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + String.fromCharCode(Math.floor(r() * 0x3000)) + t.slice(i + 1);
  },
  truncate: (t, r) => t.slice(0, at(t, r)),
  deleteLine: (t, r) => {
    const ls = lines(t);
    ls.splice(Math.floor(r() * ls.length), 1);
    return ls.join('\n');
  },
  duplicateLine: (t, r) => {
    const ls = lines(t);
    const i = Math.floor(r() * ls.length);
    ls.splice(i, 0, ls[i]);
    return ls.join('\n');
  },
  reindent: (t, r) => {
    const ls = lines(t);
    const i = Math.floor(r() * ls.length);
    ls[i] = ' '.repeat(Math.floor(r() * 12)) + ls[i].trimStart();
    return ls.join('\n');
  },
  wrongType: (t, r) =>
    t.replace(
      /: (true|false|\d+|[A-Za-z:./-]+)$/m,
      pick([': [1, 2]', ': {a: b}', ': ~', ': "x"', ': 12345678901234567890', ': -1'], r),
    ),
  hugeScalar: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + 'x'.repeat(50_000 + Math.floor(r() * 50_000)) + t.slice(i);
  },
  deepNesting: (t, r) => {
    const d = 50 + Math.floor(r() * 400);
    return t + `\nDeep: ${'['.repeat(d)}1${']'.repeat(d)}\n`;
  },
  unbalancedQuote: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(['"', "'", '`', '{', '[', '}', ']'], r) + t.slice(i);
  },
  nulBytes: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + '\u0000\u0000' + t.slice(i);
  },
  invalidUtf8: (t, r) => {
    const i = at(t, r);
    return t.slice(0, i) + pick(['\uFFFD', '\uD800', '\uDC00x', '\uFFFE'], r) + t.slice(i);
  },
  crlf: t => t.replace(/\n/g, '\r\n'),
  bom: t => '\uFEFF' + t,
  lineSwap: (t, r) => {
    const ls = lines(t);
    const i = Math.floor(r() * ls.length),
      j = Math.floor(r() * ls.length);
    [ls[i], ls[j]] = [ls[j], ls[i]];
    return ls.join('\n');
  },
  tabIndent: (t, r) => {
    const ls = lines(t);
    const i = Math.floor(r() * ls.length);
    ls[i] = ls[i].replace(/^ +/, '\t');
    return ls.join('\n');
  },
};

/** `count` mutated variants of the seeds, 1–3 mutations each, reproducible from `seed`. */
export function* mutants(
  seeds: { name: string; text: string }[],
  count: number,
  seed: number,
): Generator<{ name: string; text: string; how: string }> {
  const r = rng(seed);
  const names = Object.keys(MUTATIONS);
  for (let i = 0; i < count; i++) {
    const base = seeds[i % seeds.length];
    let text = base.text;
    const how: string[] = [];
    const n = 1 + Math.floor(r() * 3);
    for (let k = 0; k < n; k++) {
      const m = pick(names, r);
      how.push(m);
      text = MUTATIONS[m](text, r);
    }
    yield { name: base.name, text, how: how.join('+') };
  }
}
