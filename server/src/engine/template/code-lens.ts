import { Analysis, EngineContext, templateOf } from '../context';
import { quantity, t } from '../i18n/text';
import { scalarString } from '../model/node';
import { CodeLens } from '../model/types';
import { rulesForType } from '../rules/registry';

/** One lens per resource: its open findings and the scenarios its type serves. */
export function templateCodeLenses(a: Analysis, ctx: EngineContext): CodeLens[] {
  const template = templateOf(a);
  if (!template) return [];
  const lang = ctx.settings.lang;
  return template.resources.map(r => {
    const open = a.findings.filter(f => f.resource === r.logicalId && !f.suppressed);
    const scenarios = new Set<string>();
    for (const rule of rulesForType(r.type))
      for (const s of ctx.catalog.rules.get(rule.id)?.scenarios ?? []) scenarios.add(s);
    const type = scalarString(r.typeNode) ?? r.type;
    const count = open.length
      ? t('findingCount', lang, { count: quantity(open.length, 'finding') })
      : t('noFindings', lang);
    const shown = [...scenarios].slice(0, 6).join(' ') + (scenarios.size > 6 ? ' …' : '');
    const scen = scenarios.size ? ` · ${t('scenariosLabel', lang)} ${shown}` : '';
    return {
      range: template.lines.range(r.idStart, r.idEnd),
      title: `iryo-guard: ${count}${scen}`,
      command: { id: 'iryoGuard.showResourceFindings', args: [a.uri, r.logicalId, type] },
    };
  });
}
