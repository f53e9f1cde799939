import {
  Composer,
  CST,
  Document,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  LineCounter,
  Node as YNode,
  Parser,
  Scalar,
  visit,
} from 'yaml';
import { t, type Args } from '../i18n/text';
import type { PhraseId } from '../i18n/phrases';
import { Entry, Node } from '../model/node';
import { endOf, innermostUnclosed } from './brackets';
import { blankCuts, Cut, MAX_ALIAS_NODES, MAX_DEPTH, ParseProblem, ParseResult, tooDeepProblem } from './limits';

/**
 * Parses YAML (1.2, CloudFormation short-form tags allowed) into the neutral node tree with exact offsets.
 *
 * cfn-lint and the AWS CLI read templates with PyYAML, which accepts some input that YAML 1.2 (and so the `yaml`
 * package) rejects, and so does the CloudFormation service. We read those as PyYAML does (test/yaml-corpus/generate.py
 * builds the differential corpus; test/unit/engine/yaml-pyyaml.test.ts checks trees and offsets against it):
 * - quoted scalars and flow collections whose continuation lines are indented at the key's column or less
 *   (PyYAML ignores indentation there; only a `---` or `...` line ends them);
 * - a comment right after a closing quote or bracket (`'x'# note`);
 * - duplicate keys: the last value wins, as in CloudFormation; the ignored entry is reported;
 * - lone CR line breaks;
 * - `%YAML 1.1`: values keep the core schema (`2010-09-09` stays a string), as without the directive.
 * Input that CloudFormation rejects although the `yaml` package reads it is reported, and still analysed: non-printable
 * characters, a `%YAML` version other than 1.x. An alias without an anchor is an error. Tabs used as separators
 * (`Key:<tab>value`) stay accepted: YAML 1.2 and the CloudFormation service accept them, only PyYAML does not.
 *
 * `baseLevel` is how many levels of nesting lie above the text (a fragment of a larger document), for the depth
 * limit: collections nested deeper than `MAX_DEPTH` are cut from the text before the composer (which recurses) sees
 * them, and become `truncated` nodes with one `DEPTH` problem.
 */
export function parseYaml(text: string, baseLevel = 0): ParseResult<Node> {
  const { root, problems } = parseYamlWithTail(text, baseLevel);
  return root ? { root, problems } : { problems };
}

/**
 * `parseYaml`, also giving where the root collection's trailing comments end (the `yaml` package counts them in the
 * parent's extent): the incremental parser needs it to give its sections the same extent as a full parse.
 */
