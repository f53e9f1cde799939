import * as lsp from 'vscode-languageserver/node';
import {
  actionsAt,
  Analysis,
  Catalog,
  EngineContext,
  eolOf,
  Finding,
  Fix,
  fixesFor,
  Lang,
  renderFinding,
  t,
} from '../engine';
import { toDiagnostic } from './convert';

function overlaps(a: lsp.Range, b: lsp.Range): boolean {
  const lt = (x: lsp.Position, y: lsp.Position) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !lt(a.end, b.start) && !lt(b.end, a.start);
}

function editsOverlap(a: lsp.TextEdit[], b: lsp.TextEdit[]): boolean {
  return a.some(x => b.some(y => overlaps(x.range, y.range)));
}

/** Quick fixes for findings under the cursor, "suppress with reason", and "fix all of this rule in the file". */
export function codeActions(
  a: Analysis,
  range: lsp.Range,
  only: string[] | undefined,
  lang: Lang,
  catalog: Catalog,
  ctx?: EngineContext,
): lsp.CodeAction[] {
  const wantsQuickFix = !only || only.some(k => k === lsp.CodeActionKind.QuickFix || k.startsWith('quickfix'));
  const wantsFixAll = !only || only.some(k => k === lsp.CodeActionKind.SourceFixAll || k === lsp.CodeActionKind.Source);
  const out: lsp.CodeAction[] = [];
  const open = a.findings.filter(f => !f.suppressed);
  const fixes = new Map<Finding, Fix[]>();
  const fixesOf = (f: Finding) => {
    let list = fixes.get(f);
    if (!list) fixes.set(f, (list = fixesFor(a, f, lang)));
    return list;
  };
  const diagnostic = (f: Finding) => toDiagnostic(renderFinding(f, catalog, lang), lang);
  if (wantsQuickFix) {
    for (const f of open.filter(x => overlaps(x.range, range))) {
      const d = diagnostic(f);
      for (const fix of fixesOf(f)) {
        out.push({
          title: fix.title,
          kind: lsp.CodeActionKind.QuickFix,
          diagnostics: [d],
          isPreferred: fix.isPreferred,
          edit: { changes: fix.edit },
        });
      }
      const sameRule = open.filter(x => x.rule === f.rule && x.fix !== undefined && fixesOf(x).length);
      if (sameRule.length > 1) {
        out.push(fixAll(a, sameRule, fixesOf, diagnostic, f.rule, lang, lsp.CodeActionKind.QuickFix));
      }
      const suppress = suppressAction(a, f, lang, d);
      if (suppress) out.push(suppress);
    }
  }
  if (wantsQuickFix && ctx) {
    // Edits the format offers at the cursor without a finding (a 5.2 reference's 6.0 counterparts in a risk file).
    for (const fix of actionsAt(a, a.lines.offset(range.start), ctx))
      out.push({
        title: fix.title,
        kind: lsp.CodeActionKind.QuickFix,
        isPreferred: fix.isPreferred,
        edit: { changes: fix.edit },
      });
  }
  if (wantsFixAll && !wantsQuickFix) {
    const fixable = open.filter(x => x.fix !== undefined && fixesOf(x).length);
    for (const rule of new Set(fixable.map(x => x.rule))) {
      const same = fixable.filter(x => x.rule === rule);
      out.push(fixAll(a, same, fixesOf, diagnostic, rule, lang, lsp.CodeActionKind.SourceFixAll));
    }
  }
  return out;
}

function fixAll(
  a: Analysis,
  findings: Finding[],
  fixesOf: (f: Finding) => Fix[],
  diagnostic: (f: Finding) => lsp.Diagnostic,
  rule: string,
  lang: Lang,
  kind: string,
): lsp.CodeAction {
  const edits: lsp.TextEdit[] = [];
  for (const f of findings) {
    const e = fixesOf(f)[0].edit[a.uri];
    if (e && !editsOverlap(e, edits)) edits.push(...e);
  }
  return {
    title: t('fixAllInFile', lang, { rule }),
    kind,
    diagnostics: findings.map(diagnostic),
    edit: { changes: { [a.uri]: edits } },
  };
}

/**
 * Inserts an ignore comment above the resource with an empty reason for the author to write
 * (we never write a justification for them; until they do, the suppression is itself reported), ending with the
 * file's own line break.
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
    title: t('suppressWithReason', lang, { rule: f.rule }),
    kind: lsp.CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: {
      changes: {
        [a.uri]: [
          {
            range: { start: { line: anchorLine, character: 0 }, end: { line: anchorLine, character: 0 } },
            newText: `${indent}${comment} iryo-guard-ignore ${f.rule}: ${eolOf(a.text)}`,
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
