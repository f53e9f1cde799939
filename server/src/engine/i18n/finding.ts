import type { Catalog } from '../catalog/catalog';
import type { GuidelineRef } from '../catalog/types';
import type { Finding, Range } from '../model/types';
import { leadRefs, refsText } from './guidelines';
import { findingMessage, Lang, render } from './text';

/** A finding with its texts in one language: what the faces print, publish and report. */
export interface RenderedFinding extends Omit<Finding, 'related'> {
  message: string;
  related?: { uri: string; range: Range; message: string }[];
}

export function renderFinding(f: Finding, catalog: Catalog, lang: Lang): RenderedFinding {
  const { related, ...rest } = f;
  const out: RenderedFinding = { ...rest, message: findingMessage(catalog, f, lang) };
  if (related)
    out.related = related.map(r => ({ uri: r.uri, range: r.range, message: render(r.message, lang, catalog) }));
  return out;
}

export function renderFindings(findings: readonly Finding[], catalog: Catalog, lang: Lang): RenderedFinding[] {
  return findings.map(f => renderFinding(f, catalog, lang));
}

/** ` [3.13②, 3.10②]` after a message; a long list (an assessment's uncovered scenarios) is cut short. */
export function scenarioTag(scenarios: readonly string[]): string {
  if (!scenarios.length) return '';
  const shown = scenarios.slice(0, 6).join(', ');
  return ` [${shown}${scenarios.length > 6 ? `, … +${scenarios.length - 6}` : ''}]`;
}

/**
 * What a one-line finding carries after its message: its scenarios and the lead edition's guideline items,
 * ` [3.1①, 1.8, 2.2; MHLW 6.0 Sys 7③, Mgmt 15③]` (「［…；医療GL 6.0 シス7③、企15③］」 reads the same in Japanese
 * with the Japanese short forms). The other editions' items are in the hover, `explain`, JSON and SARIF.
 */
export function findingTag(
  f: { scenarios: readonly string[]; guidelines?: readonly GuidelineRef[] },
  lang: Lang,
): string {
  const scenarios = scenarioTag(f.scenarios).slice(2, -1);
  const refs = refsText(leadRefs(f.guidelines ?? []), lang);
  const parts = [scenarios, refs].filter(Boolean);
  return parts.length ? ` [${parts.join('; ')}]` : '';
}
