/**
 * The Markdown escaper for file text (engine/i18n/markdown.ts): plain names and paths stay as written, anything a
 * Markdown renderer could turn into markup is escaped, and either way the rendering shows the text and nothing active.
 */
import * as assert from 'assert';
import { findingMarkdown, markdownCode, markdownInline, markdownText } from '../../../server/src/engine/i18n/markdown';
import { catalog } from '../../helpers';
import { assertInertMarkdown, renderMarkdownHtml } from '../../oracles/markdown';

describe('Markdown escaping of file text', () => {
  const PLAIN = [
    'AWS::S3::Bucket',
    'ehr-platform.yaml',
    'aws:kms',
    'TLSv1.2_2021',
    'infra/stacks/app.yaml',
    '1.5 GB',
    '患者記録バケット',
    'PatientDocuments, AuditLogs',
  ];
  for (const s of PLAIN)
    it(`leaves ${JSON.stringify(s)} as written, and it renders as itself`, () => {
      assert.strictEqual(markdownText(s), s);
      assertInertMarkdown(markdownText(s), [s]);
    });

  const HOSTILE = [
    '![x](http://evil.example/img.png)',
    '<img src=http://evil.example/i.png>',
    '[link](command:workbench.action.terminal.new)',
    '<http://evil.example>',
    'see http://evil.example/x',
    'see https://evil.example',
    'www.evil.example',
    'a //evil.example/x',
    '//evil.example',
    'mail a@evil.example',
    '1. numbered',
    '2) numbered',
    '# heading',
    '- item',
    '> quote',
    '*em* and __strong__',
    'a_b_ and _c_',
    '&lt;tag&gt; &#x41;',
    '| a | b |',
    'line\n===',
    'x\n- item\n[r]: http://evil.example',
    'Ref\u202e gpj.exe',
    'esc \x1b[31mred',
  ];
  for (const s of HOSTILE)
    it(`${JSON.stringify(s)} renders as text only`, () => {
      const md = markdownText(s);
      // eslint-disable-next-line no-control-regex -- the characters the escaper removes
      const shown = s.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\u202a-\u202e]/g, '');
      const html = assertInertMarkdown(md, shown.split('\n'));
      assert.doesNotMatch(html, /<(a|img|h\d|ol|ul|li|blockquote|pre|em|strong|table)\b/, `${md}\n→\n${html}`);
    });

  it('leading indentation is dropped, as a paragraph would: never a code block showing the escapes', () => {
    const md = markdownText('    ![x](http://evil.example/i.png) <b>x</b>\n\t    next');
    assertInertMarkdown(md, ['![x](http://evil.example/i.png) <b>x</b>\nnext']);
    assert.strictEqual(markdownText('    PatientDocuments'), 'PatientDocuments');
  });

  it('inline text loses its line breaks; code spans hold any backticks', () => {
    assert.strictEqual(markdownInline('a\r\nb\nc'), 'a b c');
    const code = markdownCode('x ``` y`');
    assert.match(renderMarkdownHtml(code), /<code>x ``` y`<\/code>/);
  });

  it('a value a parent stack passes: the parameter, the value and the parent file name render as text', () => {
    const name = 'Mode![p](http://evil.example/p.png)';
    const value = '<img src=http://evil.example/i.png>';
    const parentFile = '![x](http://evil.example/x.png) 100%.yaml';
    const parent = `file:///work/${encodeURIComponent(parentFile)}`;
    for (const lang of ['en', 'ja'] as const) {
      const md = findingMarkdown(
        catalog,
        { rule: 's3-bucket-encryption', args: {}, via: [{ kind: 'passed', name, value, parent }] },
        lang,
      );
      assertInertMarkdown(md, [name, value, parentFile], `the ${lang} message`);
    }
  });
});
