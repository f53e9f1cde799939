import { parseTree, ParseError, printParseErrorCode, Node as JNode } from 'jsonc-parser';
import { Entry, Node } from '../model/node';
import { endOf, innermostUnclosed } from './brackets';
import { blankCuts, Cut, MAX_DEPTH, ParseProblem, ParseResult, tooDeepProblem } from './limits';

const JA: Record<string, string> = {
  InvalidSymbol: '不正な文字',
  InvalidNumberFormat: '数値の形式が不正',
  PropertyNameExpected: 'プロパティ名が必要',
  ValueExpected: '値が必要',
  ColonExpected: 'コロンが必要',
  CommaExpected: 'カンマが必要',
  CloseBraceExpected: '閉じ波括弧 } が必要',
  CloseBracketExpected: '閉じ角括弧 ] が必要',
  EndOfFileExpected: 'ファイルの終わりが必要',
  InvalidCommentToken: 'コメントは使えません',
  UnexpectedEndOfComment: 'コメントが閉じていません',
  UnexpectedEndOfString: '文字列が閉じていません',
  UnexpectedEndOfNumber: '数値が途中で終わっています',
  InvalidUnicode: '不正な Unicode エスケープ',
  InvalidEscapeCharacter: '不正なエスケープ文字',
  InvalidCharacter: '不正な文字',
};
const EN: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace } expected',
  CloseBracketExpected: 'closing bracket ] expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

/**
 * Parses strict JSON into the neutral node tree. The first syntax error is reported; later ones are usually echoes.
 * Values nested deeper than `MAX_DEPTH` are cut before the parser (which recurses) sees them: they become opaque
 * `truncated` nodes and one `DEPTH` problem says how deep the document goes.
 */
export function parseJson(text: string): ParseResult<Node> {
  const deep = jsonDepth(text, MAX_DEPTH);
  const source = blankCuts(text, deep.cuts, '0');
  const depthProblems = deep.cuts.length ? [tooDeepProblem(deep.cuts[0], deep.depth, MAX_DEPTH)] : [];
  const errors: ParseError[] = [];
  const tree = parseTree(source, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  if (errors.length) return { problems: [describeError(text, errors[0]), ...depthProblems] };
  const problems: ParseProblem[] = [...depthProblems];
  const cutEnds = new Map(deep.cuts.map(c => [c.start, c.end]));
  const root = tree ? convert(tree, 0, problems, cutEnds) : undefined;
  return { root, problems };
}

/**
 * How deep the brackets of a JSON text nest (strings and comments skipped), and the spans to cut: each bracket that
 * opens at level `limit + 1`, to its closer (or the end of the text). One linear pass, no recursion.
 */
export function jsonDepth(text: string, limit: number): { depth: number; cuts: Cut[] } {
  const cuts: Cut[] = [];
  let depth = 0;
  let max = 0;
  let cutStart = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      i++;
      while (i < text.length) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 0x0a) break;
        i++;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
      depth++;
      if (depth > max) max = depth;
      if (depth === limit + 1 && cutStart < 0) cutStart = i;
    } else if (c === 0x5d /* ] */ || c === 0x7d /* } */) {
      if (depth === 0) continue;
      if (depth === limit + 1 && cutStart >= 0) {
        cuts.push({ start: cutStart, end: i + 1 });
        cutStart = -1;
      }
      depth--;
    }
  }
  if (cutStart >= 0) cuts.push({ start: cutStart, end: text.length });
  return { depth: max, cuts };
}

/**
 * One problem per document. A bracket left open — the parser stops at the end of the file, or at a closer of the other
 * kind — is reported at its opening character, where the author has to act.
 */
function describeError(text: string, e: ParseError): ParseProblem {
  const name = printParseErrorCode(e.error);
  const start = Math.min(e.offset, text.length);
  const atEnd = text.slice(start).trim() === '';
  const strayCloser = /[\]}]/.test(text[start] ?? '');
  if (atEnd || strayCloser) {
    const open = innermostUnclosed(text, start, '[{', i => (text[i] === '"' ? endOf(text, i, '"\n', true) : -1));
    const closer = open >= 0 ? (text[open] === '[' ? ']' : '}') : '';
    if (open >= 0 && (atEnd || text[start] !== closer)) {
      return {
        code: name,
        start: open,
        end: open + 1,
        message: {
          ja: `JSON 構文エラー: この ${text[open]} が閉じられていません（${closer} が必要です）`,
          en: `JSON syntax error: this ${text[open]} is never closed (add ${closer})`,
        },
      };
    }
  }
  const end = Math.min(text.length, start + Math.max(1, e.length));
  return {
    code: name,
    start,
    end: Math.max(end, start),
    message: { ja: `JSON 構文エラー: ${JA[name] ?? name}`, en: `JSON syntax error: ${EN[name] ?? name}` },
  };
}

/** Converts the parser's tree; depth stays within `MAX_DEPTH` because deeper spans were cut from the text. */
function convert(n: JNode, depth: number, problems: ParseProblem[], cutEnds: Map<number, number>): Node {
  const start = n.offset,
    end = n.offset + n.length;
  const cutEnd = cutEnds.get(start);
  if (cutEnd !== undefined) return { kind: 'scalar', value: null, start, end: cutEnd, truncated: true };
  if (depth > MAX_DEPTH) return { kind: 'scalar', value: null, start, end, truncated: true };
  switch (n.type) {
    case 'object': {
      const entries: Entry[] = [];
      const keys = new Set<string>();
      for (const p of n.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k) continue;
        const key = String(k.value);
        if (keys.has(key))
          problems.push({
            code: 'DUPLICATE_KEY',
            start: k.offset,
            end: k.offset + k.length,
            message: { ja: `キー "${key}" が重複しています`, en: `Duplicate key "${key}"` },
          });
        keys.add(key);
        const value: Node = v
          ? convert(v, depth + 1, problems, cutEnds)
          : { kind: 'scalar', value: null, start: k.offset + k.length, end: k.offset + k.length };
        entries.push({ key, keyStart: k.offset, keyEnd: k.offset + k.length, value });
      }
      return { kind: 'map', entries, flow: true, start, end };
    }
    case 'array':
      return {
        kind: 'seq',
        items: (n.children ?? []).map(c => convert(c, depth + 1, problems, cutEnds)),
        flow: true,
        start,
        end,
      };
    case 'string':
      return { kind: 'scalar', value: n.value as string, quote: '"', start, end };
    default:
      return { kind: 'scalar', value: n.value as number | boolean | null, start, end };
  }
}
