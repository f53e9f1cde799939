/**
 * L2 constructs → CloudFormation, with CDK's own defaults. Checked against aws-cdk-lib 2.276.0 (props' `@default`
 * docs and the constructs' code); docs/cdk.md lists every default relied on. One table serves the model builder and the
 * TypeScript fixer. A default of ABSENT means CDK writes nothing and CloudFormation's (the service's) default applies.
 */
import { ABSENT, Cfn, isPlainObject, Opaque } from './cfn-value';
import {
  always,
  bool,
  Companion,
  ConstructSpec,
  days,
  enumOf,
  num,
  opaque,
  opaqueOf,
  PropSpec,
  SpecCtx,
  str,
  stringList,
} from './mapping';
import { durationDays, enumMember, propOf, TsValue } from './values';

const SSE = [
  'BucketEncryption',
  'ServerSideEncryptionConfiguration',
  0,
  'ServerSideEncryptionByDefault',
  'SSEAlgorithm',
];
const ALL_BLOCKED = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};
/** Keys BlockPublicAccess leaves unset are filled by CDK only under a feature flag (@aws-cdk/aws-s3:publicAccessBlockedByDefault). */
const FLAGGED = new Opaque('feature flag @aws-cdk/aws-s3:publicAccessBlockedByDefault');

const blockPublicAccess: PropSpec = {
  prop: 'blockPublicAccess',
  cfn: ['PublicAccessBlockConfiguration'],
  toCfn: v => {
    if (v.kind === 'absent') return ABSENT;
    const m = enumMember(v, 'aws-s3', 'BlockPublicAccess');
    if (m === 'BLOCK_ALL') return ALL_BLOCKED;
    if (m === 'BLOCK_ACLS_ONLY')
      return { BlockPublicAcls: true, BlockPublicPolicy: false, IgnorePublicAcls: true, RestrictPublicBuckets: false };
    if (m === 'BLOCK_ACLS')
      return {
        BlockPublicAcls: true,
        BlockPublicPolicy: FLAGGED,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: FLAGGED,
      };
    if (
      v.kind === 'new' &&
      v.ref.module === 'aws-s3' &&
      v.ref.path.join('.') === 'BlockPublicAccess' &&
      v.args[0]?.kind === 'object' &&
      !v.args[0].spread
    ) {
      const out: Record<string, Cfn> = {};
      for (const k of Object.keys(ALL_BLOCKED)) {
        const p = propOf(v.args[0], k[0].toLowerCase() + k.slice(1));
        out[k] = !p
          ? FLAGGED
          : p.value.kind === 'literal' && typeof p.value.value === 'boolean'
            ? p.value.value
            : opaqueOf(p.value);
      }
      return out;
    }
    return opaqueOf(v);
  },
  // CDK's doc: "CloudFormation defaults will apply" — it writes nothing; the CloudFormation rules judge absence.
  default: always(ABSENT),
  fix: want => (want.every(w => w.value === true) ? '@{aws-s3:BlockPublicAccess}.BLOCK_ALL' : undefined),
};

