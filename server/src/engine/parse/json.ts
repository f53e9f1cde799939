import { parseTree, ParseError, printParseErrorCode, Node as JNode } from 'jsonc-parser';
import { Entry, Node } from '../model/node';
import { endOf, innermostUnclosed } from './brackets';
import { MAX_DEPTH, ParseProblem, ParseResult } from './limits';

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

/** Parses strict JSON into the neutral node tree. The first syntax error is reported; later ones are usually echoes. */
export function parseJson(text: string): ParseResult<Node> {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) return { problems: [describeError(text, errors[0])] };
  const problems: ParseProblem[] = [];
  const root = tree ? convert(tree, 0, problems, text) : undefined;
  return { root, problems };
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

function convert(n: JNode, depth: number, problems: ParseProblem[], text: string): Node {
  const start = n.offset,
    end = n.offset + n.length;
  if (depth > MAX_DEPTH) {
    if (!problems.some(p => p.code === 'DEPTH'))
      problems.push({
        code: 'DEPTH',
        start,
        end,
        message: {
          ja: `入れ子が深すぎます (${MAX_DEPTH} 段まで)。これより深い部分は解析しません`,
          en: `Nesting is too deep (limit ${MAX_DEPTH}); deeper values are not analysed`,
        },
      });
    return { kind: 'scalar', value: null, start, end };
  }
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
          ? convert(v, depth + 1, problems, text)
          : { kind: 'scalar', value: null, start: k.offset + k.length, end: k.offset + k.length };
        entries.push({ key, keyStart: k.offset, keyEnd: k.offset + k.length, value });
      }
      return { kind: 'map', entries, flow: true, start, end };
    }
    case 'array':
      return {
        kind: 'seq',
        items: (n.children ?? []).map(c => convert(c, depth + 1, problems, text)),
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
