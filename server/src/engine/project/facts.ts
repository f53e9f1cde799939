/**
 * What a template tells the rest of its project, extracted once per parse: the resource types it defines, the names
 * it gives its resources, what it exports, the nested stacks it creates, and where its properties point. Small, plain
 * data, so a project index can hold it for thousands of templates without their parse trees.
 */
import { isAccountBaseline } from '../template/account';
import { get, intrinsicName, isMap, isScalar, isSeq, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import { NAME_PROPERTIES } from './names';

/** What a property value points at, before it is looked up in the project. */
export type TargetKey =
  | { local: string }
  /** An export name; `*` stands for a part that is decided at deploy time (a stack name, a parameter). */
  | { import: string }
  /** A physical name: `lit:<name>` the same in every stack; `sub:<uri>#<text>` only within its own stack. */
  | { name: string }
  /** A parameter of this template (resolved through the parent stack that passes it). */
  | { parameter: string }
  /** An intrinsic we cannot follow (`Fn::Select`, a `Sub` naming several resources…): it may point anywhere. */
  | { unknown: true };

export interface OutgoingRef {
  from: string;
  fromType: string;
  /**
   * Property path below `Properties` (keys and list indexes), e.g. `Bucket` or
   * `LoggingConfiguration.DestinationBucketName`.
   */
  path: (string | number)[];
  target: TargetKey;
}

export interface ExportFact {
  /** Normalised export name (see `exportPattern`). */
  name: string;
  logicalId?: string;
}

export interface NestedStackFact {
  logicalId: string;
  /** The child template's URI, when `TemplateURL` is a local path. */
  childUri: string;
  parameters: Record<string, TargetKey | { value: string }>;
}

export interface TemplateFacts {
  uri: string;
  types: string[];
  baseline: boolean;
  /** Name keys of resources that have a written physical name. */
  names: { key: string; logicalId: string; type: string }[];
  exports: ExportFact[];
  nested: NestedStackFact[];
  refs: OutgoingRef[];
}

/** Keys whose string values name another resource (so a literal there is a reference by name, not free text). */
const NAMING_KEY =
  /(Bucket|Topic|Queue|LogGroup|Destination|Arn|Target|Resource|Endpoint|KeyId|Role|Alias|Value)(Name|s)?$/i;

/** `${AWS::StackName}-vpc`, `${Env}-vpc` → `*-vpc`: the parts decided at deploy time become wildcards. */
export function exportPattern(text: string): string {
  return text.replace(/\$\{[^}]*\}/g, '*');
}

/** The export name a value gives (`Name: x`, `!Sub '${AWS::StackName}-x'`, `!Join`), as a pattern, if it can. */
export function nameText(n: Node | undefined): string | undefined {
  if (isScalar(n)) return scalarString(n);
  const fn = intrinsicName(n);
  if (fn === 'Fn::Sub') {
    const arg = get(n, 'Fn::Sub');
    return scalarString(isSeq(arg) ? arg.items[0] : arg);
  }
  if (fn === 'Fn::Join') {
    const arg = get(n, 'Fn::Join');
    if (!isSeq(arg) || arg.items.length !== 2 || !isSeq(arg.items[1])) return undefined;
    const sep = scalarString(arg.items[0]) ?? '';
    const parts = arg.items[1].items.map(p => (isScalar(p) ? scalarString(p) : intrinsicName(p) ? '${?}' : undefined));
    return parts.every(p => p !== undefined) ? parts.join(sep) : undefined;
  }
  return undefined;
}

/** Pseudo parameters that are the same in every stack of one account and region. */
const ACCOUNT_WIDE = new Set(['AWS::AccountId', 'AWS::Region', 'AWS::Partition', 'AWS::URLSuffix']);

/**
 * The name key of a written physical name (an S3 ARN counts as its bucket's name): the same in every stack for a
 * literal or a `Sub` of account-wide pseudo parameters (`${AWS::AccountId}-logs`), stack-local for a `Sub` of the
 * stack name or a parameter.
 */
export function nameKey(uri: string, n: Node | undefined): string | undefined {
  // The same parameter naming two resources of one stack names the same thing.
  if (intrinsicName(n) === 'Ref') return `sub:${uri}#\${${scalarString(get(n, 'Ref')) ?? ''}}`;
  const raw = nameText(n);
  if (!raw) return undefined;
  const text = bucketOfArn(raw) ?? raw;
  const vars = [...text.matchAll(/\$\{([^}]*)\}/g)].map(m => m[1]);
  if (!vars.length) return `lit:${text}`;
  return vars.every(v => ACCOUNT_WIDE.has(v)) ? `acct:${text}` : `sub:${uri}#${text}`;
}