/** `s3.ObjectLockRetention.governance(cdk.Duration.days(n))` / `.compliance(…)` → ObjectLockConfiguration. */
const objectLockRetention: PropSpec = {
  prop: 'objectLockDefaultRetention',
  cfn: ['ObjectLockConfiguration'],
  toCfn: v => {
    if (v.kind === 'absent') return ABSENT;
    const mode =
      v.kind === 'call' && v.ref.module === 'aws-s3' && v.ref.path[0] === 'ObjectLockRetention'
        ? v.ref.path[1]
        : undefined;
    if (!v || v.kind !== 'call' || (mode !== 'governance' && mode !== 'compliance')) return opaqueOf(v);
    const d = durationDays(v.args[0]);
    return {
      ObjectLockEnabled: 'Enabled',
      Rule: {
        DefaultRetention: {
          Mode: mode.toUpperCase(),
          Days: d !== undefined && Number.isInteger(d) ? d : v.args[0] ? opaqueOf(v.args[0]) : new Opaque('duration'),
        },
      },
    };
  },
  fix: want => {
    const get = (k: string) => want.find(w => w.path.join('.') === k)?.value;
    const mode = get('Rule.DefaultRetention.Mode');
    const d = get('Rule.DefaultRetention.Days');
    const known = new Set(['ObjectLockEnabled', 'Rule.DefaultRetention.Mode', 'Rule.DefaultRetention.Days']);
    if (!want.every(w => known.has(w.path.join('.'))) || (get('ObjectLockEnabled') ?? 'Enabled') !== 'Enabled')
      return undefined;
    if ((mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') || typeof d !== 'number' || !Number.isInteger(d))
      return undefined;
    return `@{aws-s3:ObjectLockRetention}.${mode.toLowerCase()}(@{core:Duration}.days(${d}))`;
  },
};

const s3Bucket: ConstructSpec = {
  module: 'aws-s3',
  classes: ['Bucket'],
  type: 'AWS::S3::Bucket',
  props: [
    // Documented default: KMS when encryptionKey is given, else S3_MANAGED (SSE-S3). CDK leaves SSE-S3 to the service.
    enumOf(
      'encryption',
      SSE,
      'aws-s3',
      'BucketEncryption',
      {
        KMS: 'aws:kms',
        KMS_MANAGED: 'aws:kms',
        S3_MANAGED: 'AES256',
        DSSE: 'aws:kms:dsse',
        DSSE_MANAGED: 'aws:kms:dsse',
        UNENCRYPTED: ABSENT,
      },
      c => (c.has('encryptionKey') ? 'aws:kms' : 'AES256'),
    ),
    opaque('encryptionKey', [
      'BucketEncryption',
      'ServerSideEncryptionConfiguration',
      0,
      'ServerSideEncryptionByDefault',
      'KMSMasterKeyID',
    ]),
    bool('bucketKeyEnabled', ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'BucketKeyEnabled']),
    blockPublicAccess,
    {
      prop: 'versioned',
      cfn: ['VersioningConfiguration', 'Status'],
      toCfn: v =>
        v.kind === 'literal' && typeof v.value === 'boolean'
          ? v.value
            ? 'Enabled'
            : ABSENT
          : v.kind === 'absent'
            ? ABSENT
            : opaqueOf(v),
      // Default false, unless object lock is enabled (then true).
      default: c =>
        c.value('objectLockEnabled')?.kind === 'literal' &&
        (c.value('objectLockEnabled') as { value: unknown }).value === true
          ? 'Enabled'
          : ABSENT,
      fix: want => (want.length === 1 && want[0].value === 'Enabled' ? 'true' : undefined),
    },
    // Default false, unless objectLockDefaultRetention is set (then true).
    bool('objectLockEnabled', ['ObjectLockEnabled'], c => (c.has('objectLockDefaultRetention') ? true : ABSENT)),
    objectLockRetention,
    opaque('serverAccessLogsBucket', ['LoggingConfiguration', 'DestinationBucketName']),
    str('serverAccessLogsPrefix', ['LoggingConfiguration', 'LogFilePrefix']),
    opaque('lifecycleRules', ['LifecycleConfiguration']),
    str('bucketName', ['BucketName']),
  ],
  removalDefault: 'RETAIN',
  // enforceSSL (default false) adds a bucket policy denying requests without aws:SecureTransport.
  companions: (c, id) => tlsCompanion(c, 'AWS::S3::BucketPolicy', 'Bucket', id, 's3:*'),
};

function isTrue(v: TsValue | undefined): boolean {
  return v?.kind === 'literal' && v.value === true;
}

/**
 * The TLS-only policy `enforceSSL` creates: known when the prop is `true`; a policy with an unknown document when the
 * prop cannot be read (it may exist); none when it is false or absent.
 */
function tlsCompanion(c: SpecCtx, type: string, refKey: string, id: string, action: string): Companion[] {
  const v = c.value('enforceSSL');
  if (isTrue(v)) return [tlsPolicy(type, refKey, id, action, 'enforceSSL')];
  if ((v && !(v.kind === 'literal' && v.value === false)) || (!v && c.spread)) {
    const known = tlsPolicy(type, refKey, id, action, 'enforceSSL');
    return [
      {
        ...known,
        properties: {
          [refKey]: known.properties[refKey],
          PolicyDocument: new Opaque(v ? v.node.getText() : 'may be set by a spread'),
        },
      },
    ];
  }
  return [];
}

function tlsPolicy(type: string, refKey: string, id: string, action: string, prop: string): Companion {
  const target = refKey === 'Bucket' ? { Ref: id } : [{ Ref: id }];
  return {
    suffix: 'Policy',
    type,
    prop,
    switch: prop,
    properties: {
      [refKey]: target,
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Action: action,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            Effect: 'Deny',
            Principal: { AWS: '*' },
            Resource: new Opaque('ARNs'),
          },
        ],
      },
    },
  };
}

const removalRetains = (c: SpecCtx): boolean | undefined => {
  const v = c.value('removalPolicy');
  if (!v) return false;
  const m = enumMember(v, 'core', 'RemovalPolicy');
  return m === undefined ? undefined : m === 'RETAIN';
};

const INSTANCE_ENGINES: Record<string, string> = {
  postgres: 'postgres',
  mysql: 'mysql',
  mariaDb: 'mariadb',
  oracleEe: 'oracle-ee',
  oracleSe2: 'oracle-se2',
  sqlServerEe: 'sqlserver-ee',
  sqlServerSe: 'sqlserver-se',
  sqlServerEx: 'sqlserver-ex',
  sqlServerWeb: 'sqlserver-web',
  POSTGRES: 'postgres',
  MYSQL: 'mysql',
  MARIADB: 'mariadb',
  ORACLE_EE: 'oracle-ee',
  ORACLE_SE2: 'oracle-se2',
  SQL_SERVER_EE: 'sqlserver-ee',
  SQL_SERVER_SE: 'sqlserver-se',
  SQL_SERVER_EX: 'sqlserver-ex',
  SQL_SERVER_WEB: 'sqlserver-web',
  auroraPostgres: 'aurora-postgresql',
  auroraMysql: 'aurora-mysql',
  AURORA_POSTGRESQL: 'aurora-postgresql',
  AURORA_MYSQL: 'aurora-mysql',
};

const engine: PropSpec = {
  prop: 'engine',
  cfn: ['Engine'],
  toCfn: v => {
    const ref = v.kind === 'call' || v.kind === 'ref' ? v.ref : undefined;
    if (
      ref &&
      ref.module === 'aws-rds' &&
      /^Database(Instance|Cluster)Engine$/.test(ref.path[0]) &&
      INSTANCE_ENGINES[ref.path[1]]
    )
      return INSTANCE_ENGINES[ref.path[1]];
    return opaqueOf(v);
  },
};

