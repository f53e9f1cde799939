/**
 * `iryo-guard` command line: check, explain, report. Exit 0 clean, 1 findings at or above --fail-on, 2 usage or
 * input error, 3 an internal error left a file incompletely checked (whatever --fail-on says; stack on stderr).
 */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  Catalog,
  describeEntry,
  defaultSettings,
  entryJson,
  isRefusal,
  Lang,
  leadEdition,
  langOfLocale,
  ReadRefusal,
  Settings,
  Severity,
  render as renderText,
  renderFindings,
  quantity,
  t,
} from './engine';
import { refusalPhrase } from './engine/risk/links';
import { checkKnown, oneOf, parseArgs, ParsedArgs } from './cli/args';
import { assemblyOf, CdkSourceIndex, mapToConstructs } from './cli/cdk-out';
import { CLI_COMMANDS } from './cli/commands';
import { cliContext, cliFiles, logEngineError } from './cli/context';
import { UsageError } from './cli/errors';
import { FileResult, Format, render } from './cli/format';
import { collectFiles } from './host/discovery';
import { localDate } from './host/clock';
import { FileAccess } from './host/read';
import { defaultCatalog } from './host/resources';
import { terminalText } from './report/escape';

/** One line on stderr. Paths and IDs in it may come from the files being checked: no escape sequence gets through. */
function complain(message: string): void {
  process.stderr.write(`iryo-guard: ${terminalText(message)}\n`);
}

const USAGE = `usage:
  iryo-guard check <files or folders…> [--format text|json|sarif|github|junit] [--fail-on error|warning|info|never]
                   [--show-suppressed] [--strict-parameters] [--lang ja|en] [--account-level auto|always|never]
                   [--disable RULE]… [--max-file-size-kb N] [--output FILE] [--guideline EDITION]
                   [--audit-retention-days N]
  iryo-guard explain <ID> [--format text|json] [--lang ja|en] [--guideline EDITION]
${CLI_COMMANDS.map(c => `  ${c.usage}`).join('\n')}`;

/** The exit code when an internal error left a file incompletely checked (README, exit codes). */
export const ENGINE_ERROR_EXIT = 3;

function langOf(args: ParsedArgs): Lang {
  const env = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return oneOf(args, 'lang', ['ja', 'en'] as const, langOfLocale(env));
}

/** `; did you mean "a", "b"?`, or nothing when there is no candidate. */
function didYouMean(candidates: string[]): string {
  return candidates.length ? `; did you mean ${candidates.map(x => `"${x}"`).join(', ')}?` : '';
}

function fileUri(file: string): string {
  return pathToFileURL(path.resolve(file)).href;
}

/** Why a file the CLI was to check has no analysis (it was refused; a cycle cannot reach a file checked directly). */
function refusalFor(files: FileAccess, uri: string): ReadRefusal {
  const r = files.read(uri);
  return isRefusal(r) ? r : { refused: 'unreadable', detail: 'analysis failed' };
}

/**
 * `--guideline EDITION`: the edition new assessments cover and, for findings, which MHLW edition's items come first
 * (mhlw-5.2 puts 5.2 first; any other edition, and the default, 6.0).
 */
function editionOption(args: ParsedArgs, catalog: Catalog): string | undefined {
  const v = args.options.get('guideline')?.slice(-1)[0];
  if (v === undefined) return undefined;
  if (catalog.editions.has(v)) return v;
  const known = [...catalog.editions.keys()].join(', ');
  throw new UsageError(`--guideline must be one of ${known} (got "${v}")${didYouMean(catalog.suggest(v, 'edition'))}`);
}

