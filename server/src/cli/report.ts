/** `iryo-guard report <risk file> --format md|html|csv|xlsx [--output FILE] [--lang ja|en]`. */
import * as fs from 'fs';
import { buildReport } from '../engine/risk/report-model';
import { renderHtml } from '../report/html';
import { renderCsv, renderMarkdown } from '../report/text';
import { renderXlsx } from '../report/xlsx';
import { checkKnown, oneOf } from './args';
import type { CliCommand } from './commands';
import { UsageError } from './errors';
import { analyzeRiskArg, writeBinary } from './risk-input';

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'iryo-guard report <risk file> [--format md|html|csv|xlsx] [--output FILE] [--lang ja|en]',
  run(args, catalog, env) {
    checkKnown(args, ['format', 'output', 'lang']);
    const format = oneOf(args, 'format', ['md', 'html', 'csv', 'xlsx'] as const, 'md');
    const output = args.options.get('output')?.slice(-1)[0];
    if (format === 'xlsx' && !output) throw new UsageError('--format xlsx needs --output FILE');
    const { a, settings } = analyzeRiskArg('report', args, env);
    const rep = buildReport(a, catalog, env.lang, settings.today);
    if (format === 'xlsx') return writeBinary(output!, renderXlsx(rep), fs.writeFileSync);
    const out = format === 'md' ? renderMarkdown(rep) : format === 'html' ? renderHtml(rep) : renderCsv(rep);
    if (output) fs.writeFileSync(output, out);
    else process.stdout.write(out);
    return 0;
  },
};
