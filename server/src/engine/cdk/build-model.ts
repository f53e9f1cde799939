/**
 * Builds the shared resource model from what a front-end found in a CDK file (front-end.ts): each construct call
 * through its spec, then the method calls, then the resources in the model's own terms. Nothing is executed; unknown
 * values stay unknown. Nothing here knows a particular construct: that is all in specs/.
 */
import { MapNode, ScalarNode } from '../model/node';
import { Resource, Template } from '../model/template';
import { LineIndex } from '../model/text';
import { Syntax } from './cdk-value';
import { addConstruct } from './build-construct';
import { applyMethodCall } from './build-methods';
import { ModelState, Pending } from './build-state';
import { SourceScan } from './front-end';
import { BuiltModel, ConstructCall } from './model';

/**
 * Runs one construct or method call; a host that isolates failures passes one that reports a failure and carries on
 * without it (the other constructs are still modelled).
 */
export type ModelGuard = <T>(stage: 'construct' | 'method', name: string, f: () => T, fallback: T) => T;

export function buildModel<S extends Syntax>(scan: SourceScan<S>, guard?: ModelGuard): BuiltModel<S> {
  const st = new ModelState<S>(scan.project);
  const run: ModelGuard = guard ?? ((_stage, _name, f) => f());
  for (const site of scan.sites) run('construct', site.logicalId, () => addConstruct(st, site, scan.text), undefined);
  for (const call of scan.calls)
    run('method', `${call.target}.${call.method}`, () => applyMethodCall(st, call), undefined);
  const calls = new Map<string, ConstructCall<S>>();
  const resources: Resource[] = [];
  const unreadable: Resource[] = [];
  for (const p of st.resources.values()) {
    const r = resourceOf(p);
    if (p.call) calls.set(p.logicalId, { ...p.call, resource: r });
    (p.unreadable ? unreadable : resources).push(r);
  }
  return {
    template: templateOf(scan, resources),
    calls,
    origins: st.origins,
    attributes: st.attributes,
    removalCalls: st.removalCalls,
    unreadable,
  };
}

/** A resource as the CloudFormation model has it: `Type`, `Properties` and attributes, each with its source range. */
function resourceOf<S extends Syntax>(p: Pending<S>): Resource {
  const properties = p.draft.toNode(p.head);
  const typeNode: ScalarNode = { kind: 'scalar', value: p.type, start: p.typeSpan.start, end: p.typeSpan.end };
  const node: MapNode = {
    kind: 'map',
    flow: true,
    start: p.head.start,
    end: p.head.end,
    entries: [
      { key: 'Type', keyStart: typeNode.start, keyEnd: typeNode.end, value: typeNode },
      { key: 'Properties', keyStart: properties.start, keyEnd: properties.end, value: properties },
      ...[...p.attributes].map(([key, value]) => ({ key, keyStart: value.start, keyEnd: value.end, value })),
    ],
  };
  return {
    logicalId: p.logicalId,
    type: p.type,
    idStart: p.head.start,
    idEnd: p.head.end,
    node,
    typeNode,
    properties,
    origin: p.origin,
  };
}

function templateOf<S extends Syntax>({ uri, text, format }: SourceScan<S>, resources: Resource[]): Template {
  const root: MapNode = { kind: 'map', flow: true, start: 0, end: text.length, entries: [] };
  return {
    uri,
    text,
    format,
    lines: new LineIndex(text),
    root,
    resources,
    byId: new Map(resources.map(r => [r.logicalId, r])),
    parameters: new Map(),
    conditions: new Map(),
    transforms: [],
    usesShortTags: false,
  };
}
