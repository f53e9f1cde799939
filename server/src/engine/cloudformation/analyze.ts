import { Analysis, EngineContext } from '../context';
import { TemplateParse } from '../language';
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
  return parseTemplateText(uri, text, format).check(ctx);
}

/** Reads a CloudFormation template (YAML or JSON); `check` then runs the rules over it. */
export function parseTemplateText(uri: string, text: string, format: SourceFormat): TemplateParse {
  const lines = new LineIndex(text);
  const parsed = parseTemplate(uri, text, format, lines);
  const base = { uri, text, lines, symbols: [], fixes: [] };
  if (!parsed.isTemplate) return { check: () => ({ ...base, kind: 'none', findings: [] }) };
  const t = parsed.template;
  return {
    template: t,
    check(ctx) {
      const findings: Finding[] = parsed.problems.map(p =>
        makeFinding(ctx.catalog, ctx.settings, 'syntax-error', uri, lines.range(p.start, p.end), { detail: p.message }),
      );
      if (!t) return { ...base, kind: 'cloudformation', findings };
      const run = runRules(t, ctx, yamlJsonFixer);
      findings.push(...run.findings);
      return { ...base, kind: 'cloudformation', findings, symbols: templateSymbols(t), fixes: run.fixes, template: t };
    },
  };
}

function yamlJsonFixer(t: Template, f: FixSpec): Fix['edit'] | undefined {
  const edits = templateFixEdits(t, f);
  return edits && edits.length ? { [t.uri]: edits } : undefined;
}
