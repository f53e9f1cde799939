/** Normalisation of the IDs people type: full-width digits, circled numbers, ASCII aliases, spacing. */

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function circled(n: number): string | undefined {
  return n >= 1 && n <= 20 ? CIRCLED[n - 1] : undefined;
}
export function circledValue(ch: string): number | undefined {
  const i = CIRCLED.indexOf(ch);
  return i >= 0 ? i + 1 : undefined;
}

/** Full-width ASCII → half-width; collapses whitespace. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, c => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
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

/**
 * The parts (編) of MHLW guideline edition 6.0 and the prefixes people write for them: the full name, the short forms
 * auditors use (`シス14②`, `企6⑤`) and ASCII ones (`Sys14(2)`, `Plan6(5)`, `Gov3`).
 */
const MHLW6_PARTS: { name: string; prefixes: string[] }[] = [
  { name: 'システム運用編', prefixes: ['システム運用編', 'システム運用', 'シス', 'system', 'sys', 'control'] },
  { name: '企画管理編', prefixes: ['企画管理編', '企画管理', '企画', '企', 'plan', 'mgmt', 'management'] },
  { name: '経営管理編', prefixes: ['経営管理編', '経営管理', '経営', '経', 'gov', 'governance'] },
];
const MHLW6_PREFIX = new RegExp(
  `^(${MHLW6_PARTS.flatMap(p => p.prefixes)
    .sort((a, b) => b.length - a.length)
    .map(p => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})`,
  'i',
);

/**
 * `シス14②`, `シス14-2`, `Sys14(2)`, `Sys 14②`, `システム運用編14章第②条`, `企6⑤`, `Plan6(5)` → `システム運用編 14 ②` /
 * `企画管理編 6 ⑤`; `シス14`, `シス14章` → `システム運用編 14`. Anything else passes through unchanged. A dot after the
 * chapter (`シス14.2`) names a section, not a requirement, and is left alone.
 */
export function normalizeMhlw6Id(raw: string): string {
  const s = toHalfWidth(raw).trim().replace(/\s+/g, '');
  const p = MHLW6_PREFIX.exec(s);
  if (!p) return raw;
  const part = MHLW6_PARTS.find(x => x.prefixes.some(q => q.toLowerCase() === p[1].toLowerCase()))!;
  const rest = s
    .slice(p[1].length)
    .replace(/^[-_.:]/, '')
    .replace(/^第/, '');
  const m = /^(\d{1,2})章?(?:[-_]?第?(?:([①-⑳])|(\d{1,2})|\((\d{1,2})\))条?(?:の\d+)?)?$/.exec(rest);
  if (!m) return raw;
  const chapter = String(Number(m[1]));
  const n = m[2] ? circledValue(m[2]) : m[3] ? Number(m[3]) : m[4] ? Number(m[4]) : undefined;
  if (n === undefined) return `${part.name} ${chapter}`;
  const c = circled(n);
  return c ? `${part.name} ${chapter} ${c}` : raw;
}

const MHLW6_SHORT: Record<string, [string, string]> = {
  システム運用編: ['シス', 'Sys'],
  企画管理編: ['企', 'Mgmt'],
  経営管理編: ['経', 'Gov'],
};

/**
 * The short aliases an MHLW 6.0 item is also known by: `システム運用編 14 ②` → `シス14②`, `シス14-2`, `Sys14(2)`. The
 * English ones follow MHLW's English subtitles of the parts (Control, Management, Governance).
 */
export function mhlw6Aliases(id: string): string[] {
  const m = /^(システム運用編|企画管理編|経営管理編) (\d{1,2})(?: ([①-⑳]))?$/.exec(id);
  if (!m) return [];
  const [jaShort, enShort] = MHLW6_SHORT[m[1]];
  if (!m[3]) return [`${jaShort}${m[2]}`, `${enShort}${m[2]}`];
  const n = circledValue(m[3])!;
  return [`${jaShort}${m[2]}${m[3]}`, `${jaShort}${m[2]}-${n}`, `${enShort}${m[2]}(${n})`];
}

/** Key used for look-ups: case-folded, no spaces, half-width, circled digits kept; MHLW 6.0 short forms unfolded. */
export function lookupKey(raw: string): string {
  return normalizeScenarioId(normalizeMhlw6Id(raw)).toLowerCase().replace(/\s+/g, '').replace(/[・･]/g, '・');
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
