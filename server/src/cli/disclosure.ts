/**
 * `iryo-guard disclosure <risk file> --format md|xlsx|docx [--output FILE] [--lang ja|en]`: drafts the
 * サービス仕様適合開示書's appendix of foreseen risks, the requests to the healthcare institution, the technical facts
 * of the linked templates and the open points. A draft: it never states conformity.
 */
import * as fs from 'fs';
import { buildDisclosure } from '../engine/risk/disclosure-model';
import { renderDisclosureMarkdown } from '../report/disclosure';
import { renderDisclosureDocx } from '../report/disclosure-docx';
import { renderDisclosureXlsx } from '../report/disclosure-xlsx';
import { checkKnown, oneOf } from './args';
import type { CliCommand } from './commands';
import { UsageError } from './errors';
import { analyzeRiskArg, writeBinary } from './risk-input';

export const disclosureCommand: CliCommand = {
  name: 'disclosure',
  usage: 'iryo-guard disclosure <risk file> [--format md|xlsx|docx] [--output FILE] [--lang ja|en]',
  run(args, catalog, env) {
    checkKnown(args, ['format', 'output', 'lang']);
    const format = oneOf(args, 'format', ['md', 'xlsx', 'docx'] as const, 'md');
    const output = args.options.get('output')?.slice(-1)[0];
    if (format !== 'md' && !output) throw new UsageError(`--format ${format} needs --output FILE`);
    const { a, settings } = analyzeRiskArg('disclosure', args, env);
    const d = buildDisclosure(a, catalog, env.lang, settings.today);
    if (format === 'xlsx') return writeBinary(output!, renderDisclosureXlsx(d), fs.writeFileSync);
    if (format === 'docx') return writeBinary(output!, renderDisclosureDocx(d), fs.writeFileSync);
    const md = renderDisclosureMarkdown(d);
    if (output) fs.writeFileSync(output, md);
    else process.stdout.write(md);
    return 0;
  },
};
