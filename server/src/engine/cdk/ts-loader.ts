import * as fs from 'fs';
import * as path from 'path';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/**
 * The TypeScript compiler API, loaded on first use so that editing CloudFormation or risk files never pays for it.
 * The bundles ship it beside themselves as dist/typescript.js; compiled sources (tests) take the installed package.
 */
export function typescript(): typeof TS {
  if (!loaded) {
    const bundled = path.join(__dirname, 'typescript.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    loaded = (fs.existsSync(bundled) ? require(bundled) : require('typescript')) as typeof TS;
  }
  return loaded;
}

/** Whether the compiler has been loaded in this process (start-up measurements). */
export function typescriptLoaded(): boolean {
  return loaded !== undefined;
}
