/**
 * The "add a risk skeleton" fix: a risk for an uncovered scenario, prefilled from the catalog (threat, perspective,
 * services, rules that check it, MHLW items). Impact, likelihood and the measure are left empty on purpose: they are
 * the author's judgement, and the file keeps a "required" diagnostic until they are written. Never writes a
 * justification or sign-off.
 */
import { Catalog } from '../catalog/catalog';
import { leadEdition, scenarioRefs, writtenId } from '../catalog/editions';
import { ScenarioEntry } from '../catalog/types';
import { isScalar, isSeq } from '../model/node';
import { LineIndex } from '../model/text';
import { Lang, TextEdit } from '../model/types';
import { columnOf, dashColumn, lineEnd, yamlValue } from './edits';
import { canonicalKey, keyName, ObjectKind } from './keys';
import { RiskDocument } from './model';

/** Rule IDs (IaC checks) whose catalog entry names the scenario. */
export function rulesForScenario(catalog: Catalog, scenario: string): string[] {
  return [...catalog.rules.values()]
    .filter(r => r.family !== 'core' && r.family !== 'risk' && r.scenarios.includes(scenario))
    .map(r => r.id);
}

function skeletonLines(
  catalog: Catalog,
  s: ScenarioEntry,
  id: string,
  style: 'en' | 'ja',
  lang: Lang,
  lead: string,
): string[] {
  const k = (kind: ObjectKind, key: string) => keyName(kind, key, style);
  const label = (kind: 'treatments' | 'perspectives' | 'owners', v: string) =>
    style === 'ja' ? (catalog.data.riskModel[kind].find(x => x.id === v)?.label.ja ?? v) : v;
  const list = (xs: string[]) => `[${xs.map(yamlValue).join(', ')}]`;
  const out = [
    `- ${k('risk', 'id')}: ${yamlValue(id)}`,
    s.threats[0] ? `  ${k('risk', 'threat')}: ${s.threats[0]}` : `  ${k('risk', 'threat')}:`,
    `  ${k('risk', 'scenarios')}: ${list([s.id])}`,
    `  ${k('risk', 'description')}: ${yamlValue(s.title[lang])}`,
    `  ${k('risk', 'impact')}:`,
    `  ${k('risk', 'likelihood')}:`,
    `  ${k('risk', 'treatment')}: ${label('treatments', 'reduce')}`,
    `  ${k('risk', 'controls')}:`,
    `    - ${k('control', 'perspective')}: ${label('perspectives', s.perspective)}`,
    `      ${k('control', 'owner')}: ${label('owners', 'provider')}`,
    `      ${k('control', 'measure')}:`,
  ];
  if (s.services.length) out.push(`      ${k('control', 'services')}: ${list(s.services)}`);
  const rules = rulesForScenario(catalog, s.id);
  if (rules.length) out.push(`      ${k('control', 'rules')}: ${list(rules)}`);
  // The scenario's items in the edition that leads for this assessment (6.0 unless it follows MHLW 5.2).
  const items = scenarioRefs(s, lead).filter(r => catalog.guidelineItems.has(`${r.edition}:${r.id}`));
  if (items.length) out.push(`      ${k('control', 'guidelines')}: ${list(items.map(writtenId))}`);
  return out;
}

/** An edit adding one skeleton per scenario at the end of `risks` (creating the list if needed). */
export function skeletonEdit(
  doc: RiskDocument,
  lines: LineIndex,
  catalog: Catalog,
  scenarios: ScenarioEntry[],
  lang: Lang,
): TextEdit | undefined {
  const taken = new Set(doc.risks.map(r => r.id?.text));
  const uniqueId = (base: string) => {
    let id = base,
      n = 2;
    while (taken.has(id)) id = `${base}-${n++}`;
    taken.add(id);
    return id;
  };
  const lead = leadEdition(doc.assessment?.guideline?.text);
  const block = scenarios.flatMap(s => skeletonLines(catalog, s, uniqueId(`R-${s.id}`), doc.keyStyle, lang, lead));
  const indent = (col: number) => block.map(l => ' '.repeat(col) + l).join('\n');
  const at = (offset: number, text: string) => ({ range: lines.range(offset, offset), newText: text });
  const seq = doc.risksNode;
  if (seq && !seq.flow && seq.items.length) {
    const last = seq.items[seq.items.length - 1];
    let end = last.end;
    while (end > last.start && /\s/.test(lines.text[end - 1])) end--;
    return at(lineEnd(lines, end), '\n' + indent(dashColumn(lines, seq.items[0].start)));
  }
  const entry = doc.root?.entries.find(e => canonicalKey('root', e.key)?.key === 'risks');
  if (entry && isSeq(entry.value) && entry.value.flow && entry.value.items.length) return undefined;
  const col = entry ? columnOf(lines, entry.keyStart) + 2 : 2;
  if (entry && isSeq(entry.value) && entry.value.flow) {
    return { range: lines.range(entry.value.start, entry.value.end), newText: '\n' + indent(col) };
  }
  if (entry && isScalar(entry.value) && entry.value.value === null) {
    return { range: lines.range(entry.keyEnd, lineEnd(lines, entry.keyEnd)), newText: ':\n' + indent(col) };
  }
  if (entry) return undefined;
  const text = lines.text;
  const sep = text.length && !text.endsWith('\n') ? '\n' : '';
  return at(text.length, `${sep}${keyName('root', 'risks', doc.keyStyle)}:\n${indent(2)}\n`);
}
