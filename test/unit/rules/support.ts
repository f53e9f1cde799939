/** Small helpers for rule-family unit tests: findings of one rule, and a fix applied and re-checked. */
import * as assert from 'assert';
import { Settings } from '../../../server/src/engine';
import { applyFix, open, run, TestFinding } from '../../helpers';

export function findingsOf(rule: string, name: string, text: string, settings: Partial<Settings> = {}): TestFinding[] {
  const a = run(name, text, settings);
  assert.deepStrictEqual(
    a.findings.filter(f => f.rule === 'syntax-error').map(f => f.message),
    [],
    'test template must parse',
  );
  return open(a).filter(f => f.rule === rule);
}

/** 1-based line of a finding's start. */
export function lineOf(f: TestFinding): number {
  return f.range.start.line + 1;
}

/** Applies the n-th finding's first fix, checks the result still parses and the finding count dropped, returns the text. */
export function applyAndRecheck(rule: string, name: string, text: string, n = 0, fix = 0): string {
  const a = run(name, text);
  const mine = open(a).filter(f => f.rule === rule);
  assert.ok(mine[n]?.fixes?.length, `finding #${n} of ${rule} has no fix`);
  const fixed = applyFix(a, mine[n], fix);
  if (name.endsWith('.json')) assert.doesNotThrow(() => JSON.parse(fixed), `fixed JSON does not parse:\n${fixed}`);
  const after = findingsOf(rule, name, fixed);
  assert.strictEqual(after.length, mine.length - 1, `fix did not resolve the finding:\n${fixed}`);
  return fixed;
}
