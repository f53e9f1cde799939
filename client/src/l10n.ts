/**
 * Client-side strings through @vscode/l10n. They follow `iryoGuard.language` when it is set, else VS Code's display
 * language, so the client speaks the same language as the server's diagnostics. No `vscode` import: testable in Node.
 */
import * as path from 'path';
import * as l10n from '@vscode/l10n';

export type Lang = 'ja' | 'en';

export function effectiveLanguage(setting: unknown, displayLanguage: string): Lang {
  if (setting === 'ja' || setting === 'en') return setting;
  return displayLanguage.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** Loads the bundle for `lang` from the extension's l10n/ folder (English needs none: the keys are English). */
export function useLanguage(lang: Lang, l10nDir: string): void {
  if (lang === 'ja') l10n.config({ fsPath: path.join(l10nDir, 'bundle.l10n.ja.json') });
  else l10n.config({ contents: {} });
}

export const t = l10n.t;
