import { Analysis, EngineContext } from '../context';
import { makeFinding, pick } from '../findings';
import { templateFixEdits } from '../fixes/template-fix';
import { SourceFormat, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { Finding, Fix } from '../model/types';
import { parseTemplate } from '../parse/cloudformation';
import { FixSpec } from '../fixes/spec';
import { runRules } from '../template/run';
import { templateSymbols } from '../template/symbols';

export function analyzeTemplateText(uri: string, text: string, format: SourceFormat, ctx: EngineContext): Analysis {
  const lines = new LineIndex(text);
  const parsed = parseTemplate(uri, text, format, lines);
  const findings: Finding[] = [];
  if (!parsed.isTemplate) return { uri, kind: 'none', text, lines, findings, symbols: [] };
  for (const p of parsed.problems) {
    findings.push(
      makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, lines.range(p.start, p.end), {
        detail: pick(p.message, ctx.settings.lang),
      }),
    );
  }
  const t = parsed.template;
  if (!t) return { uri, kind: 'cloudformation', text, lines, findings, symbols: [] };
  findings.push(...runRules(t, ctx, yamlJsonFixer));
  return { uri, kind: 'cloudformation', text, lines, findings, symbols: templateSymbols(t), model: t };
}

function yamlJsonFixer(t: Template, f: FixSpec): Fix['edit'] | undefined {
  const edits = templateFixEdits(t, f);
  return edits && edits.length ? { [t.uri]: edits } : undefined;
}
