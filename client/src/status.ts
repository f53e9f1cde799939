import * as vscode from 'vscode';
import { t } from './l10n';

export const SOURCE = 'iryo-guard';

export interface Counts {
  errors: number;
  warnings: number;
  other: number;
}

/** Counts iryo-guard's diagnostics across the workspace. */
export function countFindings(all: readonly [vscode.Uri, readonly vscode.Diagnostic[]][]): Counts {
  const c: Counts = { errors: 0, warnings: 0, other: 0 };
  for (const [, diags] of all) {
    for (const d of diags) {
      if (d.source !== SOURCE) continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) c.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) c.warnings++;
      else c.other++;
    }
  }
  return c;
}

/** Status-bar entry: how many iryo-guard findings the workspace has; a click opens the Problems panel. */
export class FindingsStatus implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('iryoGuard.findings', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private timer: NodeJS.Timeout | undefined;

  constructor() {
    this.item.name = 'iryo-guard';
    this.item.command = 'workbench.actions.view.problems';
    this.listener = vscode.languages.onDidChangeDiagnostics(() => this.schedule());
    this.update();
    this.item.show();
  }

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.update(), 150);
  }

  get text(): string {
    return this.item.text;
  }

  update(): void {
    const c = countFindings(vscode.languages.getDiagnostics());
    const total = c.errors + c.warnings + c.other;
    this.item.text = total
      ? `$(shield) ${t('iryo-guard: {0} findings', total)}`
      : `$(shield) ${t('iryo-guard: no findings')}`;
    this.item.tooltip = t(
      '{0} errors, {1} warnings, {2} other findings in the workspace. Click to open Problems.',
      c.errors,
      c.warnings,
      c.other,
    );
    this.item.accessibilityInformation = { label: this.item.tooltip };
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.listener.dispose();
    this.item.dispose();
  }
}
