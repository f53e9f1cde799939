/** The engine's public surface: pure functions over strings. No editor or protocol types. */
export {
  analyze,
  analyzeOversized,
  parseForProject,
  detectKind,
  hoverAt,
  completionsAt,
  codeLensesFor,
  definitionAt,
  referencesAt,
  actionsAt,
} from './analyze';
export type {
  Analysis,
  EngineContext,
  ReadRefusal,
  ReadRefusalReason,
  RiskAnalysis,
  TemplateAnalysis,
} from './context';
export { fixesFor, isRefusal, riskOf, templateOf } from './context';
export { findingTag, renderFinding, renderFindings, scenarioTag } from './i18n/finding';
export { editionLabel, itemLabel, refLabel, refsText } from './i18n/guidelines';
export { leadEdition, ruleRefs } from './catalog/editions';
export { fileLabel, stagePhrase } from './guard';
export type { EngineFailure, Stage } from './guard';
export type { RenderedFinding } from './i18n/finding';
export { findingMessage, isLang, langOfLocale, localize, phrase, quantity, render, t } from './i18n/text';
export type { Text } from './i18n/text';
export { Catalog } from './catalog/catalog';
export type { CatalogDocs } from './catalog/catalog';
export type { Delivery, ResourceRule, AwsDefault } from './catalog/types';
export { describeEntry, entryJson, entryTitle } from './describe';
export { auditRetentionDays, defaultSettings, DEFAULT_AUDIT_RETENTION_DAYS } from './model/types';
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
export { LineIndex, applyEdits, eolOf, withEol } from './model/text';
export { ProjectIndex } from './project/index';
export { templateFacts } from './project/facts';
export type { ProjectSource } from './project/view';
export type { TemplateParse } from './language';
export type { Template, Resource } from './model/template';
