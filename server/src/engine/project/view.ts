/** What a rule asks of the project while it checks one template. */
import { get, isMap, Node } from '../model/node';
import { Resource, Template } from '../model/template';
import { TargetKey, targetOf, templateFacts } from './facts';
import { pathText, ProjectIndex, Referrer, ResourceAddress } from './index';

/** The project as the host gives it to the engine: its index, and other templates on demand. */
export interface ProjectSource {
  index: ProjectIndex;
  /** Another template of the project, parsed (the host caches; undefined when it cannot be read). */
  template(uri: string): Template | undefined;
  /**
   * True when the index holds the whole project (a folder given to the CLI, the workspace): something absent from it
   * is absent from the project. False for a file checked alone.
   */
  complete: boolean;
}

/** A resource somewhere in the project, with the template it lives in. */
export interface ProjectResource {
  template: Template;
  resource: Resource;
}

/** A resource that points at another, and the property that does (`LoggingConfiguration.DestinationBucketName`). */
export interface ProjectReferrer extends ProjectResource {
  path: string;
}

export interface ProjectView {
  /** Whether the project is more than this template: the answers below then cover the other stacks too. */
  readonly complete: boolean;
  /** Templates (URIs) that define a resource of this type, this one included. */
  definingType(type: string): string[];
  /** Account-baseline templates of the project, in a stable order (the first is where singletons belong). */
  baselines(): string[];
  /** Resources anywhere in the project whose properties point at `r` (a resource of this template). */
  referrers(r: Resource, filter?: { types?: string[]; path?: string }): ProjectReferrer[];
  /** Whether some resource of `type` in the project has a reference at `path` that cannot be followed. */
  unresolved(type: string, path: string): boolean;
  /**
   * The resources a value of this template points at (by Ref, GetAtt, Sub, ImportValue, nested-stack parameter or
   * name).
   */
  resolve(n: Node | undefined, key?: string): ProjectResource[];
}

/**
 * The view for template `t`: the host's project (its index brought up to date with this parse), or a project of this
 * one template when the file is checked alone.
 */
export function projectView(t: Template, source: ProjectSource | undefined): ProjectView {
  const index = source?.index ?? new ProjectIndex();
  const facts = templateFacts(t);
  const known = index.facts(t.uri);
  // The same parse indexed already (the CLI indexes the project before checking it) needs no comparison.
  if (known !== facts && JSON.stringify(known) !== JSON.stringify(facts)) index.set(facts);
  const load = (uri: string) => (uri === t.uri ? t : source?.template(uri));
  // What a parent stack passes decides this nested template's parameters (before any Default).
  t.passed = index.passedValues(t.uri);
  const at = (a: ResourceAddress): ProjectResource[] => {
    const tpl = load(a.uri);
    const resource = tpl?.byId.get(a.logicalId);
    return tpl && resource ? [{ template: tpl, resource }] : [];
  };
  const incoming = new Map<string, { referrer: Referrer; found: ProjectReferrer }[]>();
  return {
    complete: !!source?.complete,
    definingType: type => index.definingType(type),
    baselines: () =>
      [...index.all()]
        .filter(f => f.baseline)
        .map(f => f.uri)
        .sort(),
    referrers(r, filter) {
      // Several rules ask for each resource's referrers: each resource's are looked up once per view.
      let all = incoming.get(r.logicalId);
      if (!all) {
        all = index
          .referrers({ uri: t.uri, logicalId: r.logicalId })
          .flatMap(x => at(x).map(p => ({ referrer: x, found: { ...p, path: pathText(x.path) } })));
        incoming.set(r.logicalId, all);
      }
      return all.filter(x => matches(x.referrer, filter)).map(x => ({ ...x.found }));
    },
    unresolved: (type, path) => index.unresolved(type, path).length > 0,
    resolve(n, key) {
      const target: TargetKey | undefined = n ? targetOf(t, n, key) : undefined;
      return target ? index.resolve(t.uri, target).flatMap(at) : [];
    },
  };
}

function matches(x: Referrer, filter: { types?: string[]; path?: string } | undefined): boolean {
  if (!filter) return true;
  if (filter.types && !filter.types.includes(x.type)) return false;
  return !filter.path || pathText(x.path) === filter.path;
}

/** Statement maps of a resource's policy document, for rules reading policies found in other templates. */
export function policyDocument(r: Resource): Node | undefined {
  const doc = get(r.properties, 'PolicyDocument');
  return isMap(doc) ? doc : undefined;
}
