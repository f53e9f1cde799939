import { LineIndex } from '../model/text';
import { entryOf, get, isMap, isScalar, isSeq, MapNode, Node, scalarString } from '../model/node';
import { Parameter, Resource, SourceFormat, Template } from '../model/template';
import { parseJson } from './json';
import { parseYamlIncremental } from './yaml-chunks';
import { looksLikeTemplate } from './detect';
import { ParseProblem, ParseResult } from './limits';

export { looksLikeTemplate, templateEvidence } from './detect';

export interface TemplateParse {
  template?: Template;
  problems: ParseProblem[];
  isTemplate: boolean;
}

/** The text as a node tree (YAML through the incremental parser), with its problems. */
export function parseDocument(text: string, format: SourceFormat): ParseResult<Node> {
  return format === 'json' ? parseJson(text) : parseYamlIncremental(text);
}

export function parseTemplate(uri: string, text: string, format: SourceFormat, lines?: LineIndex): TemplateParse {
  const parsed = parseDocument(text, format);
  if (!parsed.root) return { problems: parsed.problems, isTemplate: looksLikeTemplate(text) };
  const t = buildTemplate(uri, text, format, parsed.root, lines);
  return { template: t, problems: parsed.problems, isTemplate: !!t };
}

/** A parsed document is a template when it has a `Resources` map whose entries carry `Type: AWS::…`. */
export function buildTemplate(
  uri: string,
  text: string,
  format: SourceFormat,
  root: Node,
  lines = new LineIndex(text),
): Template | undefined {
  if (!isMap(root)) return undefined;
  const resourcesNode = get(root, 'Resources');
  if (!isMap(resourcesNode)) return undefined;
  const resources: Resource[] = [];
  collectResources(resourcesNode, resources, undefined, 0);
  if (!resources.some(r => /^(AWS|Custom|Alexa)::/.test(r.type))) return undefined;
  const parameters = new Map<string, Parameter>();
  const paramsNode = get(root, 'Parameters');
  if (isMap(paramsNode)) {
    for (const e of paramsNode.entries) {
      if (!isMap(e.value)) continue;
      const av = get(e.value, 'AllowedValues');
      parameters.set(e.key, {
        name: e.key,
        node: e.value,
        keyStart: e.keyStart,
        keyEnd: e.keyEnd,
        default: get(e.value, 'Default'),
        allowedValues: isSeq(av) ? av.items : undefined,
      });
    }
  }
  const conditions = new Map<string, Node>();
  const condNode = get(root, 'Conditions');
  if (isMap(condNode)) for (const e of condNode.entries) conditions.set(e.key, e.value);
  const transform = get(root, 'Transform');
  const transforms = isSeq(transform)
    ? transform.items.map(scalarString).filter((s): s is string => !!s)
    : scalarString(transform)
      ? [scalarString(transform)!]
      : [];
  const mappings = get(root, 'Mappings');
  const metadata = get(root, 'Metadata');
  return {
    uri,
    text,
    format,
    lines,
    root,
    resources,
    byId: new Map(resources.map(r => [r.logicalId, r])),
    parameters,
    conditions,
    mappings: isMap(mappings) ? mappings : undefined,
    metadata: isMap(metadata) ? metadata : undefined,
    transforms,
    usesShortTags: format === 'yaml' && /(^|[\s:\-[,])!(Ref|Sub|GetAtt|If|Join)\b/m.test(text),
  };
}

const FOR_EACH = 'Fn::ForEach::';

/**
 * Resources of a `Resources` map, including the resource templates inside `Fn::ForEach::<name>: [id, collection,
 * {…}]` loops (nested loops too): each is checked once, under its templated logical ID (`${Name}Bucket`).
 */
function collectResources(map: MapNode, out: Resource[], loop: string | undefined, depth: number): void {
  for (const e of map.entries) {
    if (e.key.startsWith(FOR_EACH)) {
      const body = isSeq(e.value) && e.value.items.length === 3 ? e.value.items[2] : undefined;
      if (isMap(body) && depth < 5)
        collectResources(
          body,
          out,
          loop ? `${loop}/${e.key.slice(FOR_EACH.length)}` : e.key.slice(FOR_EACH.length),
          depth + 1,
        );
      continue;
    }
    if (!isMap(e.value)) continue;
    const typeNode = get(e.value, 'Type');
    const type = scalarString(typeNode);
    if (!type || !isScalar(typeNode)) continue;
    const props = get(e.value, 'Properties');
    const meta = get(e.value, 'Metadata');
    out.push({
      logicalId: e.key,
      type,
      idStart: e.keyStart,
      idEnd: e.keyEnd,
      node: e.value,
      typeNode,
      properties: isMap(props) ? props : undefined,
      metadata: isMap(meta) ? meta : undefined,
      condition: scalarString(get(e.value, 'Condition')),
      ...(loop ? { loop } : {}),
    });
  }
}

export function resourceProperty(r: Resource, name: string): Node | undefined {
  return get(r.properties, name);
}
export { entryOf };
export type { MapNode };