const rdsCommon = (inherited: boolean): PropSpec[] => [
  // storageEncrypted: true when storageEncryptionKey is given, false otherwise (instances and clusters alike).
  bool('storageEncrypted', ['StorageEncrypted'], c =>
    inherited ? new Opaque('inherited from the source') : c.has('storageEncryptionKey'),
  ),
  opaque('storageEncryptionKey', ['KmsKeyId']),
  bool('iamAuthentication', ['EnableIAMDatabaseAuthentication'], always(false)),
  stringList('cloudwatchLogsExports', ['EnableCloudwatchLogsExports']),
  bool('copyTagsToSnapshot', ['CopyTagsToSnapshot'], always(true)),
  engine,
];

const rdsInstance = (classes: string[], inherited: boolean): ConstructSpec => ({
  module: 'aws-rds',
  classes,
  type: 'AWS::RDS::DBInstance',
  props: [
    ...rdsCommon(inherited),
    bool('multiAz', ['MultiAZ'], always(false)),
    bool('publiclyAccessible', ['PubliclyAccessible'], c => {
      // true when vpcSubnets selects PUBLIC subnets, false otherwise.
      const subnets = c.value('vpcSubnets');
      if (!subnets) return false;
      const type = propOf(subnets, 'subnetType');
      if (subnets.kind !== 'object' || subnets.spread) return opaqueOf(subnets);
      if (!type) return propOf(subnets, 'subnets') || propOf(subnets, 'subnetGroupName') ? opaqueOf(subnets) : false;
      const m = enumMember(type.value, 'aws-ec2', 'SubnetType');
      return m === undefined ? opaqueOf(type.value) : m === 'PUBLIC';
    }),
    days('backupRetention', ['BackupRetentionPeriod'], always(inherited ? new Opaque('read replica / snapshot') : 1)),
    bool('deletionProtection', ['DeletionProtection'], c => removalRetains(c) ?? new Opaque('removalPolicy')),
    bool('autoMinorVersionUpgrade', ['AutoMinorVersionUpgrade'], always(true)),
    bool('enablePerformanceInsights', ['EnablePerformanceInsights']),
    opaque('performanceInsightEncryptionKey', ['PerformanceInsightsKMSKeyId']),
    opaque('caCertificate', ['CACertificateIdentifier']),
  ],
  removalDefault: 'SNAPSHOT',
});

const rdsCluster = (classes: string[], inherited: boolean): ConstructSpec => ({
  module: 'aws-rds',
  classes,
  type: 'AWS::RDS::DBCluster',
  props: [
    ...rdsCommon(inherited),
    // deletionProtection: true when removalPolicy is RETAIN, otherwise not written.
    bool('deletionProtection', ['DeletionProtection'], c => {
      const r = removalRetains(c);
      return r === undefined ? new Opaque('removalPolicy') : r ? true : ABSENT;
    }),
    days('backup.retention', ['BackupRetentionPeriod'], always(1)),
  ],
  removalDefault: 'SNAPSHOT',
});

const RETENTION: Record<string, number | typeof ABSENT> = {
  ONE_DAY: 1,
  THREE_DAYS: 3,
  FIVE_DAYS: 5,
  ONE_WEEK: 7,
  TWO_WEEKS: 14,
  ONE_MONTH: 30,
  TWO_MONTHS: 60,
  THREE_MONTHS: 90,
  FOUR_MONTHS: 120,
  FIVE_MONTHS: 150,
  SIX_MONTHS: 180,
  ONE_YEAR: 365,
  THIRTEEN_MONTHS: 400,
  EIGHTEEN_MONTHS: 545,
  TWO_YEARS: 731,
  THREE_YEARS: 1096,
  FIVE_YEARS: 1827,
  SIX_YEARS: 2192,
  SEVEN_YEARS: 2557,
  EIGHT_YEARS: 2922,
  NINE_YEARS: 3288,
  TEN_YEARS: 3653,
  INFINITE: ABSENT,
};

const logGroup: ConstructSpec = {
  module: 'aws-logs',
  classes: ['LogGroup'],
  type: 'AWS::Logs::LogGroup',
  props: [
    enumOf('retention', ['RetentionInDays'], 'aws-logs', 'RetentionDays', RETENTION, always(731)), // default TWO_YEARS
    opaque('encryptionKey', ['KmsKeyId']),
    str('logGroupName', ['LogGroupName']),
  ],
  removalDefault: 'RETAIN',
};

