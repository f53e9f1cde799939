/** aws-rds: database instances and clusters (also from a snapshot, and read replicas). */
import { ABSENT, Opaque } from '../cfn-value';
import { enumMember, opaqueOf, propOf } from '../cdk-value';
import { always, bool, days, opaque, stringList } from './props';
import { ConstructSpec, PropSpec, SpecCtx } from './types';

/** `removalPolicy` is RETAIN: true / false; undefined when it cannot be read. */
const removalRetains = (c: SpecCtx): boolean | undefined => {
  const v = c.value('removalPolicy');
  if (!v) return false;
  const m = enumMember(v, 'core', 'RemovalPolicy');
  return m === undefined ? undefined : m === 'RETAIN';
};

const ENGINES: Record<string, string> = {
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

/** `rds.DatabaseInstanceEngine.postgres({…})` / `.POSTGRES` (and the cluster engines) → the engine name. */
const engine: PropSpec = {
  prop: 'engine',
  cfn: ['Engine'],
  toCfn: v => {
    const ref = v.kind === 'call' || v.kind === 'ref' ? v.ref : undefined;
    if (
      ref &&
      ref.module === 'aws-rds' &&
      /^Database(Instance|Cluster)Engine$/.test(ref.path[0]) &&
      ENGINES[ref.path[1]]
    )
      return ENGINES[ref.path[1]];
    return opaqueOf(v);
  },
};

/** Props instances and clusters share; `inherited`: encryption comes from the source (a snapshot, a replica). */
const common = (inherited: boolean, encryptedNote = 'true if `storageEncryptionKey`, else false'): PropSpec[] => [
  bool(
    'storageEncrypted',
    ['StorageEncrypted'],
    c => (inherited ? new Opaque('inherited from the source') : c.has('storageEncryptionKey')),
    inherited ? 'inherited from the source' : encryptedNote,
  ),
  opaque('storageEncryptionKey', ['KmsKeyId']),
  bool('iamAuthentication', ['EnableIAMDatabaseAuthentication'], always(false)),
  stringList('cloudwatchLogsExports', ['EnableCloudwatchLogsExports']),
  bool('copyTagsToSnapshot', ['CopyTagsToSnapshot'], always(true)),
  engine,
];

const instance = (classes: string[], inherited: boolean): ConstructSpec => ({
  module: 'aws-rds',
  classes,
  type: 'AWS::RDS::DBInstance',
  props: [
    ...common(inherited),
    bool('multiAz', ['MultiAZ'], always(false)),
    bool(
      'publiclyAccessible',
      ['PubliclyAccessible'],
      c => {
        const subnets = c.value('vpcSubnets');
        if (!subnets) return false;
        const type = propOf(subnets, 'subnetType');
        if (subnets.kind !== 'object' || subnets.spread) return opaqueOf(subnets);
        if (!type) return propOf(subnets, 'subnets') || propOf(subnets, 'subnetGroupName') ? opaqueOf(subnets) : false;
        const m = enumMember(type.value, 'aws-ec2', 'SubnetType');
        return m === undefined ? opaqueOf(type.value) : m === 'PUBLIC';
      },
      'true only for `vpcSubnets: { subnetType: PUBLIC }`',
    ),
    days('backupRetention', ['BackupRetentionPeriod'], always(inherited ? new Opaque('read replica / snapshot') : 1)),
    bool(
      'deletionProtection',
      ['DeletionProtection'],
      c => removalRetains(c) ?? new Opaque('removalPolicy'),
      'true if `removalPolicy: RETAIN`, else false',
    ),
    bool('autoMinorVersionUpgrade', ['AutoMinorVersionUpgrade'], always(true)),
    bool('enablePerformanceInsights', ['EnablePerformanceInsights']),
    opaque('performanceInsightEncryptionKey', ['PerformanceInsightsKMSKeyId']),
    opaque('caCertificate', ['CACertificateIdentifier']),
  ],
  removalDefault: 'SNAPSHOT',
});

const cluster = (classes: string[], inherited: boolean): ConstructSpec => ({
  module: 'aws-rds',
  classes,
  type: 'AWS::RDS::DBCluster',
  props: [
    ...common(inherited, 'true if `storageEncryptionKey`, else **false** (not true: 2.276 passes the prop through)'),
    bool(
      'deletionProtection',
      ['DeletionProtection'],
      c => {
        const r = removalRetains(c);
        return r === undefined ? new Opaque('removalPolicy') : r ? true : ABSENT;
      },
      'true if `removalPolicy: RETAIN`, else not written',
    ),
    days('backup.retention', ['BackupRetentionPeriod'], always(1)),
  ],
  removalDefault: 'SNAPSHOT',
});

export const rdsSpecs: ConstructSpec[] = [
  instance(['DatabaseInstance'], false),
  instance(['DatabaseInstanceFromSnapshot', 'DatabaseInstanceReadReplica'], true),
  cluster(['DatabaseCluster'], false),
  cluster(['DatabaseClusterFromSnapshot'], true),
];
