import * as path from 'path';
import { Catalog } from './catalog/catalog';
import { leadEdition, ruleRefs, writtenId } from './catalog/editions';
import { ScenarioEntry } from './catalog/types';
import { Analysis } from './context';
import { localize, t } from './i18n/text';
import { Finding, Lang } from './model/types';
import { PhraseId } from './i18n/phrases';
import { Args } from './i18n/text';

export const DEFAULT_GUIDELINE = 'metimic-2.0';

export interface DraftOptions {
  lang: Lang;
  /** Edition ID written to `assessment.guideline`; unknown IDs fall back to the default. */
  guideline?: string;
  /** Path of the template as the risk file will refer to it (relative to the risk file). */
  iacPath: string;
}

export interface AssessmentDraft {
  /** Risk-file YAML (the `*.risk.yaml` shape) with one risk per minimum scenario the template's findings touch. */
  text: string;
  /** Scenario IDs that got a risk, in catalog order. */
  scenarios: string[];
  /** Suggested file name next to the template. */
  fileName: string;
}

const q = (s: string) => JSON.stringify(s);

/**
 * Drafts a risk assessment from a template's findings: one risk per minimum scenario (別紙2) that an open finding
 * serves, with the threat, perspective and the rules that prove the control prefilled from the catalog. Impact,
 * likelihood and the residual risk stay empty: they are the author's judgement, never ours.
 */
export function draftAssessment(template: Analysis, catalog: Catalog, opts: DraftOptions): AssessmentDraft {
  const say = (id: PhraseId, args?: Args) => t(id, opts.lang, args);
  const open = template.findings.filter(f => !f.suppressed);
  const byScenario = new Map<string, Finding[]>();
  for (const f of open)
    for (const s of f.scenarios) if (catalog.scenarios.has(s)) byScenario.set(s, [...(byScenario.get(s) ?? []), f]);
  const scenarios = catalog.data.scenarios.filter(s => byScenario.has(s.id));
  const base = path.basename(opts.iacPath).replace(/\.(ya?ml|json|template|ts)$/i, '');
  const id =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'assessment';
  const guideline = opts.guideline && catalog.editions.has(opts.guideline) ? opts.guideline : DEFAULT_GUIDELINE;
  const lines = [
    `# ${say('draftHeader', { file: path.basename(opts.iacPath) })}`,
    `# ${say('draftFillIn')}`,
    'assessment:',
    `  id: ${id}`,
    `  title: ${q(say('draftTitle', { name: base }))}`,
    `  guideline: ${guideline}`,
    '  acceptance: C',
    `  iac: [${q(opts.iacPath)}]`,
    'flows:',
    '  - id: F1',
    `    description: ""  # ${say('draftFlowHint')}`,
    '    classification: patient-personal',
    scenarios.length ? 'risks:' : 'risks: []',
  ];
  const lead = leadEdition(guideline);
  scenarios.forEach((s, i) => lines.push(...riskLines(s, i + 1, byScenario.get(s.id)!, catalog, opts.lang, lead)));
  return { text: lines.join('\n') + '\n', scenarios: scenarios.map(s => s.id), fileName: `${base}.risk.yaml` };
}

function riskLines(
  s: ScenarioEntry,
  n: number,
  findings: Finding[],
  catalog: Catalog,
  lang: Lang,
  lead: string,
): string[] {
  const out = [
    `  - id: R${n}`,
    '    flow: F1',
    ...(s.threats.length ? [`    threat: ${s.threats[0]}`] : []),
    `    scenarios: [${q(s.id)}]`,
    `    description: ${q(localize(s.title, lang))}`,
    '    impact:      # 1-5',
    '    likelihood:  # 1-5',
    '    treatment: reduce',
    '    controls:',
  ];
  for (const rule of [...new Set(findings.map(f => f.rule))]) {
    const meta = catalog.rules.get(rule);
    if (!meta) continue;
    out.push(
      `      - perspective: ${s.perspective}`,
      '        owner: provider',
      `        measure: ${q(localize(meta.fix?.title ?? meta.title, lang))}`,
      `        services: [${meta.services.join(', ')}]`,
      `        rules: [${meta.id}]`,
    );
    // The lead edition's items only: a new assessment cites the edition it is audited against.
    const refs = ruleRefs(meta, lead).filter(r => r.edition === lead);
    if (refs.length) out.push(`        guidelines: [${refs.map(r => q(writtenId(r))).join(', ')}]`);
  }
  out.push('    residual: { impact: , likelihood: }');
  return out;
}
