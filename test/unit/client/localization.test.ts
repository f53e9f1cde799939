/** Every string a user sees from the extension exists in English and Japanese. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';
import { effectiveLanguage, t, useLanguage } from '../../../client/src/l10n';
import { ROOT } from '../../helpers';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const pkg = read('package.json');
const nls: Record<string, string> = read('package.nls.json');
const nlsJa: Record<string, string> = read('package.nls.ja.json');
const bundleJa: Record<string, string> = read('l10n/bundle.l10n.ja.json');
const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The literal first arguments of t('…') calls in the client sources. */
function runtimeStrings(): string[] {
  const dir = path.join(ROOT, 'client/src');
  const out: string[] = [];
  for (const f of fs.readdirSync(dir).filter(x => x.endsWith('.ts'))) {
    const src = fs.readFileSync(path.join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) out.push(m[1].replace(/\\'/g, "'"));
  }
  return [...new Set(out)];
}

describe('localization', () => {
  it('every %key% in package.json has an English and a Japanese text', () => {
    const keys = [
      ...new Set(
        JSON.stringify(pkg)
          .match(/%[\w.-]+%/g)!
          .map(k => k.slice(1, -1)),
      ),
    ];
    assert.ok(keys.length >= 30, `package.json uses ${keys.length} keys`);
    for (const k of keys) {
      assert.ok(nls[k], `package.nls.json lacks ${k}`);
      assert.ok(nlsJa[k], `package.nls.ja.json lacks ${k}`);
    }
    assert.deepStrictEqual(Object.keys(nlsJa).sort(), Object.keys(nls).sort(), 'both files have the same keys');
  });

  it('Japanese contribution texts are Japanese', () => {
    const untranslated = Object.keys(nlsJa).filter(k => k !== 'extension.displayName' && !japanese.test(nlsJa[k]));
    assert.deepStrictEqual(untranslated, []);
  });

  it('every runtime string of the client has a Japanese translation with the same placeholders', () => {
    const strings = runtimeStrings();
    assert.ok(strings.length >= 10, `found ${strings.length} strings`);
    for (const s of strings) {
      assert.ok(bundleJa[s], `l10n/bundle.l10n.ja.json lacks "${s}"`);
      assert.ok(japanese.test(bundleJa[s]), `"${s}" is not translated`);
      assert.deepStrictEqual(
        (bundleJa[s].match(/\{\d\}/g) ?? []).sort(),
        (s.match(/\{\d\}/g) ?? []).sort(),
        `placeholders of "${s}"`,
      );
    }
    assert.deepStrictEqual(
      Object.keys(bundleJa).filter(k => !strings.includes(k)),
      [],
      'no stale translations',
    );
  });

  it('follows iryoGuard.language, else the display language', () => {
    assert.strictEqual(effectiveLanguage('ja', 'en'), 'ja');
    assert.strictEqual(effectiveLanguage('en', 'ja'), 'en');
    assert.strictEqual(effectiveLanguage('auto', 'ja-JP'), 'ja');
    assert.strictEqual(effectiveLanguage(undefined, 'en-US'), 'en');
  });

  it('speaks Japanese after useLanguage("ja") and English after useLanguage("en")', () => {
    useLanguage('ja', path.join(ROOT, 'l10n'));
    assert.strictEqual(t('iryo-guard: {0} findings', 3), 'iryo-guard: 指摘 3 件');
    useLanguage('en', path.join(ROOT, 'l10n'));
    assert.strictEqual(t('iryo-guard: {0} findings', 3), 'iryo-guard: 3 findings');
  });
});

describe('package.json contributions', () => {
  it('contributes a command for every command the client registers, and nothing it does not register', () => {
    const src = fs.readFileSync(path.join(ROOT, 'client/src/commands.ts'), 'utf8');
    const registered = [...src.matchAll(/'(iryoGuard\.[A-Za-z]+)'/g)].map(m => m[1]).sort();
    const contributed = pkg.contributes.commands.map((c: { command: string }) => c.command).sort();
    assert.deepStrictEqual(contributed, registered);
  });

  it('offers the guideline editions of the catalog', () => {
    const editions = fs
      .readdirSync(path.join(ROOT, 'catalog/guidelines'))
      .map(f => f.replace(/\.yaml$/, ''))
      .sort();
    assert.deepStrictEqual([...pkg.contributes.configuration.properties['iryoGuard.guideline'].enum].sort(), editions);
  });

  it('works in untrusted workspaces and declares virtual workspaces unsupported', () => {
    assert.strictEqual(pkg.capabilities.untrustedWorkspaces.supported, true);
    assert.strictEqual(pkg.capabilities.virtualWorkspaces.supported, false);
  });

  it(
    'ships snippets for a risk file, flow, risk and control whose expanded bodies are valid YAML of the ' +
      'risk-file shape',
    () => {
      const snippets: Record<string, { prefix: string | string[]; body: string[] }> = read(
        'snippets/iryo-risk.code-snippets',
      );
      const expand = (body: string[]) =>
        body
          .join('\n')
          .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
          .replace(/\$\{\d+:([^}]*)\}/g, '$1')
          .replace(/\$\d+/g, '');
      const byPrefix = new Map(Object.values(snippets).map(s => [[s.prefix].flat()[0], parse(expand(s.body))]));
      assert.deepStrictEqual([...byPrefix.keys()].sort(), ['control', 'flow', 'risk', 'risk-file']);
      const file = byPrefix.get('risk-file');
      assert.deepStrictEqual(Object.keys(file), ['assessment', 'flows', 'risks']);
      assert.strictEqual(file.assessment.guideline, 'metimic-2.0');
      assert.deepStrictEqual(file.risks[0].scenarios, ['3.8②']);
      assert.strictEqual(byPrefix.get('flow')[0].id, 'F2');
      assert.strictEqual(byPrefix.get('risk')[0].treatment, 'reduce');
      assert.deepStrictEqual(byPrefix.get('control')[0].rules, ['s3-bucket-encryption']);
    },
  );

  it('has walkthrough media for every step', () => {
    for (const step of pkg.contributes.walkthroughs[0].steps)
      assert.ok(fs.existsSync(path.join(ROOT, step.media.markdown)), step.media.markdown);
  });
});
