/**
 * How deep the brackets of a TypeScript file nest — `(`, `[`, `{` and template `${` — measured with TypeScript's own
 * scanner (strings, comments, regular expressions and template literals skipped), in one linear pass. The
 * TypeScript parser recurses about a dozen frames per level, so the content of brackets deeper than the limit is
 * blanked before it parses: the rest of the file still parses and is checked.
 */
import type * as TS from 'typescript';
import { Cut } from '../parse/limits';

export function tsDepth(ts: typeof TS, text: string, limit: number): { depth: number; cuts: Cut[] } {
  const K = ts.SyntaxKind;
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  /** Open brackets; true for a template literal's `${`. */
  const stack: boolean[] = [];
  const cuts: Cut[] = [];
  let max = 0;
  let cutStart = -1;
  let prev: TS.SyntaxKind = K.Unknown;
  const open = (template: boolean) => {
    stack.push(template);
    if (stack.length > max) max = stack.length;
    if (stack.length === limit + 1 && cutStart < 0) cutStart = scanner.getTokenEnd();
  };
  const close = () => {
    if (stack.length === limit + 1 && cutStart >= 0) {
      cuts.push({ start: cutStart, end: scanner.getTokenStart() });
      cutStart = -1;
    }
    stack.pop();
  };
  for (;;) {
    let tok = scanner.scan();
    if (tok === K.EndOfFileToken) break;
    if ((tok === K.SlashToken || tok === K.SlashEqualsToken) && regexMayFollow(ts, prev))
      tok = scanner.reScanSlashToken();
    if (tok === K.CloseBraceToken && stack[stack.length - 1]) tok = scanner.reScanTemplateToken(false);
    switch (tok) {
      case K.OpenParenToken:
      case K.OpenBracketToken:
      case K.OpenBraceToken:
        open(false);
        break;
      case K.TemplateHead:
        open(true);
        break;
      case K.CloseParenToken:
      case K.CloseBracketToken:
      case K.CloseBraceToken:
      case K.TemplateTail:
        if (stack.length) close();
        break;
      case K.TemplateMiddle:
        // `}…${`: one substitution ends, the next begins at the same level.
        if (stack.length) close();
        open(true);
        break;
    }
    prev = tok;
  }
  if (cutStart >= 0) cuts.push({ start: cutStart, end: text.length });
  return { depth: max, cuts };
}

/** After these a `/` divides; after anything else it starts a regular expression. */
function regexMayFollow(ts: typeof TS, prev: TS.SyntaxKind): boolean {
  const K = ts.SyntaxKind;
  switch (prev) {
    case K.Identifier:
    case K.PrivateIdentifier:
    case K.NumericLiteral:
    case K.BigIntLiteral:
    case K.StringLiteral:
    case K.NoSubstitutionTemplateLiteral:
    case K.TemplateTail:
    case K.RegularExpressionLiteral:
    case K.CloseParenToken:
    case K.CloseBracketToken:
    case K.CloseBraceToken:
    case K.PlusPlusToken:
    case K.MinusMinusToken:
    case K.ThisKeyword:
    case K.SuperKeyword:
    case K.TrueKeyword:
    case K.FalseKeyword:
    case K.NullKeyword:
      return false;
    default:
      return true;
  }
}
