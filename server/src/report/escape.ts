/**
 * Escaping for every output another program reads: spreadsheets (CSV, xlsx), XML (JUnit), SARIF, terminals and
 * CI logs. Text from the checked files (messages quoting values, resource names, paths, risk IDs and descriptions)
 * is the attacker's; whatever it holds, it reaches the reader as text and never as a formula, markup, an escape
 * sequence or a workflow command.
 */
/* eslint-disable no-control-regex -- matching control characters is what this module is for */

// ---------------------------------------------------------------------------------------------------------------
// Spreadsheets (OWASP "CSV injection"): a cell that starts with = + - @ (or their full-width forms, which Japanese
// Excel also takes as a formula), TAB or CR — after leading white space too — gets a leading single quote, so the
// program shows it as text. A plain number stays a number.

const FORMULA_START = /^(?:[\t\r\n]|[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;

/** A cell's text, neutralised if a spreadsheet program could take it as a formula. */
export function spreadsheetText(s: string): string {
  return !PLAIN_NUMBER.test(s) && FORMULA_START.test(s) ? `'${s}` : s;
}

/** One RFC 4180 CSV field: neutralised, then quoted (quotes doubled) when it holds a quote, comma or line break. */
export function csvField(s: string): string {
  const v = spreadsheetText(s);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

// ---------------------------------------------------------------------------------------------------------------
// XML 1.0: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]. Anything else (other
// C0 controls, lone surrogates, U+FFFE/U+FFFF) cannot be written at all, not even as a character reference: it
// becomes U+FFFD, so the document stays well-formed and the reader sees that something was there.

const NOT_XML_CHAR =
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 forbids replaced by U+FFFD. */
export function xmlChars(s: string): string {
  return s.replace(NOT_XML_CHAR, '\uFFFD');
}

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/** Element content: `&`, `<` and `>` escaped (so `]]>` cannot appear either). */
export function xmlText(s: string): string {
  return xmlChars(s).replace(/[&<>]/g, c => XML_ESCAPES[c]);
}

/** An attribute value (in double or single quotes); TAB, LF and CR as references so they survive normalisation. */
export function xmlAttr(s: string): string {
  return xmlChars(s).replace(/[&<>"'\t\n\r]/g, c => XML_ESCAPES[c]);
}

// ---------------------------------------------------------------------------------------------------------------
// SARIF 2.1.0: message strings.

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with lone surrogates (which no UTF-8 reader accepts) replaced by U+FFFD. */
export function wellFormed(s: string): string {
  return s.replace(LONE_SURROGATE, '\uFFFD');
}

/**
 * A plain-text SARIF message (§3.11.5–3.11.6): literal braces doubled (they would be placeholders) and literal square
 * brackets escaped with a backslash (they would be embedded links, which viewers render as clickable), as is a
 * backslash in front of one.
 */
export function sarifMessage(s: string): string {
  return wellFormed(s)
    .replace(/[{}]/g, c => c + c)
    .replace(/\\(?=[[\]])/g, '\\\\')
    .replace(/[[\]]/g, c => '\\' + c);
}

/** A relative path as a SARIF `uri-reference`: each segment percent-encoded (spaces, `#`, `%`, `?`…). */
export function uriReference(relPath: string): string {
  return wellFormed(relPath).split('/').map(encodeURIComponent).join('/');
}

// ---------------------------------------------------------------------------------------------------------------
// Terminals and CI logs: escape sequences (CSI, OSC, DCS…, in their 7-bit ESC and 8-bit C1 forms) are removed whole;
// other C0/C1 controls and the bidirectional overrides that reorder what is shown are removed; line breaks and tabs
// become spaces, so one finding stays one line.

const CSI = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]/g;
/** OSC, DCS, SOS, PM, APC with their terminator (BEL or ST); an unterminated one loses only its introducer below. */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)/g;
const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
const LINE_BREAK = /\r\n|[\r\n\t\v\f\u0085\u2028\u2029]/g;
const CONTROL = /[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/g;

/** File-derived text made safe to print on one terminal line. */
export function terminalText(s: string): string {
  return wellFormed(s)
    .replace(CSI, '')
    .replace(STRING_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(LINE_BREAK, ' ')
    .replace(CONTROL, '');
}

/**
 * Text printed at the start of a line, which a CI log must not read as a workflow command (a line starting with `::`,
 * white space aside): a path gets `./` in front, other text is quoted.
 */
export function terminalPath(p: string): string {
  const s = terminalText(p);
  return s.startsWith(':') ? `./${s}` : s;
}

export function terminalLineStart(text: string): string {
  const s = terminalText(text);
  return /^\s*:/.test(s) ? `"${s}"` : s;
}

/**
 * GitHub Actions workflow commands (`::error file=…,title=…::message`): the runner decodes `%25`, `%0D`, `%0A` in
 * the message and also `%3A`, `%2C` in properties, and takes `::` after the properties as the start of the message.
 */
export function workflowMessage(s: string): string {
  return terminalText(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function workflowProperty(s: string): string {
  return workflowMessage(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
