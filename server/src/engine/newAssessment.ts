import * as path from 'path';
import { Catalog } from './catalog/catalog';
import { ScenarioEntry } from './catalog/types';
import { Analysis } from './context';
import { pick } from './findings';
import { Finding, Lang } from './model/types';

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
  const L = (ja: string, en: string) => (opts.lang === 'ja' ? ja : en);
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
    `# ${L(`${path.basename(opts.iacPath)} の指摘から作成したリスクアセスメントの下書きです。`, `Draft risk assessment made from the findings in ${path.basename(opts.iacPath)}.`)}`,
    `# ${L('影響度・顕在化率・残存リスクと情報流の説明は、評価者が記入してください。', 'Impact, likelihood, residual risk and the flow description are for the assessor to fill in.')}`,
    'assessment:',
    `  id: ${id}`,
    `  title: ${q(L(`${base} のリスクアセスメント`, `Risk assessment for ${base}`))}`,
    `  guideline: ${guideline}`,
    '  acceptance: C',
    `  iac: [${q(opts.iacPath)}]`,
    'flows:',
    '  - id: F1',
    `    description: ""  # ${L('情報の流れ（どこからどこへ、何を）', 'what information goes from where to where')}`,
    '    classification: patient-personal',
    scenarios.length ? 'risks:' : 'risks: []',
  ];
  scenarios.forEach((s, i) => lines.push(...riskLines(s, i + 1, byScenario.get(s.id)!, catalog, opts.lang)));
  return { text: lines.join('\n') + '\n', scenarios: scenarios.map(s => s.id), fileName: `${base}.risk.yaml` };
}

function riskLines(s: ScenarioEntry, n: number, findings: Finding[], catalog: Catalog, lang: Lang): string[] {
  const out = [
    `  - id: R${n}`,
    '    flow: F1',
    ...(s.threats.length ? [`    threat: ${s.threats[0]}`] : []),
    `    scenarios: [${q(s.id)}]`,
    `    description: ${q(pick(s.title, lang))}`,
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
      `        measure: ${q(pick(meta.fix?.title ?? meta.title, lang))}`,
      `        services: [${meta.services.join(', ')}]`,
      `        rules: [${meta.id}]`,
    );
    if (meta.guidelines.length) out.push(`        guidelines: [${meta.guidelines.map(q).join(', ')}]`);
  }
  out.push('    residual: { impact: , likelihood: }');
  return out;
}
