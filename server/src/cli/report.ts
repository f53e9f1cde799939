/** `iryo-guard report <risk file> --format md|html|csv|xlsx [--output FILE] [--lang ja|en]`. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze, defaultSettings, isRefusal, render } from '../engine';
import { refusalPhrase } from '../engine/risk/links';
import { buildReport } from '../engine/risk/report-model';
import { renderHtml } from '../report/html';
import { renderCsv, renderMarkdown } from '../report/text';
import { terminalText } from '../report/escape';
import { renderXlsx } from '../report/xlsx';
import { checkKnown, oneOf } from './args';
import type { CliCommand } from './commands';
import { UsageError } from './errors';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'iryo-guard report <risk file> [--format md|html|csv|xlsx] [--output FILE] [--lang ja|en]',
  run(args, catalog, env) {
    checkKnown(args, ['format', 'output', 'lang']);
    if (args.positional.length !== 1) throw new UsageError('report needs exactly one risk file (*.risk.yaml)');
    const file = args.positional[0];
    const format = oneOf(args, 'format', ['md', 'html', 'csv', 'xlsx'] as const, 'md');
    const output = args.options.get('output')?.slice(-1)[0];
    if (format === 'xlsx' && !output) throw new UsageError('--format xlsx needs --output FILE');
    const settings = { ...defaultSettings, lang: env.lang };
    const ctx = env.context(settings);
    const uri = pathToFileURL(path.resolve(file)).href;
    // Read like every other file: guarded (a regular file within the size limit), the reason said when refused.
    const text = ctx.readFile!(uri) ?? { refused: 'not-found' };
    if (isRefusal(text)) throw new UsageError(`cannot read ${file}: ${render(refusalPhrase(text), 'en')}`);
    const a = analyze(uri, text, ctx);
    if (a.kind !== 'risk') throw new UsageError(`${file} is not a risk file (name it *.risk.yaml)`);
    const rep = buildReport(a, catalog, env.lang);
    if (format === 'xlsx') {
      return renderXlsx(rep).then(
        buf => {
          fs.writeFileSync(output!, buf);
          return 0;
        },
        e => {
          const why = `cannot write ${output}: ${e instanceof Error ? e.message : String(e)}`;
          process.stderr.write(`iryo-guard: ${terminalText(why)}\n`);
          return 2;
        },
      );
    }
    const out = format === 'md' ? renderMarkdown(rep) : format === 'html' ? renderHtml(rep) : renderCsv(rep);
    if (output) fs.writeFileSync(output, out);
    else process.stdout.write(out);
    return 0;
  },
};
