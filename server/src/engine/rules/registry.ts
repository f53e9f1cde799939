import { DISCOVERED_RULES } from './index.generated';
import { Rule } from './types';

/** Every template rule (discovered from the rule folders), and the rules by resource type, computed once. */
export const RULES: readonly Rule[] = DISCOVERED_RULES;
const byType = new Map<string, Rule[]>();
for (const r of RULES) for (const t of r.runsOn ?? []) byType.set(t, [...(byType.get(t) ?? []), r]);
export function rulesForType(type: string): readonly Rule[] {
  return byType.get(type) ?? [];
}
export const TEMPLATE_RULES: readonly Rule[] = RULES.filter(r => r.checkTemplate);