/** `--audit-retention-days N`: how long audit logs are kept (default 1827, five years, a provider's policy). */
function retentionOption(args: ParsedArgs): number | undefined {
  const v = args.options.get('audit-retention-days')?.slice(-1)[0];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--audit-retention-days must be a whole number of days, 1 or more (got "${v}")`);
  return n;
}

function check(args: ParsedArgs, catalog: Catalog): number {
  checkKnown(args, [
    'format',
    'fail-on',
    'show-suppressed',
    'strict-parameters',
    'lang',
    'account-level',
    'disable',
    'max-file-size-kb',
    'output',
    'guideline',
    'audit-retention-days',
  ]);
  if (!args.positional.length) throw new UsageError('check needs at least one file or folder');
  const format = oneOf<Format>(args, 'format', ['text', 'json', 'sarif', 'github', 'junit'], 'text');
  const failOn = oneOf(args, 'fail-on', ['error', 'warning', 'info', 'never'] as const, 'error');
  const maxKB = Number(args.options.get('max-file-size-kb')?.slice(-1)[0] ?? defaultSettings.maxFileSizeKB);
  if (!(maxKB > 0)) throw new UsageError('--max-file-size-kb must be a positive number');
  const settings: Settings = {
    ...defaultSettings,
    lang: langOf(args),
    accountLevelRules: oneOf(args, 'account-level', ['auto', 'always', 'never'] as const, 'auto'),
    disabledRules: args.options.get('disable') ?? [],
    maxFileSizeKB: maxKB,
    strictParameters: args.options.has('strict-parameters'),
    today: localDate(),
    guideline: editionOption(args, catalog),
    auditLogRetentionDays: retentionOption(args),
  };
  for (const id of settings.disabledRules) {
    if (catalog.rules.has(id)) continue;
    throw new UsageError(`--disable: unknown rule "${id}"${didYouMean(catalog.suggest(id, 'rule'))}`);
  }
  const { files, allow } = cliFiles(args.positional, settings);
  // Every internal failure is logged with its stack as it happens, and decides the exit code.
  const failed = new Set<string>();
  const log = logEngineError(settings.lang);
  const ctx = cliContext(catalog, settings, files, f => {
    failed.add(f.uri);
    log(f);
  });
  const results: FileResult[] = [];
  const sourceIndexes = new Map<string, CdkSourceIndex>();
  const named = new Set(args.positional.map(p => path.resolve(p)));
  const skipped: string[] = [];
  const found = collectFiles(args.positional, {
    onUnreadable: dir => {
      throw new UsageError(`cannot read folder ${dir}`);
    },
  });
  if (found.missing.length) throw new UsageError(`cannot read ${found.missing[0]}: no such file or folder`);
  // The files checked together are one project: each template is checked with the others in view.
  const folderGiven = args.positional.some(p => fs.statSync(p, { throwIfNoEntry: false })?.isDirectory());
  ctx.readProject(found.files.map(fileUri), folderGiven || found.files.length > 1);
  for (const file of found.files) {
    const uri = fileUri(file);
    const a = ctx.analysisOf!(uri);
    if (!a) throw new UsageError(`cannot read ${file}: ${renderText(refusalPhrase(refusalFor(files, uri)), 'en')}`);
    const assembly = a.kind === 'cloudformation' && file.endsWith('.template.json') ? assemblyOf(file) : undefined;
    const findings = renderFindings(a.findings, catalog, settings.lang);
    if (assembly) {
      // Synthesized by `cdk synth`: name the construct and, where the project source has it, its line.
      const root = path.dirname(assembly);
      // The project holding an assembly the user pointed at may be read for its sources.
      if (!isRefusal(files.place(assembly))) allow(root);
      if (!sourceIndexes.has(root)) sourceIndexes.set(root, new CdkSourceIndex(root, files));
      mapToConstructs(a.text, findings, sourceIndexes.get(root)!, settings.lang);
    }
    if (a.kind !== 'none') results.push({ file, findings });
    else if (named.has(path.resolve(file))) skipped.push(file);
  }
  // A file named on the command line and left out must not pass silently (folders are expected to hold other files).
  for (const file of found.special) {
    complain(t('skippedNotRegular', settings.lang, { file }));
  }
  for (const file of skipped) {
    complain(t('skippedNotAFormat', settings.lang, { file }));
  }
  const showSuppressed = args.options.has('show-suppressed');
  const out = render(format, results, catalog, settings.lang, showSuppressed, leadEdition(settings.guideline));
  const output = args.options.get('output')?.slice(-1)[0];
  if (output) fs.writeFileSync(output, out);
  else process.stdout.write(out);
  // A file the engine failed on was not fully checked: never a pass, whatever --fail-on says.
  for (const r of results) if (r.findings.some(f => f.rule === 'engine-error')) failed.add(fileUri(r.file));
  if (failed.size) {
    const summary = t('engineErrorsSummary', settings.lang, { files: quantity(failed.size, 'file') });
    process.stderr.write(`iryo-guard: ${summary}\n`);
    return ENGINE_ERROR_EXIT;
  }
  const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
  const threshold = failOn === 'never' ? Infinity : rank[failOn];
  return results.some(r => r.findings.some(f => !f.suppressed && rank[f.severity] >= threshold)) ? 1 : 0;
}

function explain(args: ParsedArgs, catalog: Catalog): number {
  checkKnown(args, ['format', 'lang', 'guideline']);
  const id = args.positional.join(' ').trim();
  if (!id) throw new UsageError('explain needs an ID (scenario, threat, service, guideline item or rule)');
  const format = oneOf(args, 'format', ['text', 'json'] as const, 'text');
  const lang = langOf(args);
  const entry = catalog.lookup(id);
  if (!entry) {
    complain(`unknown ID "${id}"${didYouMean(catalog.suggest(id))}`);
    return 2;
  }
  process.stdout.write(
    format === 'json'
      ? JSON.stringify(entryJson(entry), null, 2) + '\n'
      : describeEntry(entry, catalog, lang, { guideline: editionOption(args, catalog) }) + '\n',
  );
  return 0;
}

export function main(argv: string[]): number | Promise<number> {
  try {
    const booleans = new Set(['show-suppressed', 'strict-parameters', 'help']);
    const args = parseArgs(argv, booleans);
    if (!args.command || args.command === '--help' || args.command === 'help' || args.options.has('help')) {
      process.stdout.write(USAGE + '\n');
      return args.command ? 0 : 2;
    }
    const catalog = defaultCatalog();
    if (args.command === 'check') return check(args, catalog);
    if (args.command === 'explain') return explain(args, catalog);
    const extra = CLI_COMMANDS.find(c => c.name === args.command);
    if (extra)
      return extra.run(args, catalog, {
        lang: langOf(args),
        context: s => cliContext(catalog, s, cliFiles(args.positional, s).files),
      });
    throw new UsageError(`unknown command "${args.command}"`);
  } catch (e) {
    if (e instanceof UsageError) {
      complain(e.message);
      process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    complain(e instanceof Error ? e.message : String(e));
    return 2;
  }
}

if (require.main === module) {
  const code = main(process.argv.slice(2));
  if (typeof code === 'number') process.exitCode = code;
  else
    void code.then(c => {
      process.exitCode = c;
    });
}
