import { isAlias, isMap, isScalar, isSeq, LineCounter, Parser, Composer, Document, Node as YNode } from 'yaml';
import { Entry, Node } from '../model/node';
import { endOf, innermostUnclosed } from './brackets';
import { MAX_ALIAS_NODES, MAX_DEPTH, ParseProblem, ParseResult } from './limits';

/** Parses YAML (1.2, CloudFormation short-form tags allowed) into the neutral node tree with exact offsets. */
export function parseYaml(text: string): ParseResult<Node> {
  const problems: ParseProblem[] = [];
  let docs: Document.Parsed[];
  try {
    docs = [
      ...new Composer({ uniqueKeys: true, strict: true }).compose(new Parser(new LineCounter().addNewLine).parse(text)),
    ];
  } catch (e) {
    return {
      problems: [problem('YAML', 'YAML を解析できません', 'Cannot parse YAML', 0, Math.min(text.length, 1), e)],
    };
  }
  const doc = docs[0];
  if (!doc) return { problems };
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
  for (const err of doc.errors.slice(0, 1)) problems.push(describeError(text, err.code, err.pos, err.message));
  if (doc.errors.length) return { problems };
  const conv = new Converter(text, problems, doc);
  const root = doc.contents ? conv.convert(doc.contents as YNode, 0) : undefined;
  return { root, problems };
}

/**
 * One clear problem per document (later errors are usually echoes of the first). Unclosed brackets and quotes are
 * reported at the opening character, where the author has to act, not where the parser gave up.
 */
function describeError(text: string, code: string, [s, e]: [number, number], raw: string): ParseProblem {
  const first = raw.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const closer = /end with a ([\]}])/.exec(first)?.[1];
  if (closer) {
    const open = innermostUnclosed(text, s, closer === ']' ? '[' : '{', i => yamlSkip(text, i));
    if (open >= 0) {
      return {
        code,
        start: open,
        end: open + 1,
        message: {
          ja: `YAML 構文エラー: この ${text[open]} が閉じられていません（${closer} が必要です）`,
          en: `YAML syntax error: this ${text[open]} is never closed (add ${closer})`,
        },
      };
    }
  }
  if (/Missing closing "?quote|Missing closing '/.test(first)) {
    const q = /'/.test(first) && !/"/.test(first) ? "'" : '"';
    const open = text.lastIndexOf(q, Math.max(0, s - 1));
    if (open >= 0)
      return {
        code,
        start: open,
        end: open + 1,
        message: {
          ja: `YAML 構文エラー: この引用符 ${q} が閉じられていません`,
          en: `YAML syntax error: this ${q} quote is never closed`,
        },
      };
  }
  const end = Math.min(Math.max(e, s + 1), Math.max(text.length, s));
  return { code, start: s, end, message: { ja: `YAML 構文エラー: ${first}`, en: `YAML syntax error: ${first}` } };
}

/** Where a YAML quoted scalar or comment starting at `i` ends (quotes close at the line's end at the latest), or -1. */
function yamlSkip(text: string, i: number): number {
  const c = text[i],
    prev = text[i - 1] ?? ' ';
  if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) return endOf(text, i, c + '\n');
  if (c === '#' && /\s/.test(prev)) return endOf(text, i, '\n');
  return -1;
}

function problem(code: string, ja: string, en: string, start: number, end: number, e?: unknown): ParseProblem {
  const detail = e instanceof Error ? `: ${e.message.split('\n')[0]}` : '';
  return { code, start, end, message: { ja: ja + detail, en: en + detail } };
}

class Converter {
  private aliasBudget = MAX_ALIAS_NODES;
  private reportedDepth = false;
  private reportedAlias = false;
  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
    private readonly doc: Document.Parsed,
  ) {}

  convert(n: YNode, depth: number): Node {
    const [start, valueEnd] = n.range ?? [0, 0, 0];
    if (depth > MAX_DEPTH) {
      if (!this.reportedDepth) {
        this.reportedDepth = true;
        this.problems.push({
          code: 'DEPTH',
          start,
          end: Math.max(valueEnd, start + 1),
          message: {
            ja: `入れ子が深すぎます (${MAX_DEPTH} 段まで)。これより深い部分は解析しません`,
            en: `Nesting is too deep (limit ${MAX_DEPTH}); deeper values are not analysed`,
          },
        });
      }
      return { kind: 'scalar', value: null, start, end: valueEnd };
    }
    const tag = n.tag && n.tag.startsWith('!') && !n.tag.startsWith('!!') ? n.tag : undefined;
    const tagStart = tag ? this.text.lastIndexOf(tag, start) : -1;
    const s = tagStart >= 0 ? tagStart : start;
    let out: Node;
    if (isAlias(n)) {
      const target = n.resolve(this.doc);
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
      const inner = this.convert(target as YNode, depth + 1);
      markAliased(inner);
      // The alias itself is written here; what it stands for is the anchor's text.
      return { ...inner, start, end: valueEnd, aliased: undefined };
    } else if (isMap(n)) {
      const entries: Entry[] = [];
      const merged: Entry[] = [];
      for (const p of n.items) {
        const k = p.key as YNode | null;
        const key = k && isScalar(k) ? String(k.value) : k ? this.text.slice(k.range?.[0] ?? 0, k.range?.[1] ?? 0) : '';
        const [ks, ke] = k?.range ?? [0, 0];
        const value: Node = p.value
          ? this.convert(p.value as YNode, depth + 1)
          : { kind: 'scalar', value: null, start: ke, end: ke };
        if (key === '<<' && k && isScalar(k) && k.type === 'PLAIN' && (isAlias(p.value) || isSeq(p.value))) {
          // Merge key: the aliased maps' entries count as this map's, the ones written here winning, earlier sources first.
          for (const source of value.kind === 'seq' ? value.items : [value]) {
            if (source.kind === 'map')
              for (const e of source.entries) merged.push({ ...e, value: markAliased(e.value) });
          }
          continue;
        }
        entries.push({ key, keyStart: ks, keyEnd: ke, value });
      }
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
