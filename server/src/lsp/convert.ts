import * as lsp from 'vscode-languageserver/node';
import { CodeLens, CompletionItem, DocSymbol, findingTag, Lang, RenderedFinding, Severity } from '../engine';

const SEVERITY: Record<Severity, lsp.DiagnosticSeverity> = {
  error: lsp.DiagnosticSeverity.Error,
  warning: lsp.DiagnosticSeverity.Warning,
  info: lsp.DiagnosticSeverity.Information,
  hint: lsp.DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic: its message with its scenarios and the lead edition's guideline items. */
export function toDiagnostic(f: RenderedFinding, lang: Lang): lsp.Diagnostic {
  const tags = findingTag(f, lang);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.rule,
    source: 'iryo-guard',
    message: f.message + tags,
    relatedInformation: f.related?.map(r => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
    data: { rule: f.rule, resource: f.resource },
  };
}

const SYMBOL_KIND: Record<DocSymbol['kind'], lsp.SymbolKind> = {
  resource: lsp.SymbolKind.Class,
  parameter: lsp.SymbolKind.Variable,
  condition: lsp.SymbolKind.Boolean,
  output: lsp.SymbolKind.Property,
  threat: lsp.SymbolKind.Enum,
  flow: lsp.SymbolKind.Event,
  risk: lsp.SymbolKind.Object,
  control: lsp.SymbolKind.Field,
  assessment: lsp.SymbolKind.Module,
  section: lsp.SymbolKind.Namespace,
};

export function toSymbol(s: DocSymbol): lsp.DocumentSymbol {
  return {
    name: s.name || '?',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind],
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children?.map(toSymbol),
  };
}

const COMPLETION_KIND: Record<CompletionItem['kind'], lsp.CompletionItemKind> = {
  value: lsp.CompletionItemKind.Value,
  id: lsp.CompletionItemKind.Constant,
  property: lsp.CompletionItemKind.Property,
  keyword: lsp.CompletionItemKind.Keyword,
  snippet: lsp.CompletionItemKind.Snippet,
  reference: lsp.CompletionItemKind.Reference,
};

export function toCompletion(c: CompletionItem): lsp.CompletionItem {
  const text = c.insertText ?? c.label;
  return {
    label: c.label,
    kind: COMPLETION_KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: 'markdown', value: c.documentation } : undefined,
    sortText: c.sortText,
    filterText: c.filterText,
    insertTextFormat: c.kind === 'snippet' ? lsp.InsertTextFormat.Snippet : lsp.InsertTextFormat.PlainText,
    textEdit: c.range ? { range: c.range, newText: text } : undefined,
    insertText: c.range ? undefined : text,
  };
}

export function toCodeLens(c: CodeLens): lsp.CodeLens {
  return { range: c.range, command: { title: c.title, command: c.command?.id ?? '', arguments: c.command?.args } };
}
