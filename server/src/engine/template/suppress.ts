import { EngineContext } from '../context';
import { makeFinding } from '../findings';
import { get, isSeq, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import { Finding } from '../model/types';

export interface Suppressions {
  /** The reason a rule is suppressed for a resource (or the template), or undefined when it is not. */
  reasonFor(rule: string, resource?: Resource): string | undefined;
  /** Suppressions written without a reason: findings in their own right. */
  problems: Finding[];
}

/** `# iryo-guard-ignore RULE[, RULE]: reason` (YAML) or `// iryo-guard-ignore …` (TypeScript). */
export const IGNORE_COMMENT = /^\s*(?:#|\/\/)\s*iryo-guard-ignore\s+([\w.,\s-]+?)\s*(?::\s*(.*?))?\s*$/;

/**
 * Reads `Metadata: {iryo-guard: {suppress: [{rule, reason}]}}` at template and resource level, and ignore comments on
 * the line(s) directly above a resource. A suppression without a reason does not suppress and is reported.
 */
export function collectSuppressions(t: Template, ctx: EngineContext): Suppressions {
  const problems: Finding[] = [];
  const templateLevel = new Map<string, string>();
  const perResource = new Map<string, Map<string, string>>();
  const missingReason = (at: Node | { start: number; end: number }, rule: string) =>
    problems.push(
      makeFinding(ctx.catalog, ctx.settings, 'suppression-without-reason', t.uri, t.lines.range(at.start, at.end), {
        rule,
      }),
    );

  const readMetadata = (meta: Node | undefined, into: Map<string, string>) => {
    const list = get(get(meta, 'iryo-guard'), 'suppress');
    if (!isSeq(list)) return;
    for (const item of list.items) {
      const rule = scalarString(get(item, 'rule'));
      const reason = scalarString(get(item, 'reason'))?.trim();
      if (!rule) continue;
      if (!reason) {
        missingReason(item, rule);
        continue;
      }
      into.set(rule, reason);
    }
  };
  readMetadata(t.metadata, templateLevel);
  for (const r of t.resources) {
    const m = new Map<string, string>();
    readMetadata(r.metadata, m);
    // A resource a CDK construct creates for itself (its bucket policy, its log bucket) follows the construct's
    // comments.
    if (!r.origin || !t.byId.has(r.origin)) readComments(t, r, m, missingReason);
    if (m.size) perResource.set(r.logicalId, m);
  }
  return {
    problems,
    reasonFor: (rule, resource) =>
      (resource &&
        (perResource.get(resource.logicalId)?.get(rule) ??
          (resource.origin ? perResource.get(resource.origin)?.get(rule) : undefined))) ??
      templateLevel.get(rule),
  };
}

function readComments(
  t: Template,
  r: Resource,
  into: Map<string, string>,
  missing: (at: { start: number; end: number }, rule: string) => void,
) {
  if (t.format === 'json') return;
  let line = t.lines.position(r.idStart).line - 1;
  while (line >= 0) {
    const text = t.lines.lineText(line);
    const m = IGNORE_COMMENT.exec(text);
    if (!m) {
      if (/^\s*(#|\/\/)/.test(text)) {
        line--;
        continue;
      }
      break;
    }
    const start = t.lines.lineStart(line);
    for (const rule of m[1].split(/[\s,]+/).filter(Boolean)) {
      if (!m[2]) missing({ start: start + text.search(/\S/), end: start + text.length }, rule);
      else into.set(rule, m[2]);
    }
    line--;
  }
}
