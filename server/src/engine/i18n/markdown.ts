/**
 * Markdown from file contents. Hover and completion documentation are Markdown, and editors load the images and
 * follow the links they find there: text taken from a checked file (resource names, values, paths, descriptions,
 * messages quoting them) is escaped here so it always renders as the text it is — never an image, a link, an
 * autolink, HTML or a heading. Catalog text we write ourselves keeps its formatting.
 */
import type { Catalog } from '../catalog/catalog';
import type { Cause } from '../model/evaluate';
import { Arg, Args, findingMessage, Lang, parentName } from './text';

/** Controls other than line breaks and tabs (escape sequences, bidi overrides) say nothing in a hover. */
// eslint-disable-next-line no-control-regex -- these are the characters to remove
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Words, names and paths that no Markdown construct can start from: a letter or digit first (no list, heading or
 * quote marker; not a numbered-list `1. `), then letters, digits, spaces, `.`, `:`, `/`, `,`, `-` and `_` between
 * letters or digits (`AWS::S3::Bucket`, `ehr-platform.yaml`, `aws:kms`, `TLSv1.2_2021`) — but no `//` or `www.`,
 * which GFM and linkify turn into links (`http://x`, `//x`). These are left as written so the Markdown stays readable
 * in any client.
 */
const PLAIN = /^(?!\d+[.)](?:\s|$))[\p{L}\p{N}](?:[\p{L}\p{N} .:/,-]|(?<=[\p{L}\p{N}])_(?=[\p{L}\p{N}]))*$/u;
const AUTOLINK = /\/\/|www\./i;

/**
 * Text as Markdown that renders exactly as that text. Anything but plain words gets every ASCII punctuation character
 * backslash-escaped (CommonMark allows it for all of them, and it breaks every construct: `![`, `](`, `<tag`,
 * `<http://`, bare `http://` and `www.` autolinks, `&entity;`, emphasis, headings, tables). Line breaks are kept;
 * indentation at the start of a line is dropped (a paragraph does not show it, and four spaces would make a code
 * block that shows the escapes).
 */
export function markdownText(s: string): string {
  const text = s.replace(CONTROL, '').replace(/^[ \t]+/gm, '');
  if (PLAIN.test(text) && !AUTOLINK.test(text)) return text;
  return text.replace(/[!-/:-@[-`{-~]/g, c => '\\' + c);
}

/** `markdownText` on one line (line breaks become spaces): for names and values inside a sentence or a table. */
export function markdownInline(s: string): string {
  return markdownText(s.replace(/\r\n|[\r\n\u2028\u2029]/g, ' '));
}

/**
 * Text as a Markdown code span: nothing inside a code span is markup, so it needs a fence longer than any run of
 * backticks it holds (and a space inside the fence when it starts or ends with one).
 */
export function markdownCode(s: string): string {
  const text = s.replace(CONTROL, '').replace(/\r\n|[\r\n\t\u2028\u2029]/g, ' ');
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(r => r.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || /^ .* $/.test(text) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Every text a finding's arguments carry, escaped: strings come from the file, and so may a `{ja, en}` pair (a
 * detail quoting a value). Only the template of a `catalogText` phrase stays as written: it is the catalog's, and its
 * `{placeholders}` must still be filled.
 */
export function escapeArg(a: Arg | undefined): Arg | undefined {
  if (a === undefined || typeof a === 'number') return a;
  if (typeof a === 'string') return markdownInline(a);
  if (isArgList(a)) return a.map(x => escapeArg(x) as Arg);
  if ('phrase' in a) {
    if (!a.args) return a;
    const args = escapeArgs(a.args);
    if (a.phrase === 'catalogText') args.text = a.args.text;
    return { ...a, args };
  }
  if ('finding' in a) return { finding: escapeFinding(a.finding) };
  if ('count' in a) return a;
  return { ja: markdownInline(a.ja), en: markdownInline(a.en) };
}

function isArgList(a: Arg): a is readonly Arg[] {
  return Array.isArray(a);
}

function escapeArgs(args: Args): Args {
  const out: Args = {};
  for (const [k, v] of Object.entries(args)) out[k] = escapeArg(v);
  return out;
}

function escapeCause(c: Cause): Cause {
  switch (c.kind) {
    case 'condition':
      return { ...c, name: markdownInline(c.name) };
    case 'passed': {
      // Messages name the parent by its file name (parentName): that name escaped, as a URI that decodes to it.
      const parent = encodeURIComponent(markdownInline(parentName(c.parent)));
      return { ...c, name: markdownInline(c.name), value: markdownInline(c.value), parent };
    }
    case 'parameter':
      return {
        ...c,
        name: markdownInline(c.name),
        value: markdownInline(c.value),
        ...(c.default === undefined ? {} : { default: markdownInline(c.default) }),
      };
  }
}

type FindingLike = Parameters<typeof findingMessage>[1];

function escapeFinding(f: FindingLike): FindingLike {
  return {
    rule: f.rule,
    args: escapeArgs(f.args),
    via: f.via?.map(escapeCause),
    alsoVia: f.alsoVia?.map(chain => chain.map(escapeCause)),
  };
}

/** A finding's message as Markdown: the catalog's words as written, every value from the file escaped. */
export function findingMarkdown(catalog: Catalog, f: FindingLike, lang: Lang): string {
  return findingMessage(catalog, escapeFinding(f), lang);
}
