/** The risk file a `report` or `disclosure` command was given, analysed with its linked templates. */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Analysis, analyze, defaultSettings, EngineContext, isRefusal, Lang, render, Settings } from '../engine';
import { refusalPhrase } from '../engine/risk/links';
import { localDate } from '../host/clock';
import { ParsedArgs } from './args';
import { UsageError } from './errors';

export function analyzeRiskArg(
  command: string,
  args: ParsedArgs,
  env: { lang: Lang; context(s: Settings): EngineContext },
): { a: Analysis; settings: Settings } {
  if (args.positional.length !== 1) throw new UsageError(`${command} needs exactly one risk file (*.risk.yaml)`);
  const file = args.positional[0];
  const settings: Settings = { ...defaultSettings, lang: env.lang, today: localDate() };
  const ctx = env.context(settings);
  const uri = pathToFileURL(path.resolve(file)).href;
  // Read like every other file: guarded (a regular file within the size limit), the reason said when refused.
  const text = ctx.readFile!(uri) ?? { refused: 'not-found' };
  if (isRefusal(text)) throw new UsageError(`cannot read ${file}: ${render(refusalPhrase(text), 'en')}`);
  const a = analyze(uri, text, ctx);
  if (a.kind !== 'risk') throw new UsageError(`${file} is not a risk file (name it *.risk.yaml)`);
  return { a, settings };
}

/** Writes a binary rendering to `output`; exit code 2 with the reason when it cannot. */
export function writeBinary(
  output: string,
  make: Promise<Buffer>,
  write: (f: string, b: Buffer) => void,
): Promise<number> {
  return make.then(
    buf => {
      write(output, buf);
      return 0;
    },
    e => {
      process.stderr.write(`iryo-guard: cannot write ${output}: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    },
  );
}
