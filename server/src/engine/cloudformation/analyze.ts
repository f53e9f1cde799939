import { Analysis, EngineContext } from '../context';
import { TemplateParse } from '../language';
import { problemFinding } from '../findings';
import { FixSpec } from '../fixes/spec';
import { templateFixEdits } from '../fixes/template-fix';
import { failureFinding, Stages } from '../guard';
import { Node } from '../model/node';
import { SourceFormat, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { Finding, Fix } from '../model/types';
import { buildTemplate, looksLikeTemplate, parseDocument } from '../parse/cloudformation';
import { ParseResult } from '../parse/limits';
import { runRules } from '../template/run';
import { templateSymbols } from '../template/symbols';

export function analyzeTemplateText(uri: string, text: string, format: SourceFormat, ctx: EngineContext): Analysis {
  return parseTemplateText(uri, text, format).check(ctx);
}

/**
 * Reads a CloudFormation template (YAML or JSON); `check` then runs the rules over it. Stage by stage (parse,
 * template model, rules, symbols): a stage that fails becomes an `engine-error` finding (reported when the template
 * is checked, where the host can be told) and the findings of the stages before it are kept.
 */
export function parseTemplateText(uri: string, text: string, format: SourceFormat): TemplateParse {
  const lines = new LineIndex(text);
  const base = { uri, text, lines, symbols: [], fixes: [] };
  let failed: { stage: 'parse' | 'template'; error: unknown } | undefined;
  let parsed: ParseResult<Node> | undefined;
  try {
    parsed = parseDocument(text, format);
  } catch (error) {
    failed = { stage: 'parse', error };
  }
  const root = parsed?.root;
  let t: Template | undefined;
  if (root) {
    try {
      t = buildTemplate(uri, text, format, root, lines);
    } catch (error) {
      failed = { stage: 'template', error };
    }
  }
  // A parsed document without a template is some other YAML or JSON; one that failed to parse is judged by its text.
  // One the engine failed on was claimed as a template, and is reported as one.
  const isTemplate = failed ? true : root ? !!t : looksLikeTemplate(text);
  if (!isTemplate) return { check: () => ({ ...base, kind: 'none', findings: [] }) };
  return {
    template: t,
    check(ctx) {
      const findings: Finding[] = (parsed?.problems ?? []).map(p => problemFinding(ctx, uri, lines, p));
      if (failed) findings.push(failureFinding(ctx, lines, { uri, ...failed }));
      if (!t) return { ...base, kind: 'cloudformation', findings };
      const run = runRules(t, ctx, yamlJsonFixer);
      // One by one: spreading a quarter of a million findings into push() overflows the call stack.
      for (const f of run.findings) findings.push(f);
      const stages = new Stages(ctx, uri, () => lines);
      const symbols = stages.run('symbols', () => templateSymbols(t), []);
      findings.push(...stages.failures);
      return { ...base, kind: 'cloudformation', findings, symbols, fixes: run.fixes, template: t };
    },
  };
}

function yamlJsonFixer(t: Template, f: FixSpec): Fix['edit'] | undefined {
  const edits = templateFixEdits(t, f);
  return edits && edits.length ? { [t.uri]: edits } : undefined;
}
