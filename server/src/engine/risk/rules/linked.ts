/** The IaC a risk file links, as the rules that check its claims see it. */
import { Finding } from '../../model/types';
import { LinkedFile } from '../links';

/** Linked files that are templates (CloudFormation or CDK), with their resource types and logical IDs. */
export function linkedTemplates(links: LinkedFile[]) {
  const templates = links.filter(l => l.template);
  return {
    templates,
    types: new Set(templates.flatMap(l => l.template!.resources.map(r => r.type))),
    logicalIds: templates.flatMap(l => l.template!.resources.map(r => r.logicalId)),
  };
}

/** Open findings of the linked templates, by rule. */
export function firingByRule(templates: LinkedFile[]): Map<string, { f: Finding; l: LinkedFile }[]> {
  const out = new Map<string, { f: Finding; l: LinkedFile }[]>();
  for (const l of templates)
    for (const f of l.analysis!.findings) if (!f.suppressed) out.set(f.rule, [...(out.get(f.rule) ?? []), { f, l }]);
  return out;
}
