/** aws-dynamodb: `Table`, and `TableV2` (an `AWS::DynamoDB::GlobalTable` with one replica per region). */
import { ABSENT, Cfn, isPlainObject, Opaque, Path } from '../cfn-value';
import { CdkValue, literalOr, opaqueOf, propOf, staticMethod } from '../cdk-value';
import { invoke, lit, struct } from './fix-expr';
import { always, bool, enumOf, opaque } from './props';
import { ConstructSpec, PropSpec, SpecCtx } from './types';

/** `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled, recoveryPeriodInDays }` under `base`. */
function pitrSpecification(base: Path): PropSpec {
  return {
    prop: 'pointInTimeRecoverySpecification',
    cfn: [...base, 'PointInTimeRecoverySpecification'],
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const on = propOf(v, 'pointInTimeRecoveryEnabled');
      if (v.kind !== 'object' || v.spread || !on) return opaqueOf(v);
      const days = propOf(v, 'recoveryPeriodInDays');
      return {
        PointInTimeRecoveryEnabled: literalOr(on.value, 'boolean'),
        ...(days ? { RecoveryPeriodInDays: literalOr(days.value, 'number') } : {}),
      };
    },
    default: always({ PointInTimeRecoveryEnabled: false }),
    note: 'not enabled. `pointInTimeRecovery` is deprecated; fixes write `pointInTimeRecoverySpecification`',
    fix: want =>
      want.length === 1 && want[0].path.join('.') === 'PointInTimeRecoveryEnabled' && want[0].value === true
        ? struct({ pointInTimeRecoveryEnabled: lit(true) })
        : undefined,
  };
}

export const table: ConstructSpec = {
  module: 'aws-dynamodb',
  classes: ['Table'],
  type: 'AWS::DynamoDB::Table',
  props: [
    pitrSpecification([]),
    bool('pointInTimeRecovery', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']),
    enumOf(
      'encryption',
      ['SSESpecification'],
      ['aws-dynamodb', 'TableEncryption'],
      {
        DEFAULT: ABSENT,
        AWS_MANAGED: { SSEEnabled: true },
        CUSTOMER_MANAGED: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: new Opaque('table key') },
      },
      undefined,
      'AWS owned key (no `SSESpecification`)',
    ),
    opaque('encryptionKey', ['SSESpecification', 'KMSMasterKeyId']),
    bool('deletionProtection', ['DeletionProtectionEnabled'], always(false)),
  ],
  removalDefault: 'RETAIN',
};

/**
 * `TableV2` writes an `AWS::DynamoDB::GlobalTable` whose first replica is the table in the stack's region; table-level
 * point-in-time recovery and deletion protection are written onto every replica, so the first one stands for them.
 */
const KEYS_V2: Record<string, Cfn> = {
  dynamoOwnedKey: { SSEEnabled: false },
  awsManagedKey: { SSEEnabled: true, SSEType: 'KMS' },
  customerManagedKey: { SSEEnabled: true, SSEType: 'KMS' },
};
const PITR_V2 = {
  ...pitrSpecification(['Replicas', 0]),
  note:
    "not enabled, written on every replica; `Replicas[0]` is the table in the stack's region. A table-level " +
    '"off" is reported once, on the table\'s prop (its fix reaches every replica)',
};
const PITR_FLAG_V2 = bool('pointInTimeRecovery', [
  'Replicas',
  0,
  'PointInTimeRecoverySpecification',
  'PointInTimeRecoveryEnabled',
]);

/** The PITR setting a TableV2 (or one replica) writes through either of its two props; undefined when neither is. */
function writtenPitr(c: SpecCtx, spec: CdkValue | undefined, flag: CdkValue | undefined): Cfn | undefined {
  const fromSpec = spec ? PITR_V2.toCfn(spec, c) : ABSENT;
  if (fromSpec !== ABSENT) return fromSpec;
  const fromFlag = flag ? PITR_FLAG_V2.toCfn(flag, c) : ABSENT;
  return fromFlag !== ABSENT ? { PointInTimeRecoveryEnabled: fromFlag } : undefined;
}

const encryptionV2: PropSpec = {
  prop: 'encryption',
  cfn: ['SSESpecification'],
  toCfn: v => {
    if (v.kind === 'absent') return ABSENT;
    const m = staticMethod(v, 'aws-dynamodb', 'TableEncryptionV2');
    return m && m in KEYS_V2 ? KEYS_V2[m] : opaqueOf(v);
  },
  default: always({ SSEEnabled: false }),
  note:
    '`TableEncryptionV2.dynamoOwnedKey()`; `awsManagedKey()` / `customerManagedKey(…)` → ' +
    '`SSEEnabled: true, SSEType: KMS`',
  fix: want =>
    want.length === 1 && want[0].path.join('.') === 'SSEEnabled' && want[0].value === true
      ? invoke('aws-dynamodb', ['TableEncryptionV2', 'awsManagedKey'])
      : undefined,
};

/**
 * `replicas: [{ region }]` become Replicas[1…] beside the stack's own, each with the table's point-in-time recovery
 * unless the replica sets its own; a list that cannot be read adds nothing.
 */
const replicas: PropSpec = {
  prop: 'replicas',
  cfn: ['Replicas'],
  note:
    "each `{ region }` → `Replicas[1…]` with that `Region` (checked by the data-location rules) and the table's " +
    'PITR unless it sets its own; a replica that turns PITR off is reported on that replica',
  toCfn: (v, c) => {
    if (v.kind !== 'array' || v.spread) return ABSENT;
    // A replica that inherits an off setting is left unknown: the finding on Replicas[0] (the table's own prop) is
    // the one to fix, and its fix reaches every replica.
    const written = c.spread
      ? undefined
      : writtenPitr(c, c.value('pointInTimeRecoverySpecification'), c.value('pointInTimeRecovery'));
    const inherited =
      isPlainObject(written) && written.PointInTimeRecoveryEnabled === true
        ? written
        : new Opaque('inherited from the table');
    const out: Cfn[] = [];
    v.items.forEach((item, i) => {
      const region = propOf(item, 'region')?.value;
      const own =
        item.kind === 'object' && !item.spread
          ? writtenPitr(
              c,
              propOf(item, 'pointInTimeRecoverySpecification')?.value,
              propOf(item, 'pointInTimeRecovery')?.value,
            )
          : undefined;
      out[i + 1] = {
        Region: region ? literalOr(region, 'string') : new Opaque('region'),
        PointInTimeRecoverySpecification: own ?? inherited,
      };
    });
    return out.length ? out : ABSENT;
  },
};

export const tableV2: ConstructSpec = {
  module: 'aws-dynamodb',
  classes: ['TableV2'],
  type: 'AWS::DynamoDB::GlobalTable',
  props: [
    PITR_V2,
    PITR_FLAG_V2,
    encryptionV2,
    bool('deletionProtection', ['Replicas', 0, 'DeletionProtectionEnabled'], always(false), 'false, on every replica'),
    replicas,
  ],
  removalDefault: 'RETAIN',
};