const trail: ConstructSpec = {
  module: 'aws-cloudtrail',
  classes: ['Trail'],
  type: 'AWS::CloudTrail::Trail',
  props: [
    bool('enableFileValidation', ['EnableLogFileValidation'], always(true)),
    bool('isMultiRegionTrail', ['IsMultiRegionTrail'], always(true)),
    bool('includeGlobalServiceEvents', ['IncludeGlobalServiceEvents'], always(true)),
    bool('isOrganizationTrail', ['IsOrganizationTrail']),
    // A trail's bucket: an S3 bucket made in this file becomes a Ref (rules follow it as the trail's log bucket).
    opaque('encryptionKey', ['KMSKeyId']),
    opaque('kmsKey', ['KMSKeyId']),
    opaque('bucket', ['S3BucketName']),
    {
      prop: 'sendToCloudWatchLogs',
      cfn: ['CloudWatchLogsLogGroupArn'],
      toCfn: v =>
        isTrue(v) ? new Opaque('log group ARN') : v.kind === 'literal' && v.value === false ? ABSENT : opaqueOf(v),
      default: always(ABSENT), // default false
    },
  ],
  constants: { IsLogging: true },
  companions: (c, id) => {
    const out: Companion[] = [];
    // CDK always writes IsLogging: true; without `bucket` it creates an encrypted-by-S3 bucket with enforceSSL.
    if (!c.has('bucket')) {
      out.push({
        suffix: 'S3',
        type: 'AWS::S3::Bucket',
        refFrom: ['S3BucketName'],
        properties: {
          BucketEncryption: {
            ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
          },
        },
      });
      out.push({
        ...tlsPolicy('AWS::S3::BucketPolicy', 'Bucket', `${id}S3`, 's3:*', 'bucket'),
        suffix: 'S3Policy',
        switch: undefined,
      });
    }
    const logs = c.value('sendToCloudWatchLogs');
    if (isTrue(logs) && !c.has('cloudWatchLogGroup')) {
      const r = c.value('cloudWatchLogsRetention');
      const m = r ? enumMember(r, 'aws-logs', 'RetentionDays') : 'ONE_YEAR'; // default ONE_YEAR
      const days = m !== undefined ? RETENTION[m] : r ? opaqueOf(r) : 365;
      out.push({
        suffix: 'LogGroup',
        type: 'AWS::Logs::LogGroup',
        prop: 'sendToCloudWatchLogs',
        properties: days === ABSENT ? {} : { RetentionInDays: days as Cfn },
      });
    }
    return out;
  },
};

/** `pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled, recoveryPeriodInDays }` at `base` (not enabled by default). */
function pitrSpecification(base: (string | number)[]): PropSpec {
  return {
    prop: 'pointInTimeRecoverySpecification',
    cfn: [...base, 'PointInTimeRecoverySpecification'],
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      const on = propOf(v, 'pointInTimeRecoveryEnabled');
      if (v.kind !== 'object' || v.spread || !on) return opaqueOf(v);
      const days = propOf(v, 'recoveryPeriodInDays');
      return {
        PointInTimeRecoveryEnabled:
          on.value.kind === 'literal' && typeof on.value.value === 'boolean' ? on.value.value : opaqueOf(on.value),
        ...(days
          ? {
              RecoveryPeriodInDays:
                days.value.kind === 'literal' && typeof days.value.value === 'number'
                  ? days.value.value
                  : opaqueOf(days.value),
            }
          : {}),
      };
    },
    // Default: not enabled. (pointInTimeRecovery is deprecated in favour of this prop; fixes write this one.)
    default: always({ PointInTimeRecoveryEnabled: false }),
    fix: want =>
      want.length === 1 && want[0].path.join('.') === 'PointInTimeRecoveryEnabled' && want[0].value === true
        ? '{ pointInTimeRecoveryEnabled: true }'
        : undefined,
  };
}

const dynamoTable: ConstructSpec = {
  module: 'aws-dynamodb',
  classes: ['Table'],
  type: 'AWS::DynamoDB::Table',
  props: [
    pitrSpecification([]),
    bool('pointInTimeRecovery', ['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']),
    enumOf('encryption', ['SSESpecification'], 'aws-dynamodb', 'TableEncryption', {
      DEFAULT: ABSENT,
      AWS_MANAGED: { SSEEnabled: true },
      CUSTOMER_MANAGED: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: new Opaque('table key') },
    }),
    opaque('encryptionKey', ['SSESpecification', 'KMSMasterKeyId']),
    bool('deletionProtection', ['DeletionProtectionEnabled'], always(false)),
  ],
  removalDefault: 'RETAIN',
};

/**
 * `TableV2` writes an `AWS::DynamoDB::GlobalTable` whose first replica is the table in the stack's region; table-level
 * point-in-time recovery and deletion protection are written onto every replica, so the first one stands for them.
 */
const TABLE_V2_KEYS: Record<string, Cfn> = {
  dynamoOwnedKey: { SSEEnabled: false },
  awsManagedKey: { SSEEnabled: true, SSEType: 'KMS' },
  customerManagedKey: { SSEEnabled: true, SSEType: 'KMS' },
};
const TABLE_V2_PITR = pitrSpecification(['Replicas', 0]);
const TABLE_V2_PITR_FLAG = bool('pointInTimeRecovery', [
  'Replicas',
  0,
  'PointInTimeRecoverySpecification',
  'PointInTimeRecoveryEnabled',
]);
/** The PITR setting a TableV2 (or one replica) writes through either of its two props; undefined when neither is written. */
function writtenPitr(c: SpecCtx, spec: TsValue | undefined, flag: TsValue | undefined): Cfn | undefined {
  const fromSpec = spec ? TABLE_V2_PITR.toCfn(spec, c) : ABSENT;
  if (fromSpec !== ABSENT) return fromSpec;
  const fromFlag = flag ? TABLE_V2_PITR_FLAG.toCfn(flag, c) : ABSENT;
  return fromFlag !== ABSENT ? { PointInTimeRecoveryEnabled: fromFlag } : undefined;
}

