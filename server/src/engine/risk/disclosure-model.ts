/**
 * The draft of a サービス仕様適合開示書 (service specification conformity disclosure) that every renderer draws: its
 * appendix 予見されるリスク (every minimum scenario: who acts, the treatment, the measures of the provider, of AWS and
 * asked of the healthcare institution, the residual risk), the list of what is asked of the institution, technical
 * facts read from the linked templates, and the open points (claims the IaC contradicts, gaps). It is a draft for
 * the provider to complete and sign: it states what the risk file and the templates say, never that the service
 * conforms.
 */
import { Catalog } from '../catalog/catalog';
import { ScenarioEntry } from '../catalog/types';
import { Analysis, riskOf } from '../context';
import { findingMessage, Lang, render, t } from '../i18n/text';
import { thresholdsOf } from './levels';
import { coveredScenarios, minimumScenarios } from './coverage';
import { Fact, FACT_TOPICS, FactTopic, templateFacts } from './facts';
import { labelledValue, lookupId } from './lookup';
import { Control, Risk } from './model';
import { metadataLines, buildReport } from './report-model';
import { computedLevel } from './rules/support';

export type Category = ScenarioEntry['category'];
export const CATEGORIES: Category[] = ['organizational', 'physical', 'technical'];

export interface DisclosureRow {
  id: string;
  title: string;
  category: Category;
  status: 'treated' | 'not-applicable' | 'uncovered';
  risks: string[];
  /** Who acts, as labels (事業者, AWS, 医療機関等). */
  actors: string[];
  treatment: string;
  provider: string[];
  aws: string[];
  institution: string[];
  /** The residual risk in words and its level, per risk. */
  residual: string[];
  /** Why the scenario is not applicable or the risk accepted, as written. */
  reasons: string[];
}

export interface InstitutionRequest {
  measure: string;
  scenarios: string[];
}

export interface Disclosure {
  lang: Lang;
  title: string;
  assessmentId: string;
  guideline: string;
  /** The risk file's name, for the "made from" line. */
  source: string;
  meta: [string, string][];
  treatments: { label: string; summary: string }[];
  rows: DisclosureRow[];
  requests: InstitutionRequest[];
  facts: { topic: FactTopic; facts: Fact[] }[];
  openPoints: string[];
}

/** Risk-file findings that say a claimed measure is not what the linked templates show. */
const CLAIM_RULES = ['risk-control-contradicted', 'risk-service-not-in-iac', 'risk-unknown-resource'];

