/** Bounds on untrusted input, shared by every parser. */
export const MAX_DEPTH = 128;
/** How many nodes alias expansion may add before we stop (defuses "billion laughs"). */
export const MAX_ALIAS_NODES = 10_000;

export interface ParseProblem {
  message: { ja: string; en: string };
  start: number;
  end: number;
  code: string;
}
export interface ParseResult<T> {
  root?: T;
  problems: ParseProblem[];
}