const dynamoTableV2: ConstructSpec = {
  module: 'aws-dynamodb',
  classes: ['TableV2'],
  type: 'AWS::DynamoDB::GlobalTable',
  props: [
    TABLE_V2_PITR,
    TABLE_V2_PITR_FLAG,
    {
      prop: 'encryption',
      cfn: ['SSESpecification'],
      toCfn: v => {
        if (v.kind === 'absent') return ABSENT;
        const m =
          v.kind === 'call' && v.ref.module === 'aws-dynamodb' && v.ref.path[0] === 'TableEncryptionV2'
            ? v.ref.path[1]
            : undefined;
        return m && m in TABLE_V2_KEYS ? TABLE_V2_KEYS[m] : opaqueOf(v);
      },
      default: always({ SSEEnabled: false }),
      fix: want =>
        want.length === 1 && want[0].path.join('.') === 'SSEEnabled' && want[0].value === true
          ? '@{aws-dynamodb:TableEncryptionV2}.awsManagedKey()'
          : undefined,
    },
    bool('deletionProtection', ['Replicas', 0, 'DeletionProtectionEnabled'], always(false)),
    {
      // `replicas: [{ region }]` become Replicas[1…] beside the stack's own, each with the table's point-in-time
      // recovery unless the replica sets its own; a list that cannot be read adds nothing.
      prop: 'replicas',
      cfn: ['Replicas'],
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
            Region:
              region?.kind === 'literal' && typeof region.value === 'string'
                ? region.value
                : region
                  ? opaqueOf(region)
                  : new Opaque('region'),
            PointInTimeRecoverySpecification: own ?? inherited,
          };
        });
        return out.length ? out : ABSENT;
      },
    },
  ],
  removalDefault: 'RETAIN',
};

const volume: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Volume'],
  type: 'AWS::EC2::Volume',
  props: [
    bool('encrypted', ['Encrypted'], always(false)),
    opaque('encryptionKey', ['KmsKeyId']),
    num('size', ['Size']),
  ],
  removalDefault: 'RETAIN',
};

/** `blockDevices: [{ deviceName, volume: ec2.BlockDeviceVolume.ebs(size, { encrypted }) }]` → BlockDeviceMappings. */
function blockDevices(cfn: (string | number)[]): PropSpec {
  return {
    prop: 'blockDevices',
    cfn,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      if (v.kind !== 'array' || v.spread) return opaqueOf(v);
      return v.items.map(item => {
        const name = propOf(item, 'deviceName');
        const vol = propOf(item, 'volume')?.value;
        const out: Record<string, Cfn> = {
          DeviceName:
            name?.value.kind === 'literal' ? name.value.value : name ? opaqueOf(name.value) : new Opaque('device'),
        };
        if (
          vol?.kind === 'call' &&
          vol.ref.module === 'aws-ec2' &&
          vol.ref.path.join('.') === 'BlockDeviceVolume.ebs'
        ) {
          const size = vol.args[0];
          const opts = vol.args[1];
          const ebs: Record<string, Cfn> = {
            VolumeSize: size?.kind === 'literal' ? size.value : size ? opaqueOf(size) : new Opaque('size'),
          };
          if (opts && (opts.kind !== 'object' || opts.spread)) ebs.Encrypted = opaqueOf(opts);
          const enc = propOf(opts, 'encrypted');
          if (enc) ebs.Encrypted = enc.value.kind === 'literal' ? enc.value.value : opaqueOf(enc.value);
          if (propOf(opts, 'kmsKey')) ebs.KmsKeyId = opaqueOf(propOf(opts, 'kmsKey')!.value);
          out.Ebs = ebs;
        } else out.Ebs = vol ? opaqueOf(vol) : new Opaque('volume');
        return out;
      });
    },
  };
}

const instance: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Instance'],
  type: 'AWS::EC2::Instance',
  props: [
    blockDevices(['BlockDeviceMappings']),
    bool('detailedMonitoring', ['Monitoring']),
    bool('ebsOptimized', ['EbsOptimized']),
    // requireImdsv2 attaches the launch template below to the instance (InstanceRequireImdsv2Aspect).
    {
      prop: 'requireImdsv2',
      cfn: ['LaunchTemplate'],
      toCfn: v =>
        isTrue(v)
          ? { LaunchTemplateName: new Opaque('generated name'), Version: new Opaque('LatestVersionNumber') }
          : v.kind === 'literal' && v.value === false
            ? ABSENT
            : v.kind === 'absent'
              ? ABSENT
              : opaqueOf(v),
    },
    enumOf('httpTokens', ['MetadataOptions', 'HttpTokens'], 'aws-ec2', 'HttpTokens', {
      REQUIRED: 'required',
      OPTIONAL: 'optional',
    }),
  ],
  // requireImdsv2 (default false) attaches a launch template that requires IMDSv2.
  companions: c =>
    isTrue(c.value('requireImdsv2'))
      ? [
          {
            suffix: 'LaunchTemplate',
            type: 'AWS::EC2::LaunchTemplate',
            prop: 'requireImdsv2',
            properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } },
          },
        ]
      : [],
};

const launchTemplate: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['LaunchTemplate'],
  type: 'AWS::EC2::LaunchTemplate',
  props: [
    enumOf(
      'httpTokens',
      ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
      'aws-ec2',
      'LaunchTemplateHttpTokens',
      { REQUIRED: 'required', OPTIONAL: 'optional' },
    ),
    {
      prop: 'requireImdsv2',
      cfn: ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
      toCfn: v =>
        isTrue(v)
          ? 'required'
          : v.kind === 'literal' && v.value === false
            ? ABSENT
            : v.kind === 'absent'
              ? ABSENT
              : opaqueOf(v),
      fix: want => (want.length === 1 && want[0].value === 'required' ? 'true' : undefined),
    },
    blockDevices(['LaunchTemplateData', 'BlockDeviceMappings']),
  ],
};

