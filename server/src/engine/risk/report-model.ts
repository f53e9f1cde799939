/**
 * The report's data model, which every renderer in report/ draws: the assessment as the familiar
 * リスクアセスメントシート (one row per risk × control; a risk without controls gets one row), the coverage of the
 * minimum scenarios, and the before/after impact × likelihood counts.
 */
import { Catalog } from '../catalog/catalog';
import { Analysis } from '../context';
import { Lang } from '../model/types';
import type { PhraseId } from '../i18n/phrases';
import { findingMessage, localize, quantity, t } from '../i18n/text';
import { refOf } from '../catalog/editions';
import { refLabel } from '../i18n/guidelines';
import { riskOf } from '../context';
import { daysBetween } from './dates';
import { coveredScenarios, minimumScenarios, notApplicableScenarios } from './coverage';
import { levelIds, levelOf, levelRank, normalizeLevel, Thresholds, thresholdsOf } from './levels';
import { threatLabel } from './threats';

export interface Column {
  id: string;
  /** The column's heading (a phrase in `i18n/phrases.ts`). */
  title: PhraseId;
}

/** Columns in the order of the seed's sheet (リスク特定 → 分析 → 評価 → 対応 → 残存するリスク). */
export const COLUMNS: Column[] = [
  { id: 'risk', title: 'columnRisk' },
  { id: 'flow', title: 'columnFlow' },
  { id: 'classification', title: 'columnClassification' },
  { id: 'threat', title: 'columnThreat' },
  { id: 'scenarios', title: 'columnScenarios' },
  { id: 'description', title: 'columnDescription' },
  { id: 'impact', title: 'columnImpact' },
  { id: 'likelihood', title: 'columnLikelihood' },
  { id: 'level', title: 'columnLevel' },
  { id: 'actionRequired', title: 'columnActionRequired' },
  { id: 'treatment', title: 'columnTreatment' },
  { id: 'perspective', title: 'columnPerspective' },
  { id: 'provider', title: 'columnProvider' },
  { id: 'aws', title: 'columnAws' },
  { id: 'institution', title: 'columnInstitution' },
  { id: 'services', title: 'columnServices' },
  { id: 'rules', title: 'columnRules' },
  { id: 'guidelines', title: 'columnGuidelines' },
  { id: 'residualDescription', title: 'columnResidualDescription' },
  { id: 'residualImpact', title: 'columnResidualImpact' },
  { id: 'residualLikelihood', title: 'columnResidualLikelihood' },
  { id: 'residualLevel', title: 'columnResidualLevel' },
  { id: 'justification', title: 'columnJustification' },
];

export interface CoverageRow {
  id: string;
  title: string;
  risks: string[];
  /** Every risk citing the scenario marks it not applicable (対象外): covered, without treatment. */
  notApplicable: boolean;
}

export interface Report {
  lang: Lang;
  title: string;
  assessmentId: string;
  guideline: string;
  acceptance: string;
  /** Assessment metadata as written (dates in their written form). */
  date: string;
  assessor: string;
  approver: string;
  nextReview: string;
  /** Days past the next review date when "today" is known and later; 0 otherwise. */
  reviewOverdueDays: number;
  headers: string[];
  rows: string[][];
  coverage: CoverageRow[];
  /** counts[impact-1][likelihood-1] */
  before: number[][];
  after: number[][];
  thresholds: Thresholds;
  levels: string[];
  openFindings: number;
  diagnostics: { line: number; severity: string; rule: string; message: string }[];
  /**
   * Lines every rendering prints under the heading: that iryo-guard supports, and does not certify, conformity; and,
   * when the assessment uses the catalog's matrix, that its S–D thresholds are iryo-guard's default, not 表5-2's.
   */
  notes: string[];
}

const grid = () => [0, 1, 2, 3, 4].map(() => [0, 0, 0, 0, 0]);

