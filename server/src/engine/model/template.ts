import { LineIndex } from './text';
import { MapNode, Node, ScalarNode } from './node';

/** A resource as every rule sees it, whatever the source format (CloudFormation YAML/JSON or CDK). */
export interface Resource {
  logicalId: string;
  type: string;
  /** Offsets of the logical ID (CloudFormation) or of the construct call (CDK): where resource-level findings point. */
  idStart: number;
  idEnd: number;
  /** The whole resource body (`Type`, `Properties`, `Metadata`…). */
  node: MapNode;
  typeNode?: ScalarNode;
  properties?: MapNode;
  metadata?: MapNode;
  condition?: string;
  /** CDK construct path or source hint, for messages. */
  origin?: string;
  /**
   * The `Fn::ForEach::<name>` loop (AWS::LanguageExtensions) the resource is a template of; its logical ID holds
   * `${…}`.
   */
  loop?: string;
}

export interface Parameter {
  name: string;
  node: MapNode;
  keyStart: number;
  keyEnd: number;
  default?: Node;
  allowedValues?: Node[];
}

export type SourceFormat = 'yaml' | 'json' | 'typescript';

export interface Template {
  uri: string;
  text: string;
  format: SourceFormat;
  lines: LineIndex;
  root: MapNode;
  resources: Resource[];
  byId: Map<string, Resource>;
  parameters: Map<string, Parameter>;
  conditions: Map<string, Node>;
  mappings?: MapNode;
  metadata?: MapNode;
  /** `Transform: AWS::Serverless-2016-10-31` and friends. */
  transforms: string[];
  /** Whether short-form tags (`!Ref`) are used: fixes follow the author's style. */
  usesShortTags: boolean;
  /**
   * Values a parent stack passes to this template's parameters (nested stacks with a local `TemplateURL`), set by the
   * project before rules run: they decide what deploys, before any Default.
   */
  passed?: { parent: string; values: Record<string, string> };
}

const typeIndex = new WeakMap<Template, { count: number; byType: Map<string, Resource[]> }>();

/**
 * The template's resources of one type, in template order. Indexed once per template: rules that look for related
 * resources (a bucket's policies, the KMS keys a fix can use) ask for every resource they check, and a scan of every
 * resource each time would be quadratic in a template with thousands of them.
 */
export function resourcesOfType(t: Template, type: string): readonly Resource[] {
  let index = typeIndex.get(t);
  if (!index || index.count !== t.resources.length) {
    const byType = new Map<string, Resource[]>();
    for (const r of t.resources) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    index = { count: t.resources.length, byType };
    typeIndex.set(t, index);
  }
  return index.byType.get(type) ?? [];
}
