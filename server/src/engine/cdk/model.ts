import type * as TS from 'typescript';
import { Node } from '../model/node';
import { Resource, Template } from '../model/template';
import { Path } from './cfn-value';
import { Imports } from './imports';
import { Companion, ConstructSpec, PropSpec, SpecCtx } from './mapping';
import { ParsedSource } from './parse';
import { TsValue, ValueEnv } from './values';

/** One construct call in the source and what it became in the model. */
export interface ConstructCall {
  resource: Resource;
  /** `new X(scope, id, props)`, `lb.addListener(id, props)`, … */
  call: TS.NewExpression | TS.CallExpression;
  /** Index of the props argument in the call. */
  propsIndex: number;
  props?: TsValue;
  spec?: ConstructSpec;
  l1?: { module: string; cls: string };
  ctx: SpecCtx;
  /** A resource the construct creates for one of its props (enforceSSL's bucket policy…). */
  owner?: { logicalId: string; companion: Companion };
}

/** The analysed CDK file: the shared resource model plus what fixes need to edit the source. */
export interface CdkModel {
  template: Template;
  parsed: ParsedSource;
  imports: Imports;
  env: ValueEnv;
  calls: Map<string, ConstructCall>;
  /** Model leaves written from an L2 prop (or its default): which prop, at which path under the prop's CloudFormation path. */
  origins: Map<Node, { logicalId: string; spec: PropSpec; path: Path }>;
  /** DeletionPolicy / UpdateReplacePolicy nodes → the construct whose `removalPolicy` wrote them. */
  attributes: Map<Node, string>;
  /** Constructs whose removal policy is (also) set by an `applyRemovalPolicy(…)` call: the prop no longer decides. */
  removalCalls: Set<string>;
  /** Constructs whose props cannot be read (a variable from elsewhere): listed, never checked. */
  unreadable: Resource[];
}