/** The bucket an S3 ARN names (`arn:aws:s3:::name`, `arn:aws:s3:::name/*`), if it is a literal. */
function bucketOfArn(s: string): string | undefined {
  const m = /^arn:(?:aws[\w-]*|\$\{AWS::Partition\}):s3:::([^/*]+)/.exec(s);
  return m ? m[1] : undefined;
}

/** Where a value points, if it points anywhere we can follow. */
export function targetOf(t: Template, n: Node | undefined, key: string | number | undefined): TargetKey | undefined {
  const fn = intrinsicName(n);
  if (fn === 'Ref') {
    const id = scalarString(get(n, 'Ref'));
    if (!id) return undefined;
    if (t.byId.has(id)) return { local: id };
    if (t.parameters.has(id)) return { parameter: id };
    return undefined;
  }
  if (fn === 'Fn::GetAtt') {
    const arg = get(n, 'Fn::GetAtt');
    const id = isSeq(arg) ? scalarString(arg.items[0]) : scalarString(arg)?.split('.')[0];
    return id && t.byId.has(id) ? { local: id } : undefined;
  }
  if (fn === 'Fn::ImportValue') {
    const text = nameText(get(n, 'Fn::ImportValue'));
    return text !== undefined ? { import: exportPattern(text) } : undefined;
  }
  if (fn === 'Fn::Sub') {
    // `arn:…:${Bucket}` or `${Bucket.Arn}/*` points at the one resource it names.
    const text = nameText(n) ?? '';
    const ids = [...text.matchAll(/\$\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)]
      .map(m => m[1])
      .filter(i => t.byId.has(i));
    if (ids.length === 1) return { local: ids[0] };
    if (ids.length > 1) return { unknown: true };
  }
  if (typeof key === 'string' && !NAMING_KEY.test(key)) return undefined;
  // Any other function (Select, FindInMap, a value CDK computes at synth time) may name anything.
  if (fn !== undefined && fn !== 'Fn::Sub' && fn !== 'Fn::Join') return { unknown: true };
  const k = nameKey(t.uri, n);
  return k ? { name: k } : undefined;
}

/** Walks a resource's properties, recording where values point. Bounded by the tree's size (no recursion limit hit). */
function outgoing(t: Template, r: Resource, out: OutgoingRef[]) {
  const stack: { n: Node; path: (string | number)[]; key: string | number | undefined }[] = [];
  if (r.properties) stack.push({ n: r.properties, path: [], key: undefined });
  while (stack.length) {
    const { n, path, key } = stack.pop()!;
    const target = intrinsicName(n) !== 'Fn::If' ? targetOf(t, n, key) : undefined;
    if (target) {
      out.push({ from: r.logicalId, fromType: r.type, path, target });
      if (!('name' in target)) continue;
    }
    if (intrinsicName(n) === 'Fn::If') {
      // Each branch is a possible value of the same property; the first item is the condition's name.
      const args = get(n, 'Fn::If');
      if (isSeq(args)) for (const b of args.items.slice(1)) stack.push({ n: b, path, key });
    } else if (isMap(n)) for (const e of n.entries) stack.push({ n: e.value, path: [...path, e.key], key: e.key });
    else if (isSeq(n)) n.items.forEach((item, i) => stack.push({ n: item, path: [...path, i], key }));
  }
}

/** The URI a nested stack's local `TemplateURL` names, relative to its parent; remote URLs are not followed. */
function childUri(parent: string, url: string | undefined): string | undefined {
  if (!url || /^(https?|s3):/i.test(url) || url.includes('${')) return undefined;
  try {
    return new URL(url.replace(/\\/g, '/'), parent).href;
  } catch {
    return undefined;
  }
}

const factsOf = new WeakMap<Template, TemplateFacts>();

/**
 * The facts of a parsed template, computed once per parse: the host indexes a template and then checks the same
 * parse, and each check brings the index up to date with it.
 */
export function templateFacts(t: Template): TemplateFacts {
  let facts = factsOf.get(t);
  if (!facts) {
    facts = readFacts(t);
    factsOf.set(t, facts);
  }
  return facts;
}

function readFacts(t: Template): TemplateFacts {
  const facts: TemplateFacts = {
    uri: t.uri,
    types: [...new Set(t.resources.map(r => r.type))],
    baseline: isAccountBaseline(t),
    names: [],
    exports: [],
    nested: [],
    refs: [],
  };
  for (const r of t.resources) {
    const prop = NAME_PROPERTIES[r.type];
    const key = prop ? nameKey(t.uri, get(r.properties, prop)) : undefined;
    if (key) facts.names.push({ key, logicalId: r.logicalId, type: r.type });
    outgoing(t, r, facts.refs);
    if (r.type === 'AWS::CloudFormation::Stack') {
      const uri = childUri(t.uri, scalarString(get(r.properties, 'TemplateURL')));
      if (!uri) continue;
      const parameters: NestedStackFact['parameters'] = {};
      const params = get(r.properties, 'Parameters');
      if (isMap(params))
        for (const e of params.entries) {
          const lit = scalarString(e.value);
          const target = lit === undefined ? targetOf(t, e.value, 'Value') : undefined;
          if (lit !== undefined) parameters[e.key] = { value: lit };
          else if (target) parameters[e.key] = target;
        }
      facts.nested.push({ logicalId: r.logicalId, childUri: uri, parameters });
    }
  }
  const outputs = get(t.root, 'Outputs');
  if (isMap(outputs))
    for (const o of outputs.entries) {
      const name = nameText(get(get(o.value, 'Export'), 'Name'));
      if (name === undefined) continue;
      const target = targetOf(t, get(o.value, 'Value'), 'Value');
      facts.exports.push({
        name: exportPattern(name),
        logicalId: target && 'local' in target ? target.local : undefined,
      });
    }
  return facts;
}