/** The report of a risk file's analysis; `today` (`YYYY-MM-DD`) dates the review, when the host knows it. */
export function buildReport(a: Analysis, catalog: Catalog, lang: Lang, today?: string): Report {
  const model = riskOf(a);
  if (!model) throw new Error(t('notARiskFile', lang, { uri: a.uri }));
  const doc = model.doc;
  const th = thresholdsOf(catalog, doc);
  const as = doc.assessment;
  const acceptance = as?.acceptance ? normalizeLevel(as.acceptance.text) : '';
  const label = (kind: 'treatments' | 'perspectives' | 'owners' | 'classifications', raw?: string) =>
    raw ? (catalog.labelled(kind, raw)?.label[lang] ?? raw) : '';
  const before = grid(),
    after = grid();
  const rows: string[][] = [];
  for (const r of doc.risks) {
    const flow = doc.flows.find(f => f.id && f.id.text === r.flow?.text);
    const level = scoreLevel(th, r.impact?.value, r.likelihood?.value) ?? r.level?.text ?? '';
    const res = r.residual;
    const resLevel = res ? (scoreLevel(th, res.impact?.value, res.likelihood?.value) ?? res.level?.text ?? '') : level;
    count(before, r.impact?.value, r.likelihood?.value);
    count(after, res?.impact?.value ?? r.impact?.value, res?.likelihood?.value ?? r.likelihood?.value);
    const required =
      r.actionRequired ??
      (level && acceptance ? levelRank(catalog, level) < levelRank(catalog, acceptance) : undefined);
    const base: Record<string, string> = {
      risk: r.id?.text ?? '',
      flow: flow?.description?.text ?? r.flow?.text ?? '',
      classification: label('classifications', flow?.classification?.text),
      threat: threatLabel(catalog, doc, r.threat?.text, lang),
      scenarios: r.scenarios.map(s => s.text).join(', '),
      description: r.description?.text ?? '',
      impact: str(r.impact?.value),
      likelihood: str(r.likelihood?.value),
      level,
      actionRequired: required === undefined ? '' : t(required ? 'actionRequiredYes' : 'actionRequiredNo', lang),
      treatment: label('treatments', r.treatment?.text),
      residualDescription: res?.description?.text ?? '',
      residualImpact: str(res?.impact?.value ?? r.impact?.value),
      residualLikelihood: str(res?.likelihood?.value ?? r.likelihood?.value),
      residualLevel: resLevel,
      justification: r.justification?.text ?? '',
    };
    const controls = r.controls.length ? r.controls : [undefined];
    for (const c of controls) {
      const owner = c?.owner ? (catalog.labelled('owners', c.owner.text)?.id ?? 'provider') : 'provider';
      const row: Record<string, string> = {
        ...base,
        perspective: label('perspectives', c?.perspective?.text),
        provider: '',
        aws: '',
        institution: '',
        services: c?.services.map(s => s.text).join(', ') ?? '',
        rules: c?.rules.map(s => s.text).join(', ') ?? '',
        // Each item with its edition (「医療GL 6.0 シス14②」), as written when the catalog does not know it.
        guidelines: c?.guidelines.map(s => guidelineLabel(catalog, s.text, lang)).join(', ') ?? '',
      };
      if (c) row[owner] = c.measure?.text ?? '';
      rows.push(COLUMNS.map(col => row[col.id] ?? ''));
    }
  }
  const covered = coveredScenarios(catalog, doc);
  const na = notApplicableScenarios(catalog, doc);
  const coverage = (minimumScenarios(catalog, as?.guideline?.text) ?? [...catalog.scenarios.values()]).map(s => ({
    id: s.id,
    title: s.title[lang],
    risks: covered.has(s.id)
      ? doc.risks
          .filter(r => r.scenarios.some(x => catalog.lookup(x.text, 'scenario')?.id === s.id))
          .map(r => r.id?.text ?? '?')
      : [],
    notApplicable: na.has(s.id),
  }));
  return {
    lang,
    title: as?.title?.text ?? as?.id?.text ?? '',
    assessmentId: as?.id?.text ?? '',
    guideline: as?.guideline?.text ?? '',
    acceptance,
    date: as?.date?.text ?? '',
    assessor: as?.assessor?.text ?? '',
    approver: as?.approver?.text ?? '',
    nextReview: as?.nextReview?.text ?? '',
    reviewOverdueDays: as?.nextReview && today ? Math.max(0, daysBetween(as.nextReview.iso, today)) : 0,
    headers: COLUMNS.map(c => t(c.title, lang)),
    rows,
    coverage,
    before,
    after,
    thresholds: th,
    levels: levelIds(catalog),
    openFindings: model.links.flatMap(l => l.analysis?.findings ?? []).filter(f => !f.suppressed).length,
    notes: [
      t('supportNotCertify', lang),
      ...(as?.matrix ? [] : [localize(catalog.data.riskModel.matrix.note, lang)].filter(Boolean)),
    ],
    diagnostics: a.findings
      .filter(f => !f.suppressed)
      .map(f => ({
        line: f.range.start.line + 1,
        severity: f.severity,
        rule: f.rule,
        message: findingMessage(catalog, f, lang),
      })),
  };
}

function guidelineLabel(catalog: Catalog, written: string, lang: Lang): string {
  const ref = refOf(catalog, written);
  return ref ? refLabel(ref, lang) : written;
}

function str(n: number | undefined): string {
  return n === undefined ? '' : String(n);
}

function scoreLevel(th: Thresholds, i?: number, l?: number): string | undefined {
  return i !== undefined && l !== undefined ? levelOf(th, i, l) : undefined;
}

function count(g: number[][], i?: number, l?: number) {
  if (i !== undefined && l !== undefined && i >= 1 && i <= 5 && l >= 1 && l <= 5) g[i - 1][l - 1]++;
}

/** Level of a matrix cell (for colouring heat maps). */
export function cellLevel(rep: Report, impact: number, likelihood: number): string {
  return levelOf(rep.thresholds, impact, likelihood) ?? '';
}

export function coveredCount(rep: Report): number {
  return rep.coverage.filter(c => c.risks.length).length;
}

/** "86 / 86" or "86 / 86 (3 not applicable)". */
export function coverageSummary(rep: Report): string {
  const na = rep.coverage.filter(c => c.notApplicable).length;
  return t('coverageCount', rep.lang, { covered: coveredCount(rep), total: rep.coverage.length, na });
}

/** The risks covering a scenario, marked when they only declare it not applicable; empty when uncovered. */
export function coverageRisks(rep: Report, c: CoverageRow): string {
  const risks = c.risks.join(', ');
  return c.notApplicable ? t('coveredNotApplicable', rep.lang, { risks }) : risks;
}

/** The assessment's date, people and next review as label/value pairs (only those written). */
export function metadataLines(rep: Report, fileText: (s: string) => string = s => s): [string, string][] {
  // `fileText` escapes what the risk file wrote (for Markdown), not the words around it.
  const next = rep.reviewOverdueDays
    ? t('reviewOverdueBy', rep.lang, { date: fileText(rep.nextReview), late: quantity(rep.reviewOverdueDays, 'day') })
    : fileText(rep.nextReview);
  const lines: [string, string][] = [
    [t('labelAssessmentDate', rep.lang), fileText(rep.date)],
    [t('labelAssessor', rep.lang), fileText(rep.assessor)],
    [t('labelApprover', rep.lang), fileText(rep.approver)],
    [t('labelNextReview', rep.lang), next],
  ];
  return lines.filter(([, v]) => v);
}
