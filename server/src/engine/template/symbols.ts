import { get, isMap, scalarString } from '../model/node';
import { Template } from '../model/template';
import { DocSymbol } from '../model/types';

export function templateSymbols(t: Template): DocSymbol[] {
  const out: DocSymbol[] = [];
  const section = (name: string, kind: DocSymbol['kind']) => {
    const e = t.root.entries.find(x => x.key === name);
    if (!e || !isMap(e.value)) return;
    out.push({
      name,
      kind: 'section',
      range: t.lines.range(e.keyStart, e.value.end),
      selectionRange: t.lines.range(e.keyStart, e.keyEnd),
      children: e.value.entries.map(c => ({
        name: c.key,
        kind,
        detail: kind === 'resource' ? scalarString(get(c.value, 'Type')) : undefined,
        range: t.lines.range(c.keyStart, Math.max(c.value.end, c.keyEnd)),
        selectionRange: t.lines.range(c.keyStart, c.keyEnd),
      })),
    });
  };
  section('Parameters', 'parameter');
  section('Conditions', 'condition');
  section('Resources', 'resource');
  section('Outputs', 'output');
  return out;
}
