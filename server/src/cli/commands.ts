import { Catalog, EngineContext, Lang, Settings } from '../engine';
import { ParsedArgs } from './args';
import { disclosureCommand } from './disclosure';
import { reportCommand } from './report';

export interface CliCommand {
  name: string;
  usage: string;
  /** Exit code, or a promise of it for commands that write asynchronously (xlsx). */
  run(
    args: ParsedArgs,
    catalog: Catalog,
    env: { lang: Lang; context(s: Settings): EngineContext },
  ): number | Promise<number>;
}

/** Commands beyond check/explain (e.g. `report`), registered by their features. */
export const CLI_COMMANDS: CliCommand[] = [reportCommand, disclosureCommand];
