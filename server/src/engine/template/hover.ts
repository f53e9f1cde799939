import { Analysis, EngineContext, templateOf } from '../context';
import { describeEntry } from '../describe';
import { catalogHover } from '../hover';
import { escapeArg, findingMarkdown, markdownInline } from '../i18n/markdown';
import { localize, quantity, t } from '../i18n/text';
import { findingTag } from '../i18n/finding';
import { leadEdition, ruleRefs } from '../catalog/editions';
import { containsPosition } from '../model/text';
import { Hover } from '../model/types';
import { rulesForType } from '../rules/registry';

/**
 * Hover on a resource type (its service, rules, findings), on a flagged value (the rule's explanation), else on IDs.
 * Names and values from the template are escaped: the hover is Markdown (see i18n/markdown).
 */
export function templateHover(a: Analysis, offset: number, ctx: EngineContext): Hover | undefined {
  const template = templateOf(a);
  if (!template) return catalogHover(a, offset, ctx);
  const { catalog } = ctx;
  const lang = ctx.settings.lang;
  const r = template.resources.find(x => x.typeNode && offset >= x.typeNode.start && offset <= x.typeNode.end);
  if (r?.typeNode) {
    const service = catalog.serviceByType.get(r.type);
    const parts: string[] = [`**${markdownInline(r.type)}** — ${markdownInline(r.logicalId)}`];
    if (service) parts.push('', describeEntry({ kind: 'service', id: service.id, entry: service }, catalog, lang));
    const rules = rulesForType(r.type).flatMap(x => catalog.rules.get(x.id) ?? []);
    if (rules.length) {
      parts.push('', `**${t('rulesForType', lang)}**`);
      const lead = leadEdition(ctx.settings.guideline);
      for (const m of rules)
        parts.push(
          `- \`${m.id}\` ${localize(m.title, lang)}${findingTag({ ...m, guidelines: ruleRefs(m, lead) }, lang)}`,
        );
    }
    const mine = a.findings.filter(f => f.resource === r.logicalId && !f.suppressed);
    const count = quantity(mine.length, 'finding');
    parts.push('', mine.length ? `**${t('findingsOnResource', lang, { count })}**` : t('noFindingsOnResource', lang));
    for (const f of mine) parts.push(`- ${findingMarkdown(catalog, f, lang)}`);
    return { markdown: parts.join('\n'), range: template.lines.range(r.typeNode.start, r.typeNode.end) };
  }
  const pos = a.lines.position(offset);
  const here = a.findings.find(f => containsPosition(f.range, pos) && f.rule !== 'syntax-error');
  if (here) {
    const meta = catalog.rules.get(here.rule);
    // The reason names logical IDs and services from the file: escaped like the message.
    const why =
      here.fix === undefined && here.noFix ? `\n\n${t('noFixBecause', lang, { reason: escapeArg(here.noFix) })}` : '';
    const message = findingMarkdown(catalog, here, lang) + why;
    const opts = { guideline: ctx.settings.guideline };
    const md = meta ? describeEntry({ kind: 'rule', id: meta.id, entry: meta }, catalog, lang, opts) : message;
    return { markdown: `${message}\n\n---\n\n${md}`, range: here.range };
  }
  return catalogHover(a, offset, ctx);
}
