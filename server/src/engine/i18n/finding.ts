import type { Catalog } from '../catalog/catalog';
import type { Finding, Range } from '../model/types';
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
