/**
 * The project: every template the host knows in one folder tree (or the paths given to the CLI), as facts. Answers
 * what a rule needs beyond its own file: whether some template defines a type, which resource a reference names, and
 * which resources elsewhere point at a resource. What cannot be resolved is unknown — never a finding.
 */
import { TargetKey, TemplateFacts } from './facts';

export interface ResourceAddress {
  uri: string;
  logicalId: string;
}

export interface Referrer extends ResourceAddress {
  type: string;
  /** The property path (below `Properties`) that holds the reference. */
  path: (string | number)[];
}

export class ProjectIndex {
  private readonly byUri = new Map<string, TemplateFacts>();
  private cache?: Derived;

  set(facts: TemplateFacts): void {
    this.byUri.set(facts.uri, facts);
    this.cache = undefined;
  }

  delete(uri: string): void {
    if (this.byUri.delete(uri)) this.cache = undefined;
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  get size(): number {
    return this.byUri.size;
  }

  facts(uri: string): TemplateFacts | undefined {
    return this.byUri.get(uri);
  }

  all(): Iterable<TemplateFacts> {
    return this.byUri.values();
  }

  /** Templates that define a resource of this type. */
  definingType(type: string): string[] {
    return this.derived().byType.get(type) ?? [];
  }

  /** The resources a reference from template `uri` names (several when a name is given to more than one). */
  resolve(uri: string, target: TargetKey): ResourceAddress[] {
    return this.derived().resolve(uri, target);
  }

  /** Resources in the project whose properties point at this one. */
  referrers(to: ResourceAddress): Referrer[] {
    return this.derived().incoming.get(addressKey(to)) ?? [];
  }

  /** Resources of `type` whose reference at `path` resolves to nothing known: they may point at anything. */
  unresolved(type: string, path: string): Referrer[] {
    const d = this.derived();
    const key = `${type}\u0000${path}`;
    let list = d.unresolvedBy.get(key);
    if (!list) {
      list = d.unresolved.filter(r => r.type === type && pathText(r.path) === path);
      d.unresolvedBy.set(key, list);
    }
    return list;
  }

  /** The literal values the one parent stack of `uri` passes to its parameters (none with no or several parents). */
  passedValues(uri: string): { parent: string; values: Record<string, string> } | undefined {
    const parents = this.derived().parentsOf(uri);
    if (parents.length !== 1) return undefined;
    const values: Record<string, string> = {};
    for (const [k, v] of Object.entries(parents[0].parameters)) if ('value' in v) values[k] = v.value;
    return { parent: parents[0].uri, values };
  }

  /** Templates that refer to resources of `uri`, or are nested by it or nest it: what to re-check when it changes. */
  dependents(uri: string): string[] {
    const d = this.derived();
    return [...(d.dependents.get(uri) ?? [])];
  }

  private derived(): Derived {
    return (this.cache ??= new Derived([...this.byUri.values()]));
  }
}

/** `LoggingConfiguration.DestinationBucketName`: the keys of a property path, list indexes left out. */
export function pathText(path: (string | number)[]): string {
  return path.filter(p => typeof p === 'string').join('.');
}

function addressKey(a: ResourceAddress): string {
  return `${a.uri}#${a.logicalId}`;
}

/** Indexes computed from all facts at once, dropped whenever a template's facts change. */
class Derived {
  readonly byType = new Map<string, string[]>();
  private readonly names = new Map<string, ResourceAddress[]>();
  private readonly exports = new Map<string, ResourceAddress[]>();
  /** child URI → the parents' parameters passed to it. */
  private readonly parents = new Map<
    string,
    { uri: string; parameters: TemplateFacts['nested'][number]['parameters'] }[]
  >();
  readonly incoming = new Map<string, Referrer[]>();
  readonly unresolved: Referrer[] = [];
  /** `unresolved` by type and path, filled as rules ask (every resource of a type asks the same question). */
  readonly unresolvedBy = new Map<string, Referrer[]>();
  readonly dependents = new Map<string, Set<string>>();

  constructor(all: TemplateFacts[]) {
    for (const f of all) {
      for (const t of f.types) push(this.byType, t, f.uri);
      for (const n of f.names) push(this.names, n.key, { uri: f.uri, logicalId: n.logicalId });
      for (const e of f.exports) if (e.logicalId) push(this.exports, e.name, { uri: f.uri, logicalId: e.logicalId });
      for (const n of f.nested) {
        push(this.parents, n.childUri, { uri: f.uri, parameters: n.parameters });
        this.link(f.uri, n.childUri);
      }
    }
    for (const f of all)
      for (const r of f.refs) {
        const referrer = { uri: f.uri, logicalId: r.from, type: r.fromType, path: r.path };
        const targets = this.resolve(f.uri, r.target);
        // A literal name that matches nothing names something outside the project; anything else is unknown.
        if (!targets.length && !('name' in r.target)) this.unresolved.push(referrer);
        for (const to of targets) {
          push(this.incoming, addressKey(to), referrer);
          if (to.uri !== f.uri) this.link(f.uri, to.uri);
        }
      }
  }

  private link(a: string, b: string) {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      const set = this.dependents.get(x) ?? new Set<string>();
      set.add(y);
      this.dependents.set(x, set);
    }
  }

  parentsOf(uri: string) {
    return this.parents.get(uri) ?? [];
  }

  resolve(uri: string, target: TargetKey, depth = 0): ResourceAddress[] {
    if ('unknown' in target) return [];
    if ('local' in target) return [{ uri, logicalId: target.local }];
    if ('name' in target) return this.names.get(target.name) ?? [];
    if ('import' in target) {
      const hits = this.exports.get(target.import) ?? this.matchingExports(target.import);
      return hits.length === 1 ? hits : [];
    }
    // A parameter that names a resource of this stack (its BucketName is the same parameter), or one of a nested
    // stack: what its one parent passes. Several parents, or none, leave it unknown.
    const named = this.names.get(`sub:${uri}#\${${target.parameter}}`);
    if (named) return named;
    const parents = this.parents.get(uri) ?? [];
    if (parents.length !== 1 || depth > 8) return [];
    const passed = parents[0].parameters[target.parameter];
    return passed && !('value' in passed) ? this.resolve(parents[0].uri, passed, depth + 1) : [];
  }

  /** Exports whose deploy-time parts (`*`) may make them the imported name. */
  private matchingExports(pattern: string): ResourceAddress[] {
    const re = (p: string) => new RegExp(`^${p.split('*').map(escape).join('.*')}$`);
    const out: ResourceAddress[] = [];
    for (const [name, hits] of this.exports)
      if ((name.includes('*') && re(name).test(pattern)) || (pattern.includes('*') && re(pattern).test(name)))
        out.push(...hits);
    return out;
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V) {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
