/** What the cursor is on in a parsed risk file: a key or a value, its canonical key, and the enclosing objects. */
import { Entry, isScalar, nodeAt } from '../model/node';
import { canonicalKey, KeySpec, ObjectKind } from './keys';
import { RiskModel } from './language-model';
import { Control, Flow, LocalThreat, Risk, Str } from './model';

export interface Target {
  kind: ObjectKind | 'matrix';
  spec?: KeySpec;
  onKey?: Entry;
  /** The scalar under the cursor (values only). */
  value?: Str;
  risk?: Risk;
  control?: Control;
  flow?: Flow;
  threat?: LocalThreat;
}

const inside = (o: { obj: { node: { start: number; end: number } } }, offset: number) =>
  offset >= o.obj.node.start && offset <= o.obj.node.end;

export function targetAt(model: RiskModel, text: string, offset: number): Target | undefined {
  const root = model.doc.root;
  if (!root) return undefined;
  const hit = nodeAt(root, offset);
  let kind: ObjectKind | 'matrix' = 'root';
  let spec: KeySpec | undefined;
  const keys = hit.path.filter((p): p is string => typeof p === 'string');
  for (let i = 0; i < keys.length; i++) {
    if (kind === 'matrix') {
      spec = undefined;
      break;
    }
    spec = canonicalKey(kind, keys[i]);
    if (!spec) return undefined;
    if (i < keys.length - 1 || hit.onKey === undefined) kind = spec.child ?? kind;
  }
  const risk = model.doc.risks.find(r => inside(r, offset));
  const t: Target = {
    kind,
    spec,
    onKey: hit.onKey,
    risk,
    control: risk?.controls.find(c => inside(c, offset)),
    flow: model.doc.flows.find(f => inside(f, offset)),
    threat: model.doc.threats.find(x => inside(x, offset)),
  };
  const n = hit.node;
  if (!hit.onKey && isScalar(n) && n.value !== null) {
    t.value = {
      text: typeof n.value === 'string' ? n.value : text.slice(n.start, n.end).trim(),
      start: n.start,
      end: n.end,
      quoted: !!n.quote,
    };
  }
  return t;
}
