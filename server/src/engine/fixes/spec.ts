import { Localized } from '../catalog/types';
import { Node } from '../model/node';
import { Resource } from '../model/template';

/** JSON-like value inserted by a fix; `{Ref: X}` style intrinsics are written in the document's own style. */
export type FixValue = string | number | boolean | null | FixValue[] | { [key: string]: FixValue };

/**
 * What a fix changes, independent of the source format. Paths start at the resource body
 * (`['Properties', 'BucketEncryption']`). The YAML, JSON and TypeScript fixers turn these into text edits.
 */
export type FixSpec = (
  | { kind: 'set'; resource: Resource; path: string[]; value: FixValue; title?: Localized }
  | { kind: 'replace'; node: Node; value: FixValue; title?: Localized }
  | { kind: 'append'; resource: Resource; path: string[]; item: FixValue; title?: Localized }
  | { kind: 'addResource'; logicalId: string; body: FixValue; title?: Localized }
) & {
  /** Further changes that belong to the same fix (e.g. the log group a new flow log writes to); applied together. */
  also?: FixSpec[];
};
