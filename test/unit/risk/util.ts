/** Shared helpers for risk-file tests: a clean base document and finding/fix assertions. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { analyze, applyEdits, Settings } from '../../../server/src/engine';
import { catalog, Checked, context, findingKey, open, ROOT, run, TestFinding, uriOf, viewOf } from '../../helpers';

export const ALL_SCENARIOS = [...catalog.scenarios.keys()];

/** A risk file that covers every minimum scenario with one risk and has no diagnostics. `risk` replaces the default risk body. */
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

/** The source text a finding's range covers. */
export function textAt(a: Checked, f: TestFinding): string {
  return a.text.slice(a.lines.offset(f.range.start), a.lines.offset(f.range.end));
}

export function only(a: Checked, rule: string): TestFinding[] {
  return open(a).filter(f => f.rule === rule);
}

/** Applies fix n of f, re-analyses, and checks the finding is gone and nothing new appeared (except `allowNew`). */
export function assertFixResolves(
  a: Checked,
  f: TestFinding,
  n = 0,
  files: Record<string, string> = {},
  allowNew: string[] = [],
): string {
  const fix = f.fixes?.[n];
  assert.ok(fix, `no fix #${n} on ${f.rule}`);
  const fixed = applyEdits(a.text, fix.edit[a.uri] ?? []);
  const b = analyzeRisk(fixed, {}, files);
  assert.ok(!b.findings.some(x => x.rule === 'syntax-error'), `fix "${fix.title}" broke the YAML:\n${fixed}`);
  const count = (list: TestFinding[], k: string) => list.filter(x => findingKey(x) === k).length;
  assert.ok(
    count(open(b), findingKey(f)) < count(open(a), findingKey(f)),
    `fix "${fix.title}" did not remove ${f.rule}:\n${fixed}`,
  );
  const added = open(b).filter(
    x => count(open(b), findingKey(x)) > count(open(a), findingKey(x)) && !allowNew.includes(x.rule),
  );
  assert.deepStrictEqual(
    added.map(x => `${x.rule}: ${x.message}`),
    [],
    `fix "${fix.title}" introduced findings:\n${fixed}`,
  );
  return fixed;
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
  return viewOf(analyze(pathToFileURL(file).href, text ?? fs.readFileSync(file, 'utf8'), ctx));
}
