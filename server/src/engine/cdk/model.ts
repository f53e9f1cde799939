/** What analysing a CDK file produces: the shared resource model, and what fixes need to edit the source. */
import { Node } from '../model/node';
import { Resource, Template } from '../model/template';
import { Path } from './cfn-value';
import { CdkValue, Syntax } from './cdk-value';
import { Companion, ConstructSpec, PropSpec, SpecCtx } from './specs';
import { Imports } from './ts-imports';
import { ParsedSource } from './ts-parse';
import { TsSyntax, ValueEnv } from './ts-values';

/** One construct call in the source and what it became in the model. */
export interface ConstructCall<S extends Syntax = TsSyntax> {
  resource: Resource;
  /** `new X(scope, id, props)`, `lb.addListener(id, props)`, … */
  call: S['call'];
  /** Index of the props argument in the call (-1: it takes none). */
  propsIndex: number;
  /** The props when they are an object. */
  props?: CdkValue<S>;
  spec?: ConstructSpec;
  l1?: { module: string; cls: string };
  ctx: SpecCtx;
  /** A resource the construct creates for one of its props (enforceSSL's bucket policy…). */
  owner?: { logicalId: string; companion: Companion };
}

/** Where a model leaf written from an L2 prop (or its default) came from. */
export interface Origin {
  logicalId: string;
  spec: PropSpec;
  /** Under the prop's CloudFormation path. */
  path: Path;
}

/** The model any front-end's file becomes. */
export interface BuiltModel<S extends Syntax> {
  template: Template;
  calls: Map<string, ConstructCall<S>>;
  /** Model leaves written from an L2 prop (or its default). */
  origins: Map<Node, Origin>;
  /** DeletionPolicy / UpdateReplacePolicy nodes → the construct whose `removalPolicy` wrote them. */
  attributes: Map<Node, string>;
  /** Constructs whose removal policy is (also) set by an `applyRemovalPolicy(…)` call: the prop no longer decides. */
  removalCalls: Set<string>;
  /** Constructs whose props cannot be read (a variable from elsewhere): listed, never checked. */
  unreadable: Resource[];
}

/** The analysed CDK TypeScript file. */
export interface CdkModel extends BuiltModel<TsSyntax> {
  parsed: ParsedSource;
  imports: Imports;
  env: ValueEnv;
}
