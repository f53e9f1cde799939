import * as vscode from 'vscode';

const panels = new Map<string, vscode.WebviewPanel>();

/**
 * Shows server-made HTML (a report, an explanation) beside the editor, one panel per key, reused. Scripts stay off
 * and nothing is loaded from disk or the network.
 */
export function showHtml(key: string, title: string, html: string): vscode.WebviewPanel {
  let panel = panels.get(key);
  if (panel) {
    panel.title = title;
    panel.reveal(vscode.ViewColumn.Beside, true);
  } else {
    panel = vscode.window.createWebviewPanel(
      'iryoGuard.report',
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, localResourceRoots: [], enableFindWidget: true },
    );
    panels.set(key, panel);
    panel.onDidDispose(() => panels.delete(key));
  }
  panel.webview.html = withPolicy(html);
  return panel;
}

/** A strict Content-Security-Policy: inline styles only. */
function withPolicy(html: string): string {
  const csp =
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; ` +
    `img-src data:;">`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, m => `${m}${csp}`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8">${csp}</head><body>${html}</body></html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markdown → HTML with VS Code's own renderer (the built-in Markdown extension); plain text if it is missing. */
export async function renderMarkdown(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') return html;
  } catch {
    /* fall through */
  }
  return `<pre style="white-space: pre-wrap">${escapeHtml(markdown)}</pre>`;
}