const efs: ConstructSpec = {
  module: 'aws-efs',
  classes: ['FileSystem'],
  type: 'AWS::EFS::FileSystem',
  props: [
    // Default true in CDK v2 (the @aws-cdk/aws-efs:defaultEncryptionAtRest flag is always on in v2).
    bool('encrypted', ['Encrypted'], always(true)),
    opaque('kmsKey', ['KmsKeyId']),
    {
      prop: 'enableAutomaticBackups',
      cfn: ['BackupPolicy', 'Status'],
      toCfn: v =>
        isTrue(v)
          ? 'ENABLED'
          : v.kind === 'literal' && v.value === false
            ? ABSENT
            : v.kind === 'absent'
              ? ABSENT
              : opaqueOf(v),
      fix: want => (want.length === 1 && want[0].value === 'ENABLED' ? 'true' : undefined),
    },
    opaque('fileSystemPolicy', ['FileSystemPolicy']),
  ],
  removalDefault: 'RETAIN',
};

const kmsKey: ConstructSpec = {
  module: 'aws-kms',
  classes: ['Key'],
  type: 'AWS::KMS::Key',
  props: [
    bool('enableKeyRotation', ['EnableKeyRotation'], always(false)),
    days('rotationPeriod', ['RotationPeriodInDays']),
    bool('enabled', ['Enabled']),
    days('pendingWindow', ['PendingWindowInDays']),
  ],
  removalDefault: 'RETAIN',
};

const securityGroup: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['SecurityGroup'],
  type: 'AWS::EC2::SecurityGroup',
  props: [
    opaque('vpc', ['VpcId']),
    str('description', ['GroupDescription']),
    {
      // allowAllOutbound (default true) writes no egress; false writes CDK's placeholder rule that matches no traffic.
      prop: 'allowAllOutbound',
      cfn: ['SecurityGroupEgress'],
      toCfn: v =>
        v.kind === 'literal' && v.value === false
          ? [
              {
                CidrIp: '255.255.255.255/32',
                Description: 'Disallow all traffic',
                FromPort: 252,
                IpProtocol: 'icmp',
                ToPort: 86,
              },
            ]
          : isTrue(v) || v.kind === 'absent'
            ? ABSENT
            : opaqueOf(v),
    },
  ],
};

const PROTOCOL_BY_PORT: Record<number, string> = {
  80: 'HTTP',
  8080: 'HTTP',
  8000: 'HTTP',
  443: 'HTTPS',
  8443: 'HTTPS',
};
const PORT_BY_PROTOCOL: Record<string, number> = { HTTP: 80, HTTPS: 443 };
const SSL_POLICIES: Record<string, string> = {
  RECOMMENDED_TLS: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
  RECOMMENDED: 'ELBSecurityPolicy-2016-08',
  TLS13_RES: 'ELBSecurityPolicy-TLS13-1-2-Res-2021-06',
  TLS13_EXT1: 'ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06',
  TLS13_EXT2: 'ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06',
  TLS13_10: 'ELBSecurityPolicy-TLS13-1-0-2021-06',
  TLS13_11: 'ELBSecurityPolicy-TLS13-1-1-2021-06',
  TLS13_13: 'ELBSecurityPolicy-TLS13-1-3-2021-06',
  FORWARD_SECRECY_TLS12_RES: 'ELBSecurityPolicy-FS-1-2-Res-2020-10',
  FORWARD_SECRECY_TLS12: 'ELBSecurityPolicy-FS-1-2-2019-08',
  TLS12: 'ELBSecurityPolicy-TLS-1-2-2017-01',
  TLS12_EXT: 'ELBSecurityPolicy-TLS-1-2-Ext-2018-06',
  TLS11: 'ELBSecurityPolicy-TLS-1-1-2017-01',
  LEGACY: 'ELBSecurityPolicy-TLS-1-0-2015-04',
};

/** The listener's protocol: written, else derived from the port (80/8080/8000 → HTTP, 443/8443 → HTTPS). */
export function listenerProtocol(c: SpecCtx): Cfn {
  const port = c.value('port');
  if (port?.kind === 'literal' && typeof port.value === 'number')
    return PROTOCOL_BY_PORT[port.value] ?? new Opaque('protocol for port');
  return port ? opaqueOf(port) : new Opaque('protocol');
}

export function listenerPort(c: SpecCtx): Cfn | undefined {
  const port = c.value('port');
  if (port) return port.kind === 'literal' && typeof port.value === 'number' ? port.value : opaqueOf(port);
  const proto = c.value('protocol');
  const m = proto ? enumMember(proto, 'aws-elasticloadbalancingv2', 'ApplicationProtocol') : undefined;
  return m ? PORT_BY_PROTOCOL[m] : undefined;
}

const appListener: ConstructSpec = {
  module: 'aws-elasticloadbalancingv2',
  classes: ['ApplicationListener'],
  type: 'AWS::ElasticLoadBalancingV2::Listener',
  props: [
    enumOf(
      'protocol',
      ['Protocol'],
      'aws-elasticloadbalancingv2',
      'ApplicationProtocol',
      { HTTP: 'HTTP', HTTPS: 'HTTPS' },
      listenerProtocol,
    ),
    { ...num('port', ['Port']), default: c => listenerPort(c) ?? new Opaque('port') },
    enumOf('sslPolicy', ['SslPolicy'], 'aws-elasticloadbalancingv2', 'SslPolicy', SSL_POLICIES, always(ABSENT)),
    opaque('certificates', ['Certificates']),
  ],
};

