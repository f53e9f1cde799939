/** How the CLI reads: one guarded reader per run, rooted at the project and the paths named on the command line. */
import * as path from 'path';
import { fileURLToPath } from 'url';
import {
  Analysis,
  Catalog,
  EngineContext,
  EngineFailure,
  isRefusal,
  Lang,
  parseForProject,
  ProjectIndex,
  RISK_FILE,
  Settings,
  stagePhrase,
  t,
  TemplateParse,
  templateFacts,
} from '../engine';
import { reportFailure } from '../engine/guard';
import { analyzeFile, CycleGuard } from '../host/analysis';
import { FileAccess } from '../host/read';
import { cliRoots } from '../host/roots';

/**
 * The reader for a run: inside `cliRoots(named)`, plus folders `allow` adds (the project of a cloud assembly that was
 * named, whose sources the findings are mapped to).
 */
export function cliFiles(
  named: readonly string[],
  settings: Settings,
): { files: FileAccess; allow(root: string): void } {
  const roots = cliRoots(named);
  return {
    files: new FileAccess({ roots: () => roots, maxBytes: () => settings.maxFileSizeKB * 1024 }),
    allow: root => {
      if (!roots.includes(root)) roots.push(root);
    },
  };
}

/**
 * The engine context for the CLI: files come from disk through the guarded reader; every file is analysed once per
 * run (the cache), and a file asked for while it is being analysed (a cycle of links) is answered without recursing.
 */
export function cliContext(
  catalog: Catalog,
  settings: Settings,
  files: FileAccess,
  onEngineError: (f: EngineFailure) => void = logEngineError(settings.lang),
): CliContext {
  const cache = new Map<string, Analysis | undefined>();
  const cycles = new CycleGuard();
  const parses = new Map<string, TemplateParse>();
  const index = new ProjectIndex();
  let complete = false;
  /** A template read for the project, checked; should checking fail, the file is analysed
   * alone, which reports the failure as an `engine-error` finding. */
  const checkParsed = (uri: string, parse: TemplateParse): Analysis | ReturnType<typeof analyzeFile> => {
    try {
      return parse.check(ctx);
    } catch {
      return analyzeFile(uri, files, ctx);
    }
  };
  const ctx: CliContext = {
    catalog,
    settings,
    onEngineError,
    readFile: uri => files.text(uri),
    analysisOf: uri => {
      if (cycles.has(uri)) return undefined;
      if (!cache.has(uri)) {
        const parse = parses.get(uri);
        const a = cycles.run(uri, () => (parse ? checkParsed(uri, parse) : analyzeFile(uri, files, ctx)));
        cache.set(uri, isRefusal(a) ? undefined : a);
      }
      return cache.get(uri);
    },
    project: {
      index,
      get complete() {
        return complete;
      },
      template: uri => parses.get(uri)?.template,
    },
    /**
     * The templates among `uris` are read first and their facts indexed, so that each is then checked with the
     * whole project in view (singletons defined in another stack, references across stacks).
     */
    readProject(uris, whole) {
      complete = whole;
      for (const uri of uris) {
        // Risk files are not stacks of the project (and are read once, when they are checked).
        if (RISK_FILE.test(uri)) continue;
        const text = files.text(uri);
        if (isRefusal(text)) continue;
        const parse = parseForProject(uri, text, ctx);
        if (!parse?.template) continue;
        try {
          index.set(templateFacts(parse.template));
        } catch (error) {
          // Logged; the file is then analysed alone, without the project in view, rather than not at all.
          reportFailure(ctx, { uri, stage: 'template', error });
          continue;
        }
        parses.set(uri, parse);
      }
    },
  };
  return ctx;
}

export interface CliContext extends EngineContext {
  /** `whole`: the files are a project (a folder was given), not files checked on their own. */
  readProject(uris: string[], whole: boolean): void;
}

/**
 * An internal failure of the engine on stderr, always (it is a defect to report): the file as the user named it, the
 * rule or stage, and the stack.
 */
export function logEngineError(lang: Lang): (f: EngineFailure) => void {
  return f => {
    let file = f.uri;
    try {
      file = path.relative(process.cwd(), fileURLToPath(f.uri)) || file;
    } catch {
      // not a file: URI; the URI it is
    }
    const stack = f.error instanceof Error ? (f.error.stack ?? f.error.message) : String(f.error);
    process.stderr.write(
      `iryo-guard: ${t('engineErrorLog', lang, { file, stage: stagePhrase(f.stage, f.name), stack })}\n`,
    );
  };
}
