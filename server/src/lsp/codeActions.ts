import * as lsp from 'vscode-languageserver/node';
import { Analysis, Finding, Lang } from '../engine';
import { toDiagnostic } from './convert';

function overlaps(a: lsp.Range, b: lsp.Range): boolean {
  const lt = (x: lsp.Position, y: lsp.Position) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !lt(a.end, b.start) && !lt(b.end, a.start);
}

function editsOverlap(a: lsp.TextEdit[], b: lsp.TextEdit[]): boolean {
  return a.some(x => b.some(y => overlaps(x.range, y.range)));
}

/** Quick fixes for findings under the cursor, "suppress with reason", and "fix all of this rule in the file". */
export function codeActions(a: Analysis, range: lsp.Range, only: string[] | undefined, lang: Lang): lsp.CodeAction[] {
  const wantsQuickFix = !only || only.some(k => k === lsp.CodeActionKind.QuickFix || k.startsWith('quickfix'));
  const wantsFixAll = !only || only.some(k => k === lsp.CodeActionKind.SourceFixAll || k === lsp.CodeActionKind.Source);
  const out: lsp.CodeAction[] = [];
  const open = a.findings.filter(f => !f.suppressed);
  if (wantsQuickFix) {
    for (const f of open.filter(x => overlaps(x.range, range))) {
      const diagnostic = toDiagnostic(f);
      for (const fix of f.fixes ?? []) {
        out.push({
          title: fix.title,
          kind: lsp.CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          isPreferred: fix.isPreferred,
          edit: { changes: fix.edit },
        });
      }
      const sameRule = open.filter(x => x.rule === f.rule && x.fixes?.length);
      if (sameRule.length > 1) out.push(fixAll(a, sameRule, f.rule, lang, lsp.CodeActionKind.QuickFix));
      const suppress = suppressAction(a, f, lang, diagnostic);
      if (suppress) out.push(suppress);
    }
  }
  if (wantsFixAll && !wantsQuickFix) {
    const rules = new Set(open.filter(x => x.fixes?.length).map(x => x.rule));
    for (const rule of rules)
      out.push(
        fixAll(
          a,
          open.filter(x => x.rule === rule && x.fixes?.length),
          rule,
          lang,
          lsp.CodeActionKind.SourceFixAll,
        ),
      );
  }
  return out;
}

function fixAll(a: Analysis, findings: Finding[], rule: string, lang: Lang, kind: string): lsp.CodeAction {
  const edits: lsp.TextEdit[] = [];
  for (const f of findings) {
    const e = f.fixes![0].edit[a.uri];
    if (e && !editsOverlap(e, edits)) edits.push(...e);
  }
  return {
    title: lang === 'ja' ? `このファイルの ${rule} をすべて修正` : `Fix all ${rule} in this file`,
    kind,
    diagnostics: findings.map(toDiagnostic),
    edit: { changes: { [a.uri]: edits } },
  };
}

/**
 * Inserts an ignore comment above the resource with an empty reason for the author to write
 * (we never write a justification for them; until they do, the suppression is itself reported).
 */
function suppressAction(a: Analysis, f: Finding, lang: Lang, diagnostic: lsp.Diagnostic): lsp.CodeAction | undefined {
  if (f.rule === 'syntax-error' || f.rule === 'suppression-without-reason' || a.kind === 'none') return undefined;
  const comment =
    a.kind === 'cloudformation' && !a.uri.toLowerCase().endsWith('.json') ? '#' : a.kind === 'cdk' ? '//' : undefined;
  if (!comment) return undefined;
  const anchorLine = resourceLine(a, f);
  const text = a.lines.lineText(anchorLine);
  const indent = text.slice(0, text.length - text.trimStart().length);
  return {
    title: lang === 'ja' ? `${f.rule} を抑制（理由を記入）` : `Suppress ${f.rule} (write the reason)`,
    kind: lsp.CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [a.uri]: [
          {
            range: { start: { line: anchorLine, character: 0 }, end: { line: anchorLine, character: 0 } },
            newText: `${indent}${comment} iryo-guard-ignore ${f.rule}: \n`,
          },
        ],
      },
    },
  };
}

function resourceLine(a: Analysis, f: Finding): number {
  const sym = a.symbols.flatMap(s => s.children ?? [s]).find(s => s.name === f.resource);
  return sym ? sym.selectionRange.start.line : f.range.start.line;
}
