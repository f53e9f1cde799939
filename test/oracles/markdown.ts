/**
 * The Markdown oracle: Markdown built from file contents (hover, completion documentation, the Markdown report) is
 * rendered as permissively as clients render it — raw HTML allowed, links found in text as GFM finds them — and must
 * hold no image, link or HTML element, while the file's text still reads as written.
 */
import * as assert from 'assert';

const MarkdownIt = require('markdown-it') as new (o: object) => {
  render(md: string): string;
  linkify: { set(o: object): void };
};

export function renderMarkdownHtml(markdown: string): string {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: false }); // GFM autolinks need a scheme or `www.`, as in VS Code's renderer
  return md.render(markdown);
}

/** Elements Markdown may produce from our own formatting; anything else came from the file. */
const OURS = new Set([
  'p',
  'strong',
  'em',
  'code',
  'hr',
  'ul',
  'ol',
  'li',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'br',
  'h1',
  'h2',
  'h3',
]);

/** `markdown` renders without any active element; each of `texts` appears in it as text. */
export function assertInertMarkdown(markdown: string, texts: string[] = [], what = 'the Markdown'): string {
  const html = renderMarkdownHtml(markdown);
  const tags = [...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map(m => m[1].toLowerCase());
  assert.deepStrictEqual(
    tags.filter(t => !OURS.has(t)),
    [],
    `${what} renders elements from file content:\n${markdown}\n→\n${html}`,
  );
  const shown = html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
  for (const t of texts) assert.ok(shown.includes(t), `${what} does not show ${JSON.stringify(t)} as text:\n${html}`);
  return html;
}
