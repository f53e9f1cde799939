import * as path from 'path';
import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/**
 * The TypeScript compiler API, loaded on first use so that editing CloudFormation or risk files never pays for it.
 * The bundles ship it beside themselves as dist/typescript.js; compiled sources (tests) take the installed package.
 */
export function typescript(): typeof TS {
  if (!loaded) {
    try {
      loaded = require(path.join(__dirname, 'typescript.js')) as typeof TS;
    } catch (e) {
      if ((e as { code?: string }).code !== 'MODULE_NOT_FOUND') throw e;
      loaded = require('typescript') as typeof TS;
    }
  }
  return loaded;
}

/** Whether the compiler has been loaded in this process (start-up measurements). */
export function typescriptLoaded(): boolean {
  return loaded !== undefined;
}
