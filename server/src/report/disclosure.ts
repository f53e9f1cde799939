/** The conformity disclosure draft as Markdown, and what its other renderings (xlsx, docx) share. */
import { Category, Disclosure, DisclosureRow } from '../engine/risk/disclosure-model';
import { FactTopic } from '../engine/risk/facts';
import { PhraseId } from '../engine/i18n/phrases';
import { t } from '../engine/i18n/text';

export const CATEGORY_PHRASE: Record<Category, PhraseId> = {
  organizational: 'disclCategoryOrganizational',
  physical: 'disclCategoryPhysical',
  technical: 'disclCategoryTechnical',
};
export const TOPIC_PHRASE: Record<FactTopic, PhraseId> = {
  regions: 'disclTopicRegions',
  encryption: 'disclTopicEncryption',
  logRetention: 'disclTopicLogRetention',
  backups: 'disclTopicBackups',
};

/** The appendix columns, in the order of the seed's table widened by the sheet's owner columns. */
export const APPENDIX_COLUMNS: PhraseId[] = [
  'disclColScenario',
  'disclColActors',
  'disclColTreatment',
  'disclColProvider',
  'disclColAws',
  'disclColInstitution',
  'disclColResidual',
  'disclColRisks',
];

/** One appendix row as cells (lists as items), in APPENDIX_COLUMNS order. */
export function appendixCells(d: Disclosure, r: DisclosureRow): string[][] {
  const L = d.lang;
  if (r.status === 'uncovered') return [[`${r.id} ${r.title}`], [], [t('disclNotAssessed', L)], [], [], [], [], []];
  const reasons = r.reasons.map(reason => t('disclReason', L, { reason }));
  const provider = r.status === 'not-applicable' ? reasons : [...r.provider, ...reasons];
  return [
    [`${r.id} ${r.title}`],
    r.actors,
    [r.treatment],
    provider,
    r.aws,
    r.institution,
    r.residual,
    [r.risks.join(', ')],
  ];
}

/** `file:line resource (type): text`. */
export function factLine(f: Disclosure['facts'][number]['facts'][number]): string {
  const where = `${f.file}:${f.line}`;
  return f.resource ? `${f.resource} (${f.type}, ${where}): ${f.text}` : f.text;
}

const mdCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');

export function renderDisclosureMarkdown(d: Disclosure): string {
  const L = d.lang;
  const out: string[] = [];
  out.push(`# ${t('disclTitle', L)}: ${d.title}`, '');
  out.push(`> **${t('disclDraftMark', L)}** — ${t('disclDraftNotice', L, { source: d.source })}`, '');
  out.push(`- ${t('disclLabelService', L)}: ${d.title}`);
  out.push(`- ${t('disclLabelAssessment', L)}: ${d.assessmentId}`);
  out.push(`- ${t('disclLabelGuideline', L)}: ${d.guideline}`);
  for (const [k, v] of d.meta) out.push(`- ${k}: ${v}`);
  out.push('', `## ${t('disclAppendix', L)}`, '', `${t('disclTreatments', L)}:`, '');
  for (const x of d.treatments) out.push(`- **${x.label}**: ${x.summary}`);
  for (const category of ['organizational', 'physical', 'technical'] as Category[]) {
    const rows = d.rows.filter(r => r.category === category);
    if (!rows.length) continue;
    out.push('', `### ${t(CATEGORY_PHRASE[category], L)}`, '');
    out.push(
      `| ${APPENDIX_COLUMNS.map(c => t(c, L)).join(' | ')} |`,
      `|${APPENDIX_COLUMNS.map(() => '---').join('|')}|`,
    );
    for (const r of rows) {
      const cells = appendixCells(d, r).map(items =>
        items.length > 1 ? items.map(i => `・${mdCell(i)}`).join('<br>') : mdCell(items[0] ?? ''),
      );
      if (r.status === 'uncovered') cells[2] = `**${cells[2]}**`;
      out.push(`| ${cells.join(' | ')} |`);
    }
  }
  out.push('', `## ${t('disclRequests', L)}`, '');
  if (!d.requests.length) out.push(t('disclRequestsNone', L));
  d.requests.forEach((q, i) =>
    out.push(`${i + 1}. ${t('disclRequestLine', L, { measure: q.measure, ids: q.scenarios.join(', ') })}`),
  );
  out.push('', `## ${t('disclFacts', L)}`, '');
  if (d.facts.every(x => !x.facts.length)) out.push(t('disclFactsNone', L));
  else
    for (const topic of d.facts) {
      out.push(`### ${t(TOPIC_PHRASE[topic.topic], L)}`, '');
      if (!topic.facts.length) out.push(`- ${t('disclTopicNone', L)}`);
      for (const f of topic.facts) out.push(`- ${factLine(f)}`);
      out.push('');
    }
  out.push(`## ${t('disclOpen', L)}`, '');
  if (!d.openPoints.length) out.push(t('disclOpenNone', L));
  for (const p of d.openPoints) out.push(`- ${p}`);
  out.push('', '---', '', `_${t('disclFooter', L, { source: d.source })} — ${t('disclDraftMark', L)}_`, '');
  return out.join('\n');
}