const netListener: ConstructSpec = {
  module: 'aws-elasticloadbalancingv2',
  classes: ['NetworkListener'],
  type: 'AWS::ElasticLoadBalancingV2::Listener',
  props: [
    // Default: TLS when certificates are given, TCP otherwise.
    enumOf(
      'protocol',
      ['Protocol'],
      'aws-elasticloadbalancingv2',
      'Protocol',
      { HTTP: 'HTTP', HTTPS: 'HTTPS', TCP: 'TCP', TLS: 'TLS', UDP: 'UDP', TCP_UDP: 'TCP_UDP' },
      c => (c.has('certificates') ? 'TLS' : 'TCP'),
    ),
    num('port', ['Port']),
    enumOf('sslPolicy', ['SslPolicy'], 'aws-elasticloadbalancingv2', 'SslPolicy', SSL_POLICIES, always(ABSENT)),
    opaque('certificates', ['Certificates']),
  ],
};

const loadBalancer: ConstructSpec = {
  module: 'aws-elasticloadbalancingv2',
  classes: ['ApplicationLoadBalancer', 'NetworkLoadBalancer'],
  type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  props: [
    {
      prop: 'internetFacing',
      cfn: ['Scheme'],
      toCfn: v =>
        v.kind === 'literal' && typeof v.value === 'boolean'
          ? v.value
            ? 'internet-facing'
            : 'internal'
          : v.kind === 'absent'
            ? 'internal'
            : opaqueOf(v),
      default: always('internal'), // default false
    },
  ],
};

const distribution: ConstructSpec = {
  module: 'aws-cloudfront',
  classes: ['Distribution'],
  type: 'AWS::CloudFront::Distribution',
  props: [
    enumOf(
      'defaultBehavior.viewerProtocolPolicy',
      ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
      'aws-cloudfront',
      'ViewerProtocolPolicy',
      { HTTPS_ONLY: 'https-only', REDIRECT_TO_HTTPS: 'redirect-to-https', ALLOW_ALL: 'allow-all' },
      // REDIRECT_TO_HTTPS under @aws-cdk/aws-cloudfront:defaultViewerProtocolPolicyRedirectToHttps (2.273.0; off unless cdk.json sets it), else ALLOW_ALL.
      c => {
        const flag = c.flag('@aws-cdk/aws-cloudfront:defaultViewerProtocolPolicyRedirectToHttps');
        if (flag !== undefined) return flag ? 'redirect-to-https' : 'allow-all';
        return c.hasProjectConfig ? 'allow-all' : new Opaque('depends on the project feature flag');
      },
    ),
    enumOf(
      'minimumProtocolVersion',
      ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
      'aws-cloudfront',
      'SecurityPolicyProtocol',
      {
        SSL_V3: 'SSLv3',
        TLS_V1: 'TLSv1',
        TLS_V1_2016: 'TLSv1_2016',
        TLS_V1_1_2016: 'TLSv1.1_2016',
        TLS_V1_2_2018: 'TLSv1.2_2018',
        TLS_V1_2_2019: 'TLSv1.2_2019',
        TLS_V1_2_2021: 'TLSv1.2_2021',
        TLS_V1_2_2025: 'TLSv1.2_2025',
        TLS_V1_3_2025: 'TLSv1.3_2025',
        // With a certificate, TLS_V1_2_2021 (v2). Without one CloudFront's default certificate is used and no minimum can be set.
      },
      c => (c.has('certificate') ? 'TLSv1.2_2021' : ABSENT),
    ),
    opaque('certificate', ['DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn']),
    opaque('webAclId', ['DistributionConfig', 'WebACLId']),
    opaque('logBucket', ['DistributionConfig', 'Logging', 'Bucket']),
    {
      prop: 'enableLogging',
      cfn: ['DistributionConfig', 'Logging'],
      toCfn: v =>
        isTrue(v)
          ? { Bucket: new Opaque('log bucket created by CDK') }
          : v.kind === 'literal' && v.value === false
            ? ABSENT
            : v.kind === 'absent'
              ? ABSENT
              : opaqueOf(v),
    },
    opaque('geoRestriction', ['DistributionConfig', 'Restrictions']),
    opaque('additionalBehaviors', ['DistributionConfig', 'CacheBehaviors']),
  ],
};

const topic: ConstructSpec = {
  module: 'aws-sns',
  classes: ['Topic'],
  type: 'AWS::SNS::Topic',
  props: [opaque('masterKey', ['KmsMasterKeyId'])], // default: no encryption
  companions: (c, id) => tlsCompanion(c, 'AWS::SNS::TopicPolicy', 'Topics', id, 'sns:Publish'),
};

const queue: ConstructSpec = {
  module: 'aws-sqs',
  classes: ['Queue'],
  type: 'AWS::SQS::Queue',
  props: [
    enumOf(
      'encryption',
      [],
      'aws-sqs',
      'QueueEncryption',
      {
        KMS: { KmsMasterKeyId: new Opaque('queue key') },
        KMS_MANAGED: { KmsMasterKeyId: 'alias/aws/sqs' },
        SQS_MANAGED: { SqsManagedSseEnabled: true },
        UNENCRYPTED: { SqsManagedSseEnabled: false },
      },
      (c): Cfn =>
        c.has('encryptionMasterKey') ? { KmsMasterKeyId: new Opaque('queue key') } : { SqsManagedSseEnabled: true },
    ), // default SQS_MANAGED
    opaque('encryptionMasterKey', ['KmsMasterKeyId']),
  ],
  companions: (c, id) => tlsCompanion(c, 'AWS::SQS::QueuePolicy', 'Queues', id, 'sqs:*'),
};

