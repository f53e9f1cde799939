import { Text } from '../i18n/text';
import { Node } from '../model/node';
import { Resource } from '../model/template';

/** JSON-like value inserted by a fix; `{Ref: X}` style intrinsics are written in the document's own style. */
export type FixValue = string | number | boolean | null | FixValue[] | { [key: string]: FixValue };

/**
 * What a fix changes, independent of the source format. Paths start at the resource body
 * (`['Properties', 'BucketEncryption']`). The YAML, JSON and TypeScript fixers turn these into text edits.
 */
export type FixSpec = (
  | { kind: 'set'; resource: Resource; path: string[]; value: FixValue; title?: Text }
  | { kind: 'replace'; node: Node; value: FixValue; title?: Text }
  | { kind: 'append'; resource: Resource; path: string[]; item: FixValue; title?: Text }
  | { kind: 'addResource'; logicalId: string; body: FixValue; title?: Text }
) & {
  /** Further changes that belong to the same fix (e.g. the log group a new flow log writes to); applied together. */
  also?: FixSpec[];
};