export function buildDisclosure(a: Analysis, catalog: Catalog, lang: Lang, today?: string): Disclosure {
  const model = riskOf(a);
  if (!model) throw new Error(t('disclNotRiskFile', lang, { uri: a.uri }));
  const { doc, links } = model;
  const as = doc.assessment;
  const label = (kind: 'treatments' | 'owners', raw?: string) =>
    raw ? (labelledValue(catalog, kind, raw)?.label[lang] ?? raw) : '';
  const ownerOf = (c: Control) =>
    (c.owner ? labelledValue(catalog, 'owners', c.owner.text)?.id : undefined) ?? 'provider';
  const treatmentOf = (r: Risk) =>
    r.treatment ? labelledValue(catalog, 'treatments', r.treatment.text)?.id : undefined;
  const th = thresholdsOf(catalog, doc);
  const scenarios = minimumScenarios(catalog, as?.guideline?.text) ?? [...catalog.scenarios.values()];
  const covered = coveredScenarios(catalog, doc);
  const citing = (s: ScenarioEntry) =>
    doc.risks.filter(r => r.scenarios.some(x => lookupId(catalog, x.text, 'scenario')?.id === s.id));
  const uniq = (xs: string[]) => [...new Set(xs.map(x => x.trim()).filter(Boolean))];

  const rows: DisclosureRow[] = [];
  for (const category of CATEGORIES)
    for (const s of scenarios.filter(x => x.category === category)) {
      const risks = citing(s);
      const treated = risks.filter(r => treatmentOf(r) !== 'not-applicable');
      const status = !covered.has(s.id) ? 'uncovered' : treated.length ? 'treated' : 'not-applicable';
      const controls = treated.flatMap(r => r.controls);
      const measures = (owner: string) =>
        uniq(controls.filter(c => ownerOf(c) === owner).map(c => c.measure?.text ?? ''));
      const owners = ['provider', 'aws', 'institution'].filter(o => controls.some(c => ownerOf(c) === o));
      const residual = treated.map(r => {
        const res = r.residual;
        const level = res
          ? (computedLevel(th, res.impact, res.likelihood) ?? res.level?.text)
          : computedLevel(th, r.impact, r.likelihood);
        const words = res?.description?.text;
        return words && level ? t('disclResidual', lang, { text: words, level }) : (words ?? level ?? '');
      });
      rows.push({
        id: s.id,
        title: s.title[lang],
        category,
        status,
        risks: risks.map(r => r.id?.text ?? '?'),
        actors: owners.map(o => catalog.data.riskModel.owners.find(x => x.id === o)?.label[lang] ?? o),
        treatment: t('treatmentList', lang, { items: uniq(risks.map(r => label('treatments', r.treatment?.text))) }),
        provider: measures('provider'),
        aws: measures('aws'),
        institution: measures('institution'),
        residual: uniq(residual),
        reasons: uniq(
          risks
            .filter(r => ['not-applicable', 'accept'].includes(treatmentOf(r) ?? ''))
            .map(r => r.justification?.text ?? ''),
        ),
      });
    }

  // What is asked of the institution, once per measure, with the scenarios it answers.
  const requests: InstitutionRequest[] = [];
  for (const row of rows)
    for (const m of row.institution) {
      const known = requests.find(x => x.measure === m);
      if (known) known.scenarios.push(row.id);
      else requests.push({ measure: m, scenarios: [row.id] });
    }

  const facts = templateFacts(links, lang);
  const report = buildReport(a, catalog, lang, today);
  return {
    lang,
    title: as?.title?.text ?? as?.id?.text ?? '',
    assessmentId: as?.id?.text ?? '',
    guideline: editionTitle(catalog, as?.guideline?.text, lang),
    source: decodeURIComponent(a.uri.split('/').pop() ?? a.uri),
    meta: metadataLines(report),
    treatments: catalog.data.riskModel.treatments.map(x => ({
      label: x.label[lang],
      summary: x.summary?.[lang] ?? '',
    })),
    rows,
    requests,
    facts: FACT_TOPICS.map(topic => ({ topic, facts: facts.filter(f => f.topic === topic) })),
    openPoints: openPoints(a, catalog, lang, rows),
  };
}

function editionTitle(catalog: Catalog, id: string | undefined, lang: Lang): string {
  if (!id) return '';
  const e = catalog.editions.get(id.trim());
  return e ? `${e.title[lang]} (${e.id})` : id;
}

/** Claims the linked templates contradict or do not back, scenarios not assessed, an overdue review, other problems. */
function openPoints(a: Analysis, catalog: Catalog, lang: Lang, rows: DisclosureRow[]): string[] {
  const doc = riskOf(a)!.doc;
  const out: string[] = [];
  const findings = a.findings.filter(f => !f.suppressed);
  const riskAt = (offset: number) => doc.risks.find(r => offset >= r.obj.node.start && offset <= r.obj.node.end);
  for (const f of findings.filter(x => CLAIM_RULES.includes(x.rule))) {
    const offset = a.lines.offset(f.range.start);
    const risk = riskAt(offset);
    const control = risk?.controls.find(c => offset >= c.obj.node.start && offset <= c.obj.node.end);
    const related = (f.related ?? []).map(r => render(r.message, lang, catalog)).slice(0, 3);
    out.push(
      t('disclOpenClaim', lang, {
        risk: risk?.id?.text ?? '?',
        measure: control?.measure?.text ?? '',
        message: findingMessage(catalog, f, lang),
        detail: t('relatedDetails', lang, { items: related }),
      }),
    );
  }
  const uncovered = rows.filter(r => r.status === 'uncovered').map(r => r.id);
  if (uncovered.length) out.push(t('disclOpenUncovered', lang, { ids: uncovered.join(', '), count: uncovered.length }));
  for (const f of findings.filter(x => x.rule === 'risk-review-overdue')) out.push(findingMessage(catalog, f, lang));
  const other = findings.filter(
    f => !CLAIM_RULES.includes(f.rule) && !['risk-scenario-uncovered', 'risk-review-overdue'].includes(f.rule),
  );
  const serious = other.filter(f => f.severity === 'error' || f.severity === 'warning').length;
  if (serious) out.push(t('disclOpenOther', lang, { count: serious }));
  return out;
}
