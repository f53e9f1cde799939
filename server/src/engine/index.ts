/** The engine's public surface: pure functions over strings. No editor or protocol types. */
export { analyze, detectKind, hoverAt, completionsAt, codeLensesFor, definitionAt, referencesAt } from './analyze';
export type { Analysis, EngineContext, RiskAnalysis, TemplateAnalysis } from './context';
export { fixesFor, riskOf, templateOf } from './context';
export { renderFinding, renderFindings } from './i18n/finding';
export type { RenderedFinding } from './i18n/finding';
export { findingMessage, localize, render, t } from './i18n/text';
export type { Text } from './i18n/text';
export { Catalog } from './catalog/catalog';
export { defaultCatalog } from './catalog/load';
export { describeEntry, entryJson, entryTitle } from './describe';
export { defaultSettings } from './model/types';
export { RISK_FILE } from './risk/language';
export type {
  Finding,
  Settings,
  Severity,
  Lang,
  Range,
  Position,
  Fix,
  TextEdit,
  DocSymbol,
  Hover,
  CompletionItem,
  CodeLens,
  Location,
} from './model/types';
export { LineIndex, applyEdits } from './model/text';
