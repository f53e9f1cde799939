/**
 * Realistic projects split into stacks (test/fixtures/projects/<name>/): checked as the CLI checks a folder, every
 * file with the others in view. Each project's `expected.txt` lists the open findings, one per line
 * (`file:line:col severity rule resource`); `IRYO_UPDATE_GOLDEN=1` rewrites them, to be reviewed by hand.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { defaultSettings, Settings } from '../../../server/src/engine';
import { cliContext } from '../../../server/src/cli/context';
import { collectFiles } from '../../../server/src/host/discovery';
import { FileAccess } from '../../../server/src/host/read';
import { catalog, ROOT } from '../../helpers';

const PROJECTS = path.join(ROOT, 'test/fixtures/projects');

/** The open findings of the files under `dir` (or of `only`, checked alone), as golden lines. */
export function checkProject(dir: string, only?: string, settings: Partial<Settings> = {}): string[] {
  const s = { ...defaultSettings, ...settings };
  const files = new FileAccess({ roots: () => [dir], maxBytes: () => s.maxFileSizeKB * 1024 });
  const ctx = cliContext(catalog, s, files);
  const paths = only ? [path.join(dir, only)] : collectFiles([dir]).files;
  ctx.readProject(
    paths.map(p => pathToFileURL(p).href),
    !only,
  );
  const lines: string[] = [];
  for (const p of paths) {
    const a = ctx.analysisOf!(pathToFileURL(p).href);
    for (const f of a?.findings ?? []) {
      if (f.suppressed) continue;
      const at = `${f.range.start.line + 1}:${f.range.start.character + 1}`;
      lines.push(`${path.relative(dir, p)}:${at} ${f.severity} ${f.rule} ${f.resource ?? '-'}`);
    }
  }
  return lines;
}

function golden(file: string, actual: string[]) {
  if (process.env.IRYO_UPDATE_GOLDEN === '1') fs.writeFileSync(file, actual.join('\n') + '\n');
  const expected = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  assert.deepStrictEqual(actual, expected, path.relative(ROOT, file));
}

describe('projects split into stacks', () => {
  for (const name of fs.readdirSync(PROJECTS)) {
    const dir = path.join(PROJECTS, name);
    it(`${name}: the findings of the project as a whole`, () => {
      golden(path.join(dir, 'expected.txt'), checkProject(dir));
    });
    const alone = path.join(dir, 'expected-alone.txt');
    if (fs.existsSync(alone))
      it(`${name}: each file checked alone`, () => {
        const lines = fs
          .readdirSync(dir)
          .filter(f => /\.(ya?ml|json)$/.test(f))
          .sort()
          .flatMap(f => checkProject(dir, f));
        golden(alone, lines);
      });
  }
});
