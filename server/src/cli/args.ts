import { UsageError } from './errors';

export interface ParsedArgs {
  command: string;
  positional: string[];
  options: Map<string, string[]>;
}

/** `--name value`, `--name=value` and boolean `--flag`; `booleans` lists the flags that take no value. */
export function parseArgs(argv: string[], booleans: Set<string>): ParsedArgs {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    let value: string;
    if (booleans.has(name)) value = eq > 0 ? a.slice(eq + 1) : 'true';
    else if (eq > 0) value = a.slice(eq + 1);
    else if (i + 1 < rest.length && !rest[i + 1].startsWith('--')) value = rest[++i];
    else throw new UsageError(`option --${name} needs a value`);
    options.set(name, [...(options.get(name) ?? []), value]);
  }
  return { command, positional, options };
}

export function oneOf<T extends string>(args: ParsedArgs, name: string, allowed: readonly T[], fallback: T): T {
  const v = args.options.get(name)?.slice(-1)[0];
  if (v === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

export function checkKnown(args: ParsedArgs, known: string[]) {
  for (const k of args.options.keys()) if (!known.includes(k)) throw new UsageError(`unknown option --${k}`);
}
