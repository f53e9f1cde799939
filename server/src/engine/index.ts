/** The engine's public surface: pure functions over strings. No editor or protocol types. */
export {
  analyze,
  analyzeOversized,
  detectKind,
  hoverAt,
  completionsAt,
  codeLensesFor,
  definitionAt,
  referencesAt,
} from './analyze';
export type { Analysis, EngineContext, ReadRefusal, ReadRefusalReason } from './context';
export { isRefusal } from './context';
export { Catalog } from './catalog/catalog';
export type { CatalogDocs } from './catalog/catalog';
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
