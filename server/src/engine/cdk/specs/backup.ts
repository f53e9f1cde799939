/** aws-backup: `BackupVault`, `BackupPlan` (its factories, rules and selections). */
import { ABSENT, Cfn, Opaque } from '../cfn-value';
import { CdkValue, isNew, opaqueOf, propOf, staticMethod } from '../cdk-value';
import { always, opaque } from './props';
import { ConstructSpec, FactorySpec } from './types';

export const backupVault: ConstructSpec = {
  module: 'aws-backup',
  classes: ['BackupVault'],
  type: 'AWS::Backup::BackupVault',
  props: [
    { ...opaque('encryptionKey', ['EncryptionKeyArn']), note: 'AWS managed key (not written)' },
    opaque('lockConfiguration', ['LockConfiguration']),
    opaque('accessPolicy', ['AccessPolicy']),
  ],
};

const RULE_FACTORIES = ['daily', 'weekly', 'monthly1Year', 'monthly5Year', 'monthly7Year'];

/** `new backup.BackupPlanRule({ …, copyActions })` (or `BackupPlanRule.daily()`…) as a BackupPlanRule item. */
function ruleItem(v: CdkValue): Cfn {
  const item: { [key: string]: Cfn } = { RuleName: new Opaque('rule name'), TargetBackupVault: new Opaque('vault') };
  const factory = staticMethod(v, 'aws-backup', 'BackupPlanRule');
  if (factory !== undefined && RULE_FACTORIES.includes(factory)) return item;
  if (!isNew(v, 'aws-backup', 'BackupPlanRule')) return opaqueOf(v);
  const props = v.args[0];
  if (props && (props.kind !== 'object' || props.spread)) return opaqueOf(props);
  const copies = propOf(props, 'copyActions');
  if (copies)
    item.CopyActions =
      copies.value.kind === 'array' && !copies.value.spread ? copies.value.items.map(opaqueOf) : opaqueOf(copies.value);
  return item;
}

/** The `BackupPlan.daily…Retention(scope, id)` factories and their number of rules: none copies elsewhere. */
const FACTORY_RULES: [string, number][] = [
  ['daily35DayRetention', 1],
  ['dailyMonthly1YearRetention', 2],
  ['dailyWeeklyMonthly5YearRetention', 3],
  ['dailyWeeklyMonthly7YearRetention', 3],
];
const factories: FactorySpec[] = [
  ...FACTORY_RULES.map(([name, n]): FactorySpec => {
    const rule = { RuleName: new Opaque('rule name'), TargetBackupVault: new Opaque('vault') };
    const properties = { BackupPlan: { BackupPlanRule: Array.from({ length: n }, () => rule) } };
    return {
      name,
      idArg: 1,
      properties: () => properties,
      note: `${n} rule${n > 1 ? 's' : ''}, none with copy actions`,
    };
  }),
  {
    name: /Retention$/,
    idArg: 1,
    properties: called => ({ BackupPlan: { BackupPlanRule: new Opaque(called) } }),
    note: 'rules unknown',
  },
];

/** What `plan.addSelection(id, options)` makes. */
const selection: ConstructSpec = {
  module: 'aws-backup',
  classes: ['BackupSelection'],
  type: 'AWS::Backup::BackupSelection',
  props: [],
  parentRef: ['BackupPlanId'],
  derived: c => [{ path: ['BackupSelection'], value: c.props ? opaqueOf(c.props) : new Opaque('selection') }],
  note: '`BackupPlanId` the plan; the selection itself unknown',
};

export const backupPlan: ConstructSpec = {
  module: 'aws-backup',
  classes: ['BackupPlan'],
  type: 'AWS::Backup::BackupPlan',
  props: [
    {
      prop: 'backupPlanRules',
      cfn: ['BackupPlan', 'BackupPlanRule'],
      toCfn: v =>
        v.kind === 'absent' ? ABSENT : v.kind === 'array' && !v.spread ? v.items.map(ruleItem) : opaqueOf(v),
      default: always(new Opaque('rules added with addRule()')),
      note: '`backupPlanRules` of `new BackupPlanRule({…})` are read; other rule lists are unknown',
    },
  ],
  factories,
  methods: [
    { kind: 'append', name: 'addRule', path: ['BackupPlan', 'BackupPlanRule'], item: ruleItem },
    { kind: 'child', name: 'addSelection', creates: selection, idArg: 0, propsArg: 1 },
  ],
};
