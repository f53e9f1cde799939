/** L1 (`Cfn*`) constructs: their CloudFormation type, and props that map 1:1 to CloudFormation names. */
import { Entry, MapNode, Node } from '../model/node';
import { CdkValue } from './cdk-value';
import { Opaque } from './cfn-value';
import { L1_AMBIGUOUS, L1_CLASS_TYPES, L1_JSON_PROPS, L1_NAMESPACES, L1_PROPERTY_NAMES } from './l1-data';
import { opaqueNode } from './property-draft';

/** The CloudFormation type of an L1 class (`aws-s3`, `CfnBucket` → `AWS::S3::Bucket`), if it is one. */
export function l1Type(module: string, cls: string): string | undefined {
  if (!cls.startsWith('Cfn') || cls.length <= 3) return undefined;
  return (
    L1_CLASS_TYPES[`${module}.${cls}`] ??
    (L1_NAMESPACES[module] ? `${L1_NAMESPACES[module]}::${cls.slice(3)}` : undefined)
  );
}

const ambiguous = new Set(L1_AMBIGUOUS);
const jsonProps = new Set(L1_JSON_PROPS);

/** A top-level L1 prop whose value is free-form JSON (a policy document): its keys reach CloudFormation as written. */
export function isJsonProp(module: string, cls: string, camel: string): boolean {
  return jsonProps.has(`${module}.${cls}:${camel}`);
}

/** The CloudFormation name of an L1 prop, or undefined when it is spelled differently by different types here. */
export function l1Key(module: string, cls: string, parent: string | undefined, camel: string): string | undefined {
  const typed = parent !== undefined ? L1_PROPERTY_NAMES[`${module}.${cls}.${parent}:${camel}`] : undefined;
  if (typed) return typed;
  if (ambiguous.has(`${module}.${cls}:${camel}`)) return undefined;
  return (
    L1_PROPERTY_NAMES[`${module}.${cls}:${camel}`] ??
    L1_PROPERTY_NAMES[`${module}:${camel}`] ??
    L1_PROPERTY_NAMES[camel] ??
    camel.charAt(0).toUpperCase() + camel.slice(1)
  );
}

/** The camelCase prop an L1 object literal uses for a CloudFormation key (inverse of l1Key, for fixes). */
export function l1Prop(module: string, cls: string, parent: string | undefined, key: string): string | undefined {
  const plain = key.charAt(0).toLowerCase() + key.slice(1);
  if (l1Key(module, cls, parent, plain) === key) return plain;
  for (const [k, name] of Object.entries(L1_PROPERTY_NAMES)) {
    const camel = k.slice(k.lastIndexOf(':') + 1);
    if (name === key && l1Key(module, cls, parent, camel) === key) return camel;
  }
  return undefined;
}

/** Marks values inside a free-form JSON prop: keys are kept exactly as written. */
const JSON_DOC = '\u0000json';

/**
 * L1 props map 1:1: camelCase identifiers become CloudFormation names; quoted keys (`'aws:SecureTransport'` inside a
 * policy) stay as written. Each node keeps the range of its own expression.
 */
export function l1Node(v: CdkValue, module: string, cls: string, parent?: string): Node {
  const span = { start: v.node.getStart(), end: v.node.getEnd() };
  switch (v.kind) {
    case 'literal':
      return { kind: 'scalar', value: v.value, ...span };
    case 'array':
      if (v.spread) return opaqueNode(new Opaque(v.node.getText()), span);
      return { kind: 'seq', flow: true, items: v.items.map(i => l1Node(i, module, cls, parent)), ...span };
    case 'object': {
      if (v.spread) return opaqueNode(new Opaque(v.node.getText()), span);
      const entries: Entry[] = [];
      for (const p of v.props) {
        const key = p.quoted || parent === JSON_DOC ? p.key : l1Key(module, cls, parent, p.key);
        const value =
          key === undefined
            ? opaqueNode(new Opaque(p.value.node.getText()), span)
            : parent === JSON_DOC || (parent === undefined && isJsonProp(module, cls, p.key))
              ? l1Node(p.value, module, cls, JSON_DOC)
              : l1Node(p.value, module, cls, key);
        entries.push({
          key: key ?? p.key.charAt(0).toUpperCase() + p.key.slice(1),
          keyStart: p.keyNode.getStart(),
          keyEnd: p.keyNode.getEnd(),
          value,
        });
      }
      const map: MapNode = { kind: 'map', flow: true, entries, ...span };
      return map;
    }
    default:
      return opaqueNode(new Opaque(v.node.getText()), span);
  }
}
