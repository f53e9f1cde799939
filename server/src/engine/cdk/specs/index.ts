/**
 * Every L2 construct iryo-guard models, per AWS module. Checked against aws-cdk-lib 2.276.0 (the props' `@default`
 * documentation and the constructs' code). A new construct is one spec in its module's file, listed here.
 */
import { backupPlan, backupVault } from './backup';
import { distribution } from './cloudfront';
import { trail } from './cloudtrail';
import { table, tableV2 } from './dynamodb';
import { instance, launchTemplate, volume } from './ec2';
import { securityGroup, vpc } from './ec2-network';
import { fileSystem } from './efs';
import { applicationListener, loadBalancer, networkListener } from './elbv2';
import { key } from './kms';
import { logGroup } from './logs';
import { rdsSpecs } from './rds';
import { bucket } from './s3';
import { topic } from './sns';
import { queue } from './sqs';
import { ChildMethod, ConstructSpec, FactorySpec, MethodSpec } from './types';

/** The constructs made with `new` (or a static factory), in the order docs/cdk.md lists them. */
export const CONSTRUCTS: ConstructSpec[] = [
  bucket,
  ...rdsSpecs,
  logGroup,
  trail,
  table,
  tableV2,
  volume,
  instance,
  launchTemplate,
  fileSystem,
  key,
  securityGroup,
  applicationListener,
  networkListener,
  loadBalancer,
  distribution,
  topic,
  queue,
  backupVault,
  backupPlan,
  vpc,
];

const byClass = new Map<string, ConstructSpec>();
for (const c of CONSTRUCTS) for (const cls of c.classes) byClass.set(`${c.module}.${cls}`, c);

/** The spec of `new module.Class(…)`. */
export function constructSpec(module: string, cls: string): ConstructSpec | undefined {
  return byClass.get(`${module}.${cls}`);
}

/** A static factory `module.Class.method(…)` that makes a construct. */
export function factoryOf(
  module: string,
  cls: string,
  method: string,
): { spec: ConstructSpec; factory: FactorySpec } | undefined {
  const spec = constructSpec(module, cls);
  const factories = spec?.factories ?? [];
  const factory =
    factories.find(f => f.name === method) ?? factories.find(f => f.name instanceof RegExp && f.name.test(method));
  return spec && factory ? { spec, factory } : undefined;
}

/** The method of a construct of class `cls` that makes a child construct. */
export function childMethod(spec: ConstructSpec | undefined, cls: string, method: string): ChildMethod | undefined {
  for (const m of spec?.methods ?? [])
    if (m.kind === 'child' && m.name === method && (!m.receiver || m.receiver === cls)) return m;
  return undefined;
}

/** A method that changes the construct or its resources once everything is built (not a child). */
export function effectMethod(
  spec: ConstructSpec | undefined,
  method: string,
): Exclude<MethodSpec, ChildMethod> | undefined {
  for (const m of spec?.methods ?? []) if (m.kind !== 'child' && m.name === method) return m;
  return undefined;
}

/** Resource-policy types whose TLS-only statement maps back to the owner's `enforceSSL: true` (for fixes). */
export const TLS_POLICY_TYPES = new Map(
  CONSTRUCTS.flatMap(c => (c.enforceSSL ? [[c.enforceSSL.type, c.enforceSSL.refKey] as const] : [])),
);

export { CONNECTIONS } from './ec2-network';
export { enforceSslCompanions, policyOwnerRef } from './tls-policy';
export * from './types';
export * from './fix-expr';