export function parseYamlWithTail(text: string, baseLevel = 0): ParseResult<Node> & { tail?: number } {
  const problems: ParseProblem[] = [];
  // Lone CRs are line breaks in YAML 1.1 and 1.2 alike; the `yaml` package reads only LF and CRLF.
  // The replacement has the same length: offsets are unchanged.
  let src = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  let docs: Document.Parsed[];
  let cutEnds = new Map<number, number>();
  try {
    // The lexer and parser are iterative; only composing recurses, so depth is measured on their tokens first. The
    // deep spans are blanked (offsets unchanged) before anything composes the text.
    let tokens = [...lex(src)];
    const deep = yamlDepth(tokens, MAX_DEPTH - baseLevel);
    if (deep.cuts.length) {
      problems.push(tooDeepProblem(deep.cuts[0], deep.depth + baseLevel, MAX_DEPTH));
      src = blankCuts(src, deep.cuts, '~');
      tokens = [...lex(src)];
      cutEnds = new Map(deep.cuts.map(c => [c.start, c.end]));
    }
    docs = compose(src, true, tokens);
  } catch (e) {
    return {
      problems: [problem('YAML', 'YAML を解析できません', 'Cannot parse YAML', 0, Math.min(text.length, 1), e)],
    };
  }
  const doc = docs[0];
  if (!doc) return { problems };
  const errors = doc.errors.filter(e => !TOLERATED.test(e.message));
  if (errors.length) return { problems: [describeFailure(src, errors[0], doc)] };
  if (docs.length > 1) {
    const d = docs[1];
    const s = d.range?.[0] ?? text.length;
    problems.push(
      problem(
        'YAML_MULTI_DOC',
        '複数の YAML ドキュメントがあります。最初のものだけを解析します',
        'Several YAML documents: only the first is analysed',
        s,
        Math.min(text.length, s + 3),
      ),
    );
  }
  const version = doc.warnings
    .map(w => /^Unsupported YAML version (\d+)\./.exec(w.message))
    .find(m => m && m[1] !== '1');
  if (version) {
    const at = Math.max(0, src.indexOf('%YAML'));
    problems.push(localized('YAML_VERSION', 'yamlUnsupportedVersion', at, lineEnd(src, at), { version: version[1] }));
  }
  const special = SPECIAL.exec(src);
  if (special) {
    const code = special[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    problems.push(localized('YAML_CHAR', 'yamlSpecialCharacter', special.index, special.index + 1, { code }));
  }
  const conv = new Converter(src, problems, doc, cutEnds);
  const root = doc.contents ? conv.convert(doc.contents as YNode, baseLevel) : undefined;
  if (conv.invalid) return { problems: [conv.invalid] };
  problems.sort((a, b) => a.start - b.start);
  return { root, problems, tail: (doc.contents as YNode | null)?.range?.[2] };
}

/** `tokens`, when given, are the text's tokens as `lex` reads them (already read to measure the nesting). */
function compose(text: string, pyyaml: boolean, tokens?: Iterable<CST.Token>): Document.Parsed[] {
  const composer = new Composer({ uniqueKeys: false, strict: true, schema: 'core' });
  return [...composer.compose(tokens ?? (pyyaml ? lex(text) : new Parser(new LineCounter().addNewLine).parse(text)))];
}
/**
 * How deep the collections of a token stream nest, and the spans to cut: each collection at level `limit + 1`, from
 * its first character to its last. One pass with an explicit stack.
 */
function yamlDepth(tokens: readonly CST.Token[], limit: number): { depth: number; cuts: Cut[] } {
  const cuts: Cut[] = [];
  let max = 0;
  const stack: { tok: CST.Token; level: number; cut: boolean }[] = [];
  for (const t of tokens) if (t.type === 'document' && t.value) stack.push({ tok: t.value, level: 0, cut: false });
  while (stack.length) {
    const { tok, level, cut } = stack.pop()!;
    if (!CST.isCollection(tok)) continue;
    const own = level + 1;
    if (own > max) max = own;
    const cutHere = !cut && own > limit;
    if (cutHere) cuts.push({ start: tok.offset, end: extentEnd(tok) });
    for (const it of tok.items) {
      if (it.key) stack.push({ tok: it.key, level: own, cut: cut || cutHere });
      if (it.value) stack.push({ tok: it.value, level: own, cut: cut || cutHere });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
  return { depth: max, cuts };
}

const TRIVIA = new Set(['space', 'newline', 'comment']);

/** Offset just after the last character of a token's value (comments and line breaks after it excluded). */
function extentEnd(root: CST.Token): number {
  let end = root.offset + 1;
  const source = (t: { type: string; offset: number; source: string }) => {
    if (!TRIVIA.has(t.type)) end = Math.max(end, t.offset + t.source.length);
  };
  const stack: CST.Token[] = [root];
  while (stack.length) {
    const t = stack.pop()!;
    switch (t.type) {
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (t.type === 'flow-collection') {
          source(t.start);
          t.end.forEach(source);
        }
        for (const it of t.items) {
          it.start.forEach(source);
          it.sep?.forEach(source);
          if (it.key) stack.push(it.key);
          if (it.value) stack.push(it.value);
        }
        break;
      case 'block-scalar': {
        let from = t.offset;
        for (const p of t.props)
          if ('source' in p) {
            source(p);
            from = Math.max(from, p.offset + p.source.length);
          }
        let n = t.source.length;
        while (n > 0 && /\s/.test(t.source[n - 1])) n--;
        end = Math.max(end, from + n);
        break;
      }
      case 'document':
        break;
      default:
        if ('source' in t) source(t);
    }
  }
  return end;
}

/** Errors of the `yaml` package for input that PyYAML (and so CloudFormation) accepts. */
const TOLERATED = /^Comments must be separated from other tokens by white space characters/;

/** What PyYAML (and CloudFormation: "special characters are not allowed") refuses anywhere in a stream. */
const SPECIAL = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

interface LexerInternals {
  flowLevel: number;
  indentNext: number;
}
type Step = (this: LexerInternals) => Generator<string, string>;

/**
 * The `yaml` package's lexer, reading quoted scalars, flow collections and plain scalars inside flow collections as
 * PyYAML does: their continuation lines may have any indentation. Done by lifting the minimum indentation while the
 * lexer reads one of them; a `---` or `...` line still ends them, as in PyYAML.
 */
function* lex(text: string): Generator<CST.Token> {
  const lexer = new Lexer();
  const steps = lexer as unknown as Record<string, Step>;
  for (const [name, onlyInFlow] of [
    ['parseQuotedScalar', false],
    ['parseFlowCollection', false],
    ['parsePlainScalar', true],
  ] as const) {
    const original = steps[name];
    if (typeof original !== 'function') throw new Error(`yaml lexer has no ${name}`);
    steps[name] = function* (this: LexerInternals) {
      if (onlyInFlow && !this.flowLevel) return yield* original.call(this);
      const saved = this.indentNext;
      this.indentNext = 0;
      try {
        return yield* original.call(this);
      } finally {
        this.indentNext = saved;
      }
    };
  }
  const parser = new Parser(new LineCounter().addNewLine);
  for (const lexeme of lexer.lex(text)) yield* parser.next(lexeme);
  yield* parser.end();
}

type YamlError = Document.Parsed['errors'][number];
/** A problem, and where the bracket or quote it blames opens. */
type Described = ParseProblem & { opening?: number };

/**
 * One clear problem per document (later errors are usually echoes of the first). Read as PyYAML does, an unclosed
 * bracket runs on over the following lines and the parser gives up somewhere inside; YAML 1.2's indentation rule ends
 * it where the author's layout does. So when the error lies inside a bracket that the YAML 1.2 reading finds unclosed,
 * that bracket is the cause reported. (An unclosed quote is found without that: see `describeError`.)
 */
function describeFailure(src: string, err: YamlError, doc: Document.Parsed): ParseProblem {
  const { opening: blamed, ...lenient } = describeError(src, err, doc);
  if (blamed !== undefined) return lenient;
  const strictDoc = compose(src, false)[0];
  const strictErr = strictDoc?.errors.find(e => !TOLERATED.test(e.message));
  if (!strictErr) return lenient;
  const { opening, ...strict } = describeError(src, strictErr, strictDoc);
  const pos = err.pos[0];
  if (opening === undefined || opening >= pos || (src[opening] !== '[' && src[opening] !== '{')) return lenient;
  const quoted = quotedRanges(doc);
  return innermostUnclosed(src, pos, '[{', i => yamlSkip(src, i, quoted)) === opening ? strict : lenient;
}

/** Unclosed brackets and quotes are reported at the opening character, where the author has to act. */
function describeError(text: string, err: YamlError, doc: Document.Parsed): Described {
  const code = err.code;
  const [s, e] = err.pos;
  const first = err.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const quoted = quotedRanges(doc);
  const closer = /end with a ([\]}])/.exec(first)?.[1];
  if (closer) {
    const open = innermostUnclosed(text, s, closer === ']' ? '[' : '{', i => yamlSkip(text, i, quoted));
    if (open >= 0) {
      return {
        code,
        start: open,
        end: open + 1,
        opening: open,
        message: {
          ja: `YAML 構文エラー: この ${text[open]} が閉じられていません（${closer} が必要です）`,
          en: `YAML syntax error: this ${text[open]} is never closed (add ${closer})`,
        },
      };
    }
  }
  if (/Missing closing "?quote|Missing closing '/.test(first)) {
    const q = /'/.test(first) && !/"/.test(first) ? "'" : '"';
    const scalar = quoted.find(([qs, qe]) => qs < s && s <= qe && text[qs] === q);
    const open = scalar ? scalar[0] : text.lastIndexOf(q, Math.max(0, s - 1));
    if (open >= 0)
      return {
        code,
        start: open,
        end: open + 1,
        opening: open,
        message: {
          ja: `YAML 構文エラー: この引用符 ${q} が閉じられていません`,
          en: `YAML syntax error: this ${q} quote is never closed`,
        },
      };
  }
  if (code === 'MULTILINE_IMPLICIT_KEY' && innermostUnclosed(text, s, '[{', i => yamlSkip(text, i, quoted)) >= 0) {
    // Inside brackets, a "key" running over two lines is two entries without the comma between them.
    const nl = text.indexOf('\n', s);
    if (nl >= 0 && nl < e) {
      let last = nl;
      while (last > s && /\s/.test(text[last - 1])) last--;
      return localized(code, 'yamlMissingComma', s, Math.max(last, s + 1));
    }
  }
  // The quoted scalar that ends on the error's line, just before it: the usual cause of an error there.
  const before = quoted.filter(([qs, qe]) => qe <= s && !text.slice(qe, s).includes('\n') && qs < qe - 1).pop();
  if (before) {
    const [qs, qe] = before;
    const q = text[qs];
    const close = qe - 1;
    if (
      text.slice(qs, qe).includes('\n') &&
      /[\s[{,:]/.test(text[close - 1]) &&
      !/^\s*(#|$)/.test(text.slice(qe, s + 1))
    ) {
      // A quote never closed on its line runs on to the next quote, meant to open another string.
      return {
        ...localized(code, 'yamlQuoteRunsOn', qs, qs + 1, { quote: q, line: lineOf(text, close) }),
        opening: qs,
      };
    }
    if (q === "'" && qe === s && /[\p{L}\p{N}]/u.test(text[s] ?? '')) {
      // 'it's': the apostrophe closed the string.
      return localized(code, 'yamlApostrophe', close, qe);
    }
  }
  const end = Math.min(Math.max(e, s + 1), Math.max(text.length, s));
  return { code, start: s, end, message: { ja: `YAML 構文エラー: ${first}`, en: `YAML syntax error: ${first}` } };
}

/** [start, end) of every quoted scalar the parser read, in document order. */
function quotedRanges(doc: Document.Parsed): [number, number][] {
  const out: [number, number][] = [];
  visit(doc, {
    Scalar(_, n: Scalar) {
      if ((n.type === 'QUOTE_SINGLE' || n.type === 'QUOTE_DOUBLE') && n.range) out.push([n.range[0], n.range[1]]);
    },
  });
  return out.sort((a, b) => a[0] - b[0]);
}

/**
 * Where a YAML quoted scalar or comment starting at `i` ends, or -1. A quote the parser did not read as one closes at
 * the line's end at the latest.
 */
function yamlSkip(text: string, i: number, quoted: [number, number][]): number {
  const c = text[i],
    prev = text[i - 1] ?? ' ';
  if (c === '"' || c === "'") {
    const read = quoted.find(([qs]) => qs === i);
    if (read) return read[1] - 1;
    if (/[\s[{,:]/.test(prev)) return endOf(text, i, c + '\n');
  }
  if (c === '#' && /\s/.test(prev)) return endOf(text, i, '\n');
  return -1;
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function lineEnd(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return Math.max(offset + 1, nl < 0 ? text.length : nl);
}

/** A problem whose words are a phrase, in both languages. */
function localized(code: string, id: PhraseId, start: number, end: number, args: Args = {}): ParseProblem {
  return { code, start, end, message: { ja: t(id, 'ja', args), en: t(id, 'en', args) } };
}

function problem(code: string, ja: string, en: string, start: number, end: number, e?: unknown): ParseProblem {
  const detail = e instanceof Error ? `: ${e.message.split('\n')[0]}` : '';
  return { code, start, end, message: { ja: ja + detail, en: en + detail } };
}

class Converter {
  /** Set when the document is not valid YAML although the `yaml` package composed it (an alias without anchor). */
  invalid: ParseProblem | undefined;
  private aliasBudget = MAX_ALIAS_NODES;
  private reportedDepth = false;
  private reportedAlias = false;
  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
    private readonly doc: Document.Parsed,
    private readonly cutEnds: ReadonlyMap<number, number>,
  ) {}

  /** `depth` is the number of collections around `n`. */
  convert(n: YNode, depth: number): Node {
    const [start, valueEnd] = n.range ?? [0, 0, 0];
    const cutEnd = isScalar(n) ? this.cutEnds.get(start) : undefined;
    // A placeholder for a collection nested beyond the limit (the text was cut there before composing).
    if (cutEnd !== undefined) return { kind: 'scalar', value: null, start, end: cutEnd, truncated: true };
    if ((isMap(n) || isSeq(n)) && depth >= MAX_DEPTH) {
      // Only an alias leads here (the text itself was cut at the limit): its anchor expands too deep.
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        const cut = { start, end: Math.max(valueEnd, start + 1) };
        this.problems.push(tooDeepProblem(cut, depth + levelsOf(n), MAX_DEPTH));
      }
      return { kind: 'scalar', value: null, start, end: valueEnd, truncated: true };
    }
    const tag = n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? n.tag : undefined;
    const tagStart = tag ? this.text.lastIndexOf(tag, start) : -1;
    const s = tagStart >= 0 ? tagStart : start;
    let out: Node;
    if (isAlias(n)) {
      const target = n.resolve(this.doc);
      if (!target && !this.invalid) {
        const alias = `*${n.source}`;
        this.invalid = localized('UNDEFINED_ALIAS', 'yamlUndefinedAlias', start, Math.max(valueEnd, start + 1), {
          alias,
        });
      }
      if (!target || --this.aliasBudget < 0) {
        if (!this.reportedAlias && target) {
          this.reportedAlias = true;
          this.problems.push({
            code: 'ALIAS_LIMIT',
            start,
            end: Math.max(valueEnd, start + 1),
            message: {
              ja: 'YAML エイリアスの展開が上限を超えました。展開を打ち切ります',
              en: 'YAML alias expansion exceeds the limit; expansion stopped',
            },
          });
        }
        return { kind: 'scalar', value: null, start, end: valueEnd };
      }
      const size = countNodes(target as YNode, this.aliasBudget);
      this.aliasBudget -= size;
      if (this.aliasBudget < 0) return this.convert(n, depth);
      // What the alias stands for sits where the alias is written, at its depth.
      const inner = this.convert(target as YNode, depth);
      markAliased(inner);
      // The alias itself is written here; what it stands for is the anchor's text.
      return { ...inner, start, end: valueEnd, aliased: undefined };
    } else if (isMap(n)) {
      let entries: Entry[] = [];
      const merged: Entry[] = [];
      const byKey = new Map<string, Entry>();
      const ignored = new Set<Entry>();
      for (const p of n.items) {
        const k = p.key as YNode | null;
        const key = k && isScalar(k) ? String(k.value) : k ? this.text.slice(k.range?.[0] ?? 0, k.range?.[1] ?? 0) : '';
        const [ks, ke] = k?.range ?? [0, 0];
        const value: Node = p.value
          ? this.convert(p.value as YNode, depth + 1)
          : { kind: 'scalar', value: null, start: ke, end: ke };
        if (key === '<<' && k && isScalar(k) && k.type === 'PLAIN' && (isAlias(p.value) || isSeq(p.value))) {
          // Merge key: the aliased maps' entries count as this map's, the ones written here winning, earlier sources
          // first.
          for (const source of value.kind === 'seq' ? value.items : [value]) {
            if (source.kind === 'map')
              for (const e of source.entries) merged.push({ ...e, value: markAliased(e.value) });
          }
          continue;
        }
        const entry = { key, keyStart: ks, keyEnd: ke, value };
        const earlier = byKey.get(key);
        if (earlier) {
          // CloudFormation (like PyYAML) keeps the last value: the earlier entry is ignored, and reported.
          const line = lineOf(this.text, ks);
          this.problems.push(
            localized('DUPLICATE_KEY', 'yamlDuplicateKey', earlier.keyStart, earlier.keyEnd, { key, line }),
          );
          ignored.add(earlier);
        }
        byKey.set(key, entry);
        entries.push(entry);
      }
      if (ignored.size) entries = entries.filter(e => !ignored.has(e));
      const own = new Set(entries.map(e => e.key));
      const inherited = merged.filter((e, i) => !own.has(e.key) && merged.findIndex(x => x.key === e.key) === i);
      out = { kind: 'map', entries: [...inherited, ...entries], flow: !!n.flow, start, end: valueEnd };
    } else if (isSeq(n)) {
      const items = n.items.map(it => this.convert(it as YNode, depth + 1));
      out = { kind: 'seq', items, flow: !!n.flow, start, end: valueEnd };
    } else if (isScalar(n)) {
      const v = n.value;
      const value =
        v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : String(v);
      const quote = n.type === 'QUOTE_DOUBLE' ? '"' : n.type === 'QUOTE_SINGLE' ? "'" : undefined;
      out = { kind: 'scalar', value, quote, start, end: valueEnd };
    } else {
      out = { kind: 'scalar', value: null, start, end: valueEnd };
    }
    return tag ? shortFormIntrinsic(tag, s, out) : out;
  }
}

/** How many levels of collections a node holds (1 for a flat map), counted without recursion. */
function levelsOf(n: YNode): number {
  let max = 0;
  const stack: [unknown, number][] = [[n, 0]];
  while (stack.length) {
    const [x, level] = stack.pop()!;
    if (isMap(x) || isSeq(x)) {
      max = Math.max(max, level + 1);
      for (const it of x.items) stack.push([isPair(it) ? it.value : it, level + 1]);
    }
  }
  return max;
}

/** Marks a converted subtree as the anchor's text (fixes never edit it: the edit would change every alias). */
function markAliased(n: Node): Node {
  n.aliased = true;
  if (n.kind === 'map') for (const e of n.entries) markAliased(e.value);
  else if (n.kind === 'seq') for (const it of n.items) markAliased(it);
  return n;
}

function countNodes(n: YNode, cap: number): number {
  let count = 0;
  const stack: unknown[] = [n];
  while (stack.length && count <= cap) {
    const x = stack.pop();
    count++;
    if (isMap(x)) for (const p of x.items) stack.push(p.value);
    else if (isSeq(x)) for (const it of x.items) stack.push(it);
  }
  return count;
}

const SHORT_FORMS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  ...Object.fromEntries(
    [
      'Sub',
      'GetAtt',
      'If',
      'Join',
      'Select',
      'Split',
      'FindInMap',
      'ImportValue',
      'Base64',
      'Cidr',
      'GetAZs',
      'Equals',
      'And',
      'Or',
      'Not',
      'Transform',
      'ToJsonString',
      'Length',
    ].map(f => [`!${f}`, `Fn::${f}`]),
  ),
};

/** `!GetAtt A.B` → `{Fn::GetAtt: "A.B"}`; unknown tags keep their value and the tag. */
function shortFormIntrinsic(tag: string, tagStart: number, value: Node): Node {
  const fn = SHORT_FORMS[tag];
  if (!fn) return { ...value, start: tagStart, tag } as Node;
  return {
    kind: 'map',
    flow: true,
    tag,
    start: tagStart,
    end: value.end,
    entries: [{ key: fn, keyStart: tagStart, keyEnd: tagStart + tag.length, value }],
  };
}
