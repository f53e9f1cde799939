/** Go to definition and find references in a risk file. */
import { Analysis, EngineContext, riskOf } from '../context';
import { Location, Range } from '../model/types';
import { Str } from './model';
import { targetAt } from './target';
import { localThreat } from './threats';

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function riskDefinition(a: Analysis, offset: number, ctx: EngineContext): Location[] {
  const model = riskOf(a);
  const t = model ? targetAt(model, a.text, offset) : undefined;
  if (!model || !t?.value || !t.spec) return [];
  const v = t.value;
  const at = (s: Str): Location => ({ uri: a.uri, range: a.lines.range(s.start, s.end) });
  switch (t.spec.key) {
    case 'flow': {
      const f = model.doc.flows.find(x => x.id?.text === v.text);
      return f?.id ? [at(f.id)] : [];
    }
    case 'threat': {
      const x = t.kind === 'risk' ? localThreat(model.doc, v.text) : undefined;
      return x?.id ? [at(x.id)] : [];
    }
    case 'rules': {
      const loc = ctx.catalog.docs.ruleLocation?.(v.text.trim());
      return loc ? [loc] : [];
    }
    case 'iac': {
      const l = model.links.find(x => x.path.start === v.start);
      return l?.uri && l.analysis ? [{ uri: l.uri, range: ORIGIN }] : [];
    }
    case 'resources':
      return model.links.flatMap(l =>
        (l.template?.resources ?? [])
          .filter(r => r.logicalId === v.text)
          .map(r => ({ uri: l.template!.uri, range: l.template!.lines.range(r.idStart, r.idEnd) })),
      );
    case 'services': {
      const svc = ctx.catalog.lookup(v.text, 'service');
      if (svc?.kind !== 'service') return [];
      const types = new Set(svc.entry.resourceTypes);
      return model.links.flatMap(l =>
        (l.template?.resources ?? [])
          .filter(r => types.has(r.type))
          .map(r => ({ uri: l.template!.uri, range: l.template!.lines.range(r.idStart, r.idEnd) })),
      );
    }
  }
  return [];
}

/** Risks citing the same scenario / threat / rule, or every use of a flow (its definition included). */
export function riskReferences(a: Analysis, offset: number, ctx: EngineContext): Location[] {
  const model = riskOf(a);
  const t = model ? targetAt(model, a.text, offset) : undefined;
  if (!model || !t?.value || !t.spec) return [];
  const v = t.value;
  const at = (s: Str): Location => ({ uri: a.uri, range: a.lines.range(s.start, s.end) });
  const doc = model.doc;
  const c = ctx.catalog;
  const same = (kind: 'scenario' | 'threat', x: Str) => c.lookup(x.text, kind)?.id === c.lookup(v.text, kind)?.id;
  const key = t.spec.key;
  if (key === 'scenarios') return doc.risks.flatMap(r => r.scenarios.filter(s => same('scenario', s)).map(at));
  const localId = (key === 'threat' && t.kind === 'risk') || (key === 'id' && t.kind === 'threat') ? v.text.trim() : '';
  const local = localId ? localThreat(doc, localId) : undefined;
  if (local?.id)
    return [at(local.id), ...doc.risks.filter(r => r.threat?.text.trim() === localId).map(r => at(r.threat!))];
  if (key === 'threat') return doc.risks.flatMap(r => (r.threat && same('threat', r.threat) ? [at(r.threat)] : []));
  if (key === 'rules')
    return doc.risks.flatMap(r =>
      r.controls.flatMap(k => k.rules.filter(x => x.text.trim() === v.text.trim()).map(at)),
    );
  const flowId = key === 'flow' || (key === 'id' && t.kind === 'flow') ? v.text : undefined;
  if (flowId) {
    const def = doc.flows.filter(f => f.id?.text === flowId).map(f => at(f.id!));
    return [...def, ...doc.risks.filter(r => r.flow?.text === flowId).map(r => at(r.flow!))];
  }
  return [];
}
