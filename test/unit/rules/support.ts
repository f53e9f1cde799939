/** Small helpers for rule-family unit tests: findings of one rule, and a fix applied and re-checked. */
import * as assert from 'assert';
import { Settings } from '../../../server/src/engine';
import { Checked, open, run, TestFinding } from '../../helpers';
import { assertSafeFix } from '../../oracles/fix-safety';

/** The analysis of `text` as file `name` (which must parse) and its open findings of `rule`. */
export function analysisOf(
  rule: string,
  name: string,
  text: string,
  settings: Partial<Settings> = {},
): { a: Checked; found: TestFinding[] } {
  const a = run(name, text, settings);
  assert.deepStrictEqual(
    a.findings.filter(f => f.rule === 'syntax-error').map(f => f.message),
    [],
    'test template must parse',
  );
  return { a, found: open(a).filter(f => f.rule === rule) };
}

export function findingsOf(rule: string, name: string, text: string, settings: Partial<Settings> = {}): TestFinding[] {
  return analysisOf(rule, name, text, settings).found;
}

/** 1-based line of a finding's start. */
export function lineOf(f: TestFinding): number {
  return f.range.start.line + 1;
}

/** Applies the first fix of the n-th finding of `rule` through the fix-safety oracle; returns the fixed text. */
export function applyAndRecheck(rule: string, name: string, text: string, n = 0, fix = 0): string {
  const { a, found } = analysisOf(rule, name, text);
  assert.ok(found[n], `no finding #${n} of ${rule}`);
  return assertSafeFix(a, found[n], fix).text;
}
