/**
 * # What a CDK front-end implements
 *
 * CDK support is a language front-end plus a shared back end. The back end — the construct specs (`specs/`), the
 * model builder (`build-model.ts`, `build-*.ts`, `connections.ts`) and the L1 mapping (`l1-mapping.ts`) — reads only
 * `CdkValue`s (cdk-value.ts) and the records below; it never sees a syntax tree. The TypeScript front-end is the
 * `ts-*.ts` files, registered as a language in `language.ts`. A Python front-end would provide the same six things:
 *
 * 1. **Parse** one file without running it (`ts-parse.ts`). Every offset handed to the back end is a UTF-16 offset
 *    into the document text, as the editor counts; a parser that counts bytes or code points must convert.
 * 2. **Read imports** into CDK module names (`ts-imports.ts`): `aws-s3` for `aws-cdk-lib/aws-s3` and for Python's
 *    `aws_cdk.aws_s3`, `core` for the library itself.
 * 3. **Evaluate expressions** into `CdkValue`s (`ts-values.ts`), naming everything by its jsii (TypeScript) name:
 *    Python's keyword argument `enforce_ssl=True` becomes the prop `enforceSSL` (match each spec prop's snake_case
 *    form), `ec2.Peer.any_ipv4()` a call of `Peer.anyIpv4`, `s3.BlockPublicAccess(block_public_acls=True)` a `new`
 *    with an object of props. Each value carries its syntax node as a `SourceNode` (text and offsets only); a
 *    variable assigned a construct of the same file is `{ kind: 'construct', name: logicalId }`; what cannot be known
 *    is `unknown` — never guessed.
 * 4. **Scan** the file in source order (`ts-scan.ts`) into a `SourceScan`: every call that makes a construct — ask
 *    `newSite`, `factorySite` and `childSite` below whether it does, and `LogicalIds` for its ID, then remember the
 *    variable it is assigned to — and every method called on such a variable (`MethodCall`). Construct-specific
 *    knowledge stays in the specs: the scan only asks.
 * 5. **Write fixes** (`ts-fix.ts`, `ts-fix-*.ts`): map a `FixSpec` back to props through the model's `origins` and
 *    the specs' `fix`, render the `FixExpr` (specs/fix-expr.ts) in the language through the file's own imports, and
 *    edit the props where `ConstructCall.props` says they are written. Decline whatever cannot be written safely.
 * 6. **Register** a `LanguageSupport` (`language.ts`): claim files that import the CDK, scan, `buildModel(scan)`,
 *    then run the rules on `model.template` with the fixer.
 *
 * `buildModel(scan)` applies the specs — props, CDK's defaults, resources a construct creates, methods — and returns
 * the same `Template` the CloudFormation rules run on.
 */
import { SourceFormat } from '../model/template';
import { CdkRef, CdkValue, Syntax } from './cdk-value';
import { l1Type } from './l1-mapping';
import { Span } from './property-draft';
import { ChildMethod, childMethod, constructSpec, ConstructSpec, FactorySpec, factoryOf } from './specs';

export interface ProjectConfig {
  /** A cdk.json was found above the file. */
  found: boolean;
  /** Its `context`: feature flags. */
  flags: Record<string, unknown>;
}

/** One call that makes a construct, as the front-end found it. */
export interface ConstructSite<S extends Syntax> {
  logicalId: string;
  /** The class it makes (`Bucket`, `CfnBucket`, `ApplicationListener` for `alb.addListener`). */
  cls: string;
  /** The CloudFormation type. */
  type: string;
  /** An L2 construct's spec; an L1 construct's module and class instead. */
  spec?: ConstructSpec;
  l1?: { module: string; cls: string };
  /** Made by a static factory (`BackupPlan.daily35DayRetention(…)`), which writes its properties itself. */
  factory?: FactorySpec;
  /** Made by a method of another construct (`lb.addListener(…)`): that method, and the parent's logical ID. */
  method?: ChildMethod;
  parent?: string;
  call: S['call'];
  /** From the start of the call to the end of its ID argument: where defaults and findings on the construct point. */
  head: Span;
  /** The class or method name (`s3.Bucket`): where the resource type points. */
  typeSpan: Span;
  /** Index of the props argument (-1: the call takes none) and its value when written. */
  propsIndex: number;
  props?: CdkValue<S>;
}

/** A method called on a construct of the file (`bucket.addToResourcePolicy(…)`, `db.connections.allowFrom(…)`). */
export interface MethodCall<S extends Syntax> {
  /** The construct's logical ID. */
  target: string;
  method: string;
  /** Called on the construct's `connections` (`x.connections.allowFrom(…)`). */
  viaConnections: boolean;
  /** The arguments (evaluated on first use). */
  args(): CdkValue<S>[];
  span: Span;
}

/** What a front-end hands the model builder. */
export interface SourceScan<S extends Syntax> {
  uri: string;
  text: string;
  /** The source language, as the model records it. */
  format: SourceFormat;
  project: ProjectConfig;
  /** In source order. */
  sites: ConstructSite<S>[];
  /** In source order. */
  calls: MethodCall<S>[];
}

/** What `new module.Class(…)` makes: an L2 construct with a spec, an L1 (`Cfn*`) construct, or nothing modelled. */
export function newSite(ref: CdkRef): Pick<ConstructSite<Syntax>, 'cls' | 'type' | 'spec' | 'l1'> | undefined {
  if (ref.path.length !== 1) return undefined;
  const cls = ref.path[0];
  const spec = constructSpec(ref.module, cls);
  if (spec) return { cls, type: spec.type, spec };
  const type = ref.module !== 'core' ? l1Type(ref.module, cls) : undefined;
  return type !== undefined ? { cls, type, l1: { module: ref.module, cls } } : undefined;
}

/** What a static call `module.Class.method(…)` makes, if it is a factory of a construct. */
export function factorySite(
  ref: CdkRef,
): { cls: string; type: string; spec: ConstructSpec; factory: FactorySpec } | undefined {
  if (ref.path.length !== 2) return undefined;
  const found = factoryOf(ref.module, ref.path[0], ref.path[1]);
  return found ? { cls: ref.path[0], type: found.spec.type, ...found } : undefined;
}

/** What `parent.method(…)` makes, if the parent's spec says the method creates a construct. */
export function childSite(
  parent: { logicalId: string; cls: string; spec?: ConstructSpec },
  method: string,
): { cls: string; type: string; spec: ConstructSpec; method: ChildMethod; parent: string } | undefined {
  const m = childMethod(parent.spec, parent.cls, method);
  if (!m) return undefined;
  return { cls: m.creates.classes[0], type: m.creates.type, spec: m.creates, method: m, parent: parent.logicalId };
}

/** Logical IDs as the constructs' IDs give them, made unique in source order (`Bucket`, `Bucket2`). */
export class LogicalIds {
  private readonly taken = new Set<string>();
  claim(id: string): string {
    let n = id;
    for (let i = 2; this.taken.has(n); i++) n = `${id}${i}`;
    this.taken.add(n);
    return n;
  }
}
