/** Normalisation of the IDs people type: full-width digits, circled numbers, ASCII aliases, spacing. */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circled(n: number): string | undefined { return n >= 1 && n <= 20 ? CIRCLED[n - 1] : undefined; }
export function circledValue(ch: string): number | undefined { const i = CIRCLED.indexOf(ch); return i >= 0 ? i + 1 : undefined; }

/** Full-width ASCII → half-width; collapses whitespace. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xFEE0)).replace(/\u3000/g, ' ');
}

/** `3.8-2`, `3.8(2)`, `3.8（2）`, `3.8_2`, ` 3.8 ② ` → `3.8②`. Non-scenario strings pass through trimmed. */
export function normalizeScenarioId(raw: string): string {
  const s = toHalfWidth(raw).trim().replace(/\s+/g, '');
  const m = /^([123]\.\d{1,2})(?:[-_.]?(\d{1,2})|\((\d{1,2})\)|([①-⑳]))?$/.exec(s);
  if (!m) return s;
  const n = m[2] ?? m[3];
  if (n) return m[1] + (circled(Number(n)) ?? `-${n}`);
  return m[1] + (m[4] ?? '');
}

/** The ASCII aliases a scenario ID is also known by. */
export function scenarioAliases(id: string): string[] {
  const m = /^([123]\.\d{1,2})([①-⑳])$/.exec(id);
  if (!m) return [];
  const n = circledValue(m[2])!;
  return [`${m[1]}-${n}`, `${m[1]}(${n})`];
}

/** Key used for look-ups: case-folded, no spaces, half-width, circled digits kept. */
export function lookupKey(raw: string): string {
  return normalizeScenarioId(raw).toLowerCase().replace(/\s+/g, '').replace(/[・･]/g, '・');
}

export function levenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev = new Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    let rowMin = prev[0];
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
      if (prev[j] < rowMin) rowMin = prev[j];
    }
    if (rowMin > max) return max + 1;
  }
  return prev[b.length];
}

/** Up to `limit` candidates close to `input` (edit distance scaled to length, prefix matches first). */
export function closest(input: string, candidates: Iterable<string>, limit = 3): string[] {
  const key = lookupKey(input);
  const max = Math.max(2, Math.floor(key.length / 3));
  const scored: { c: string; d: number }[] = [];
  for (const c of candidates) {
    const ck = lookupKey(c);
    const d = ck.startsWith(key) && key.length >= 2 ? 0.5 : levenshtein(key, ck, max);
    if (d <= max) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.localeCompare(y.c));
  return [...new Set(scored.map(s => s.c))].slice(0, limit);
}
