/**
 * Generates the tables of docs/cdk.md from the construct specs (server/src/engine/cdk/specs): `npm run docs`. Only
 * the blocks between `<!-- BEGIN GENERATED: name -->` and `<!-- END GENERATED: name -->` are rewritten; the prose
 * around them is kept. A test keeps the committed file in step.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ABSENT, CfnOrAbsent, isPlainObject, Opaque, Path } from '../engine/cdk/cfn-value';
import { CONNECTIONS, CONSTRUCTS, ConstructSpec, MethodSpec, REMOVAL_POLICIES, SpecCtx } from '../engine/cdk/specs';

const ALIASES: Record<string, string> = { 'aws-elasticloadbalancingv2': 'elbv2', core: 'cdk' };

/** `aws-s3` → `s3`, as the docs and most CDK code import it. */
const alias = (module: string) => ALIASES[module] ?? module.replace(/^aws-/, '');
const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const classesOf = (c: ConstructSpec) => c.classes.map(cls => code(`${alias(c.module)}.${cls}`)).join(', ');

/** `BucketEncryption.ServerSideEncryptionConfiguration[0].SSEAlgorithm`. */
function pathText(p: Path): string {
  return p.length ? p.map((k, i) => (typeof k === 'number' ? `[${k}]` : i ? `.${k}` : k)).join('') : '(top level)';
}

/** A CloudFormation value as the docs show it: `true`, `AES256`, `{ SSEEnabled: false }`. */
function valueText(v: unknown): string {
  if (isPlainObject(v))
    return `{ ${Object.entries(v)
      .map(([k, x]) => `${k}: ${valueText(x)}`)
      .join(', ')} }`;
  if (Array.isArray(v)) return `[${v.map(valueText).join(', ')}]`;
  if (v instanceof Opaque) return '?';
  return String(v);
}

function defaultText(v: CfnOrAbsent): string {
  if (v === ABSENT) return 'not written (CloudFormation default)';
  if (v instanceof Opaque) return `unknown (${v.text})`;
  return code(valueText(v));
}

/** The context of a construct written with no props at all, and no cdk.json. */
const NOTHING_WRITTEN: SpecCtx = {
  value: () => undefined,
  has: () => false,
  flag: () => undefined,
  hasProjectConfig: false,
  spread: false,
  props: undefined,
};

function methodText(m: MethodSpec): string {
  const call = code(`${m.name}(…)`);
  switch (m.kind) {
    case 'child': {
      const on = m.receiver ? ` on ${code(m.receiver)}` : '';
      const made = CONSTRUCTS.includes(m.creates) ? classesOf(m.creates) : code(m.creates.type);
      return `${call}${on} → ${made}${m.creates.note ? ` (${m.creates.note})` : ''}`;
    }
    case 'append':
      return `${call} → an item of ${code(pathText(m.path))}`;
    case 'policy':
      return `${call} → a statement in its ${code(m.policy.type)}`;
    case 'ingress':
      return `${call} → its ${code('SecurityGroupIngress')}`;
  }
}

/** What a construct creates besides its own resource, and what its methods and factories do. */
function createsText(c: ConstructSpec): string {
  const out: string[] = [];
  if (c.enforceSSL) out.push(`${code('enforceSSL: true')} → ${code(c.enforceSSL.type)} denying requests without TLS`);
  for (const comp of c.companions ?? [])
    out.push(`${comp.when} → ${comp.types.map(code).join(' + ')}${comp.note ? ` (${comp.note})` : ''}`);
  if (c.opens) out.push(c.opens.note);
  for (const m of c.methods ?? []) out.push(methodText(m));
  for (const f of c.factories ?? []) {
    const name = typeof f.name === 'string' ? f.name : `…${f.name.source.replace(/\$$/, '')}`;
    out.push(`${code(`${c.classes[0]}.${name}(scope, id)`)}${f.note ? ` → ${f.note}` : ''}`);
  }
  return out.join('; ') || '—';
}

/** Construct → CloudFormation type, the props mapped, and what else it creates. */
export function constructsTable(): string[] {
  const rows = CONSTRUCTS.map(c => {
    const props = [...new Set(c.props.map(p => p.prop))];
    if (c.removalDefault) props.push('removalPolicy');
    if (c.enforceSSL) props.push('enforceSSL');
    return `| ${classesOf(c)} | ${code(c.type)} | ${props.map(code).join(', ') || '—'} | ${cell(createsText(c))} |`;
  });
  const connections = CONNECTIONS.map(m => code(m.name)).join(', ');
  return [
    '| Construct | CloudFormation | Props mapped | Also creates, methods, factories |',
    '|---|---|---|---|',
    ...rows,
    '',
    `On every construct of the file: ${code('x.connections.…')} (${connections}) adds ingress to its security`,
    `group (its own, the one in its ${code('securityGroup')} prop, or the one CDK creates for it);`,
    `${code('x.applyRemovalPolicy(…)')} sets ${code('DeletionPolicy')} and ${code('UpdateReplacePolicy')}.`,
  ];
}

/** Every default a spec applies (evaluated for a construct written with no props), with the spec's note. */
export function defaultsTable(): string[] {
  const rows: string[] = [];
  for (const c of CONSTRUCTS) {
    const name = classesOf(c);
    for (const p of c.props) {
      if (!p.default && !p.note) continue;
      const value = p.default ? defaultText(p.default(NOTHING_WRITTEN)) : '—';
      rows.push(`| ${name} | ${code(p.prop)} | ${code(pathText(p.cfn))} | ${value} | ${cell(p.note ?? '')} |`);
    }
    if (c.removalDefault) {
      const r = REMOVAL_POLICIES[c.removalDefault];
      const value = `${code(c.removalDefault)}: ${r.DeletionPolicy} / ${r.UpdateReplacePolicy}`;
      rows.push(`| ${name} | ${code('removalPolicy')} | DeletionPolicy / UpdateReplacePolicy | ${value} | |`);
    }
    for (const [k, v] of Object.entries(c.constants ?? {}))
      rows.push(`| ${name} | (always) | ${code(k)} | ${code(valueText(v))} | |`);
  }
  return ['| Construct | Prop | CloudFormation | Default used | Note |', '|---|---|---|---|---|', ...rows];
}

const BLOCKS: Record<string, () => string[]> = { constructs: constructsTable, defaults: defaultsTable };

/** docs/cdk.md with every generated block rewritten; throws when a block's markers are missing. */
export function renderCdkDoc(current: string): string {
  let out = current;
  for (const [name, render] of Object.entries(BLOCKS)) {
    const begin = `<!-- BEGIN GENERATED: ${name} (npm run docs, from server/src/engine/cdk/specs) -->`;
    const end = `<!-- END GENERATED: ${name} -->`;
    const from = out.indexOf(begin);
    const to = out.indexOf(end);
    if (from < 0 || to < from) throw new Error(`docs/cdk.md: no generated block "${name}" (${begin} … ${end})`);
    out = `${out.slice(0, from + begin.length)}\n${render().join('\n')}\n${out.slice(to)}`;
  }
  return out;
}

if (require.main === module) {
  const file = path.resolve(__dirname, '../../../../docs/cdk.md');
  fs.writeFileSync(file, renderCdkDoc(fs.readFileSync(file, 'utf8')));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
