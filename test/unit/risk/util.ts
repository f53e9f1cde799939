/** Shared helpers for risk-file tests: a clean base document and finding/fix assertions. */
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze, Analysis, Settings } from '../../../server/src/engine';
import { catalog, Checked, context, open, remember, ROOT, run, TestFinding, uriOf } from '../../helpers';
import { assertSafeFix } from '../../oracles/fix-safety';

export const ALL_SCENARIOS = [...catalog.scenarios.keys()];

/**
 * A risk file that covers every minimum scenario with one risk and has no diagnostics. `risk` replaces the default risk
 * body.
 */
export function baseDoc(
  opts: { assessment?: string; risk?: string; extra?: string; flows?: string; scenarios?: string[] } = {},
): string {
  const scenarios = (opts.scenarios ?? ALL_SCENARIOS).map(s => JSON.stringify(s)).join(', ');
  return `assessment:
  id: t
  guideline: metimic-1.1
  acceptance: C
${opts.assessment ?? ''}${opts.flows ?? ''}risks:
  - id: R1
    threat: unauthorized-access
    scenarios: [${scenarios}]
${
  opts.risk ??
  `    impact: 2
    likelihood: 2
    treatment: reduce
    controls:
      - perspective: technical
        owner: provider
        measure: m
`
}${opts.extra ?? ''}`;
}

export const RISK_NAME = 't.risk.yaml';

export function analyzeRisk(
  text: string,
  settings: Partial<Settings> = {},
  files: Record<string, string> = {},
): Checked {
  const byUri: Record<string, string> = {};
  for (const [name, t] of Object.entries(files)) byUri[uriOf(name)] = t;
  return run(RISK_NAME, text, settings, byUri);
}

/** The engine's own analysis (findings as data, not yet rendered), for faces under test that render it themselves. */
export function analyzeRiskData(
  text: string,
  settings: Partial<Settings> = {},
  files: Record<string, string> = {},
): Analysis {
  const byUri: Record<string, string> = {};
  for (const [name, t] of Object.entries(files)) byUri[uriOf(name)] = t;
  return analyze(uriOf(RISK_NAME), text, context(settings, byUri));
}

/** The source text a finding's range covers. */
export function textAt(a: Checked, f: TestFinding): string {
  return a.text.slice(a.lines.offset(f.range.start), a.lines.offset(f.range.end));
}

export function only(a: Checked, rule: string): TestFinding[] {
  return open(a).filter(f => f.rule === rule);
}

/** Applies fix n of f through the fix-safety oracle (new findings of `allowNew` rules allowed); returns the text. */
export function assertFixResolves(a: Checked, f: TestFinding, n = 0, allowNew: string[] = []): string {
  return assertSafeFix(a, f, n, { allowNew }).text;
}

/** Analyses a file under samples/ with its linked templates read from disk. */
export function analyzeSample(name: string, text?: string): Checked {
  const file = path.join(ROOT, 'samples', name);
  const ctx = context();
  ctx.analysisOf = uri => {
    try {
      return analyze(uri, fs.readFileSync(new URL(uri), 'utf8'), ctx);
    } catch {
      return undefined;
    }
  };
  return remember(analyze(pathToFileURL(file).href, text ?? fs.readFileSync(file, 'utf8'), ctx), ctx);
}