const backupVault: ConstructSpec = {
  module: 'aws-backup',
  classes: ['BackupVault'],
  type: 'AWS::Backup::BackupVault',
  props: [
    opaque('encryptionKey', ['EncryptionKeyArn']),
    opaque('lockConfiguration', ['LockConfiguration']),
    opaque('accessPolicy', ['AccessPolicy']),
  ],
};

/** Rules of the `BackupPlan.daily…Retention()` factories: none copies recovery points elsewhere. */
export const PLAN_FACTORY_RULES: Record<string, number> = {
  daily35DayRetention: 1,
  dailyMonthly1YearRetention: 2,
  dailyWeeklyMonthly5YearRetention: 3,
  dailyWeeklyMonthly7YearRetention: 3,
};

/** `new backup.BackupPlanRule({ …, copyActions })` (or `BackupPlanRule.daily()`…) as a BackupPlanRule item. */
export function backupRuleItem(v: TsValue): Cfn {
  const item: { [key: string]: Cfn } = { RuleName: new Opaque('rule name'), TargetBackupVault: new Opaque('vault') };
  if (
    v.kind === 'call' &&
    v.ref.module === 'aws-backup' &&
    v.ref.path[0] === 'BackupPlanRule' &&
    ['daily', 'weekly', 'monthly1Year', 'monthly5Year', 'monthly7Year'].includes(v.ref.path[1])
  )
    return item;
  if (v.kind !== 'new' || v.ref.module !== 'aws-backup' || v.ref.path.join('.') !== 'BackupPlanRule')
    return opaqueOf(v);
  const props = v.args[0];
  if (props && (props.kind !== 'object' || props.spread)) return opaqueOf(props);
  const copies = propOf(props, 'copyActions');
  if (copies)
    item.CopyActions =
      copies.value.kind === 'array' && !copies.value.spread ? copies.value.items.map(opaqueOf) : opaqueOf(copies.value);
  return item;
}

const backupPlan: ConstructSpec = {
  module: 'aws-backup',
  classes: ['BackupPlan'],
  type: 'AWS::Backup::BackupPlan',
  props: [
    {
      prop: 'backupPlanRules',
      cfn: ['BackupPlan', 'BackupPlanRule'],
      toCfn: v =>
        v.kind === 'absent' ? ABSENT : v.kind === 'array' && !v.spread ? v.items.map(backupRuleItem) : opaqueOf(v),
      default: always(new Opaque('rules added with addRule()')),
    },
  ],
};

const vpc: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Vpc'],
  type: 'AWS::EC2::VPC',
  props: [opaque('ipAddresses', ['CidrBlock'])],
  companions: (c, id) => {
    const logs = c.value('flowLogs');
    if (!logs) return [];
    if (logs.kind !== 'object')
      return [
        {
          suffix: 'FlowLog',
          type: 'AWS::EC2::FlowLog',
          prop: 'flowLogs',
          properties: { ResourceId: { Ref: id }, ResourceType: 'VPC', TrafficType: new Opaque('flow log options') },
        },
      ];
    return logs.props.flatMap(p => {
      const name = `${p.key.charAt(0).toUpperCase()}${p.key.slice(1)}`;
      const out: Companion[] = [
        {
          suffix: `FlowLog${name}`,
          type: 'AWS::EC2::FlowLog',
          prop: `flowLogs`,
          properties: { ResourceId: { Ref: id }, ResourceType: 'VPC', TrafficType: flowTraffic(p.value) },
        },
      ];
      // Without a destination CDK delivers to a new log group of its own (LogGroup defaults: two years, no KMS key).
      if (p.value.kind === 'object' && !p.value.spread && !propOf(p.value, 'destination')) {
        out.push({
          suffix: `${name}LogGroup`,
          type: 'AWS::Logs::LogGroup',
          prop: 'flowLogs',
          properties: { RetentionInDays: 731 },
        });
      }
      return out;
    });
  },
};

export function flowTraffic(options: TsValue | undefined): Cfn {
  const t = propOf(options, 'trafficType');
  if (!t) return options && (options.kind !== 'object' || options.spread) ? opaqueOf(options) : 'ALL'; // default ALL
  const m = enumMember(t.value, 'aws-ec2', 'FlowLogTrafficType');
  return m ?? opaqueOf(t.value);
}

export const CONSTRUCTS: ConstructSpec[] = [
  s3Bucket,
  rdsInstance(['DatabaseInstance'], false),
  rdsInstance(['DatabaseInstanceFromSnapshot', 'DatabaseInstanceReadReplica'], true),
  rdsCluster(['DatabaseCluster'], false),
  rdsCluster(['DatabaseClusterFromSnapshot'], true),
  logGroup,
  trail,
  dynamoTable,
  dynamoTableV2,
  volume,
  instance,
  launchTemplate,
  efs,
  kmsKey,
  securityGroup,
  appListener,
  netListener,
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
export function constructSpec(module: string, cls: string): ConstructSpec | undefined {
  return byClass.get(`${module}.${cls}`);
}
