/**
 * `workspace/executeCommand` commands the server offers, and what they return. Plain data shared with the VS Code
 * client; any LSP client can call them.
 */
export const ServerCommands = {
  /** args: [folderUris?: string[]] → CheckWorkspaceResult. Publishes diagnostics for every candidate file. */
  checkWorkspace: 'iryoGuard.server.checkWorkspace',
  /** args: [riskFileUri: string] → CoverageReportResult. */
  coverageReport: 'iryoGuard.server.coverageReport',
  /** args: [riskFileUri: string] → DisclosureResult: the conformity disclosure draft as Markdown. */
  disclosure: 'iryoGuard.server.disclosure',
  /** args: [templateUri: string] → NewAssessmentResult. */
  newAssessment: 'iryoGuard.server.newAssessment',
  /** args: [id: string] → ExplainResult (a scenario, threat, service, guideline item, edition or rule ID). */
  explain: 'iryoGuard.server.explain',
} as const;

/** Something the user should read instead of a result (wrong kind of file, unknown ID…), in their language. */
export interface CommandMessage {
  message: string;
}

export interface CheckWorkspaceResult {
  files: number;
  findings: number;
  errors: number;
  warnings: number;
  truncated: boolean;
}
export type CoverageReportResult = { title: string; html: string } | CommandMessage;
/** `fileName` is a suggested name for saving the draft (`<risk file>.disclosure.md`). */
export type DisclosureResult = { title: string; markdown: string; fileName: string } | CommandMessage;
export type NewAssessmentResult = { text: string; fileName: string; uri: string; scenarios: string[] } | CommandMessage;
export type ExplainResult = { id: string; markdown: string } | CommandMessage;

export function isMessage(r: unknown): r is CommandMessage {
  return typeof r === 'object' && r !== null && typeof (r as CommandMessage).message === 'string';
}
