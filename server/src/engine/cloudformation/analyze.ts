import { Analysis, EngineContext } from '../context';
import { makeFinding } from '../findings';
import { FixSpec } from '../fixes/spec';
import { templateFixEdits } from '../fixes/template-fix';
import { SourceFormat, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { Finding, Fix } from '../model/types';
import { parseTemplate } from '../parse/cloudformation';
import { runRules } from '../template/run';
import { templateSymbols } from '../template/symbols';

export function analyzeTemplateText(uri: string, text: string, format: SourceFormat, ctx: EngineContext): Analysis {
  const lines = new LineIndex(text);
  const parsed = parseTemplate(uri, text, format, lines);
  const findings: Finding[] = [];
  const base = { uri, text, lines, findings, symbols: [], fixes: [] };
  if (!parsed.isTemplate) return { ...base, kind: 'none' };
  for (const p of parsed.problems) {
    const range = lines.range(p.start, p.end);
    findings.push(makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, range, { detail: p.message }));
  }
  const t = parsed.template;
  if (!t) return { ...base, kind: 'cloudformation' };
  const run = runRules(t, ctx, yamlJsonFixer);
  findings.push(...run.findings);
  return { ...base, kind: 'cloudformation', symbols: templateSymbols(t), fixes: run.fixes, template: t };
}

function yamlJsonFixer(t: Template, f: FixSpec): Fix['edit'] | undefined {
  const edits = templateFixEdits(t, f);
  return edits && edits.length ? { [t.uri]: edits } : undefined;
}
