/**
 * Is a YAML or JSON text a CloudFormation template? Decided from its structure — the keys at its top level — by one
 * linear scan without parsing, so a template is recognised wherever its keys are (after any amount of comments).
 */

/** A template has one of these at its top level (`buildTemplate` then requires `Resources`). */
const MARKERS = new Set(['AWSTemplateFormatVersion', 'Resources']);
/** The other top-level sections of a template (and SAM's `Globals`): a text with only these may be one. */
const SECTIONS = new Set([
  'Description',
  'Metadata',
  'Parameters',
  'Rules',
  'Mappings',
  'Conditions',
  'Transform',
  'Outputs',
  'Globals',
]);

/**
 * `template`: a top-level `AWSTemplateFormatVersion` or `Resources` key. `undecided`: no top-level key seen, or only
 * other template sections (a text cut short, e.g. the first bytes of a file too large to read, may be one).
 * `other`: some top-level key no template has.
 */
export type TemplateEvidence = 'template' | 'undecided' | 'other';

export function templateEvidence(text: string): TemplateEvidence {
  let verdict: TemplateEvidence = 'undecided';
  const seen = (key: string): boolean => {
    if (MARKERS.has(key)) {
      verdict = 'template';
      return true;
    }
    if (!SECTIONS.has(key)) verdict = 'other';
    return false;
  };
  let rootIndent = Infinity;
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let started = false;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let indent = 0;
    while (pos + indent < nl && (text[pos + indent] === ' ' || text[pos + indent] === '\t')) indent++;
    const first = text[pos + indent];
    const blank = pos + indent >= nl || first === '#' || first === '\r';
    if (!blank) {
      if (!started && first === '%') {
        pos = nl + 1; // a directive
        continue;
      }
      const line = text.slice(pos + indent, Math.min(nl, pos + indent + 200));
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line)) {
        if (started) break; // only the first document counts
        const rest = line.slice(3).trimStart();
        if (rest.startsWith('{'))
          return flowKeys(text, pos + indent + 3 + (line.length - 3 - rest.length), seen) ?? verdict;
        pos = nl + 1;
        continue;
      }
      if (!started && first === '{') return flowKeys(text, pos + indent, seen) ?? verdict;
      if (!started && first === '[') return 'other';
      started = true;
      if (indent <= rootIndent) {
        rootIndent = indent;
        const key = blockKey(line);
        if (key !== undefined && seen(key)) return verdict;
      }
    }
    pos = nl + 1;
  }
  return verdict;
}

/** Does the text look like a template? Exactly: it has a top-level `AWSTemplateFormatVersion` or `Resources` key. */
export function looksLikeTemplate(text: string): boolean {
  return templateEvidence(text) === 'template';
}

/** The key a block-style line starts with (`Resources:`, `"Resources" :`, `'Resources':`), if it starts with one. */
function blockKey(line: string): string | undefined {
  const m =
    /^(?:\?\s+)?(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#"'{[\]},:&*!|>%@`-][^#:]*?|-[^\s#:][^#:]*?))\s*:(?:\s|$)/.exec(
      line,
    );
  if (!m) return undefined;
  return m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3];
}

/**
 * Keys at the top level of a flow-style (JSON or YAML flow) document starting at `start` (its `{`): calls `seen` for
 * each until it answers true. One pass over the text, skipping strings and comments; undefined when it runs out.
 */
function flowKeys(text: string, start: number, seen: (key: string) => boolean): TemplateEvidence | undefined {
  let depth = 0;
  let expectKey = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const begin = i;
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') {
        if (c === '"' && text[i] === '\\') i++;
        else if (c === "'" && text[i] === "'" && text[i + 1] === "'") i++;
        i++;
      }
      if (depth === 1 && expectKey) {
        expectKey = false;
        const raw = text.slice(begin + 1, i);
        if (seen(c === '"' ? raw.replace(/\\(.)/g, '$1') : raw.replace(/''/g, "'"))) return 'template';
      }
    } else if (c === '/' && text[i + 1] === '/') {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === '{' || c === '[') {
      depth++;
      expectKey = depth === 1 && c === '{';
    } else if (c === '}' || c === ']') {
      depth--;
      if (depth <= 0) return undefined;
    } else if (c === ',') {
      if (depth === 1) expectKey = true;
    } else if (depth === 1 && expectKey && !/\s/.test(c)) {
      // A plain YAML key: up to the `:` that ends it.
      const m = /^([^,:{}[\]#]+?)\s*:/.exec(text.slice(i, i + 200));
      expectKey = false;
      if (m && seen(m[1].trim())) return 'template';
    }
  }
  return undefined;
}
