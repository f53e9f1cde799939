/** aws-s3: `Bucket`. */
import { ABSENT, Cfn, Opaque } from '../cfn-value';
import { durationDays, enumMember, isNew, isTrue, literalOr, opaqueOf, propOf, staticMethod } from '../cdk-value';
import { durationOfDays, invoke, member } from './fix-expr';
import { policyStatement } from './iam';
import { always, bool, enumOf, opaque, str, whenTrue } from './props';
import { S3_BUCKET_POLICY } from './tls-policy';
import { ConstructSpec, PropSpec } from './types';

const SSE = ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault'];
const ALL_BLOCKED = {
  BlockPublicAcls: true,
  BlockPublicPolicy: true,
  IgnorePublicAcls: true,
  RestrictPublicBuckets: true,
};
/** Keys BlockPublicAccess leaves unset: CDK fills them only under @aws-cdk/aws-s3:publicAccessBlockedByDefault. */
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
    const options = isNew(v, 'aws-s3', 'BlockPublicAccess') ? v.args[0] : undefined;
    if (options?.kind === 'object' && !options.spread) {
      const out: Record<string, Cfn> = {};
      for (const k of Object.keys(ALL_BLOCKED)) {
        const p = propOf(options, k[0].toLowerCase() + k.slice(1));
        out[k] = p ? literalOr(p.value, 'boolean') : FLAGGED;
      }
      return out;
    }
    return opaqueOf(v);
  },
  // CDK's doc: "CloudFormation defaults will apply" — it writes nothing; the CloudFormation rules judge absence.
  default: always(ABSENT),
  note:
    'documented "CloudFormation defaults will apply"; `BLOCK_ACLS` leaves two switches to the ' +
    '`@aws-cdk/aws-s3:publicAccessBlockedByDefault` flag (unknown)',
  fix: want => (want.every(w => w.value === true) ? member('aws-s3', 'BlockPublicAccess', 'BLOCK_ALL') : undefined),
};

/** `s3.ObjectLockRetention.governance(cdk.Duration.days(n))` / `.compliance(…)` → ObjectLockConfiguration. */
const objectLockRetention: PropSpec = {
  prop: 'objectLockDefaultRetention',
  cfn: ['ObjectLockConfiguration'],
  toCfn: v => {
    if (v.kind === 'absent') return ABSENT;
    const mode = staticMethod(v, 'aws-s3', 'ObjectLockRetention');
    if (v.kind !== 'call' || (mode !== 'governance' && mode !== 'compliance')) return opaqueOf(v);
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
  note: '`ObjectLockRetention.governance/compliance(Duration)` → `ObjectLockConfiguration`',
  fix: want => {
    const get = (k: string) => want.find(w => w.path.join('.') === k)?.value;
    const mode = get('Rule.DefaultRetention.Mode');
    const d = get('Rule.DefaultRetention.Days');
    const known = new Set(['ObjectLockEnabled', 'Rule.DefaultRetention.Mode', 'Rule.DefaultRetention.Days']);
    if (!want.every(w => known.has(w.path.join('.'))) || (get('ObjectLockEnabled') ?? 'Enabled') !== 'Enabled')
      return undefined;
    if ((mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') || typeof d !== 'number' || !Number.isInteger(d))
      return undefined;
    return invoke('aws-s3', ['ObjectLockRetention', mode.toLowerCase()], durationOfDays(d));
  },
};

export const bucket: ConstructSpec = {
  module: 'aws-s3',
  classes: ['Bucket'],
  type: 'AWS::S3::Bucket',
  props: [
    enumOf(
      'encryption',
      [...SSE, 'SSEAlgorithm'],
      ['aws-s3', 'BucketEncryption'],
      {
        KMS: 'aws:kms',
        KMS_MANAGED: 'aws:kms',
        S3_MANAGED: 'AES256',
        DSSE: 'aws:kms:dsse',
        DSSE_MANAGED: 'aws:kms:dsse',
        UNENCRYPTED: ABSENT,
      },
      c => (c.has('encryptionKey') ? 'aws:kms' : 'AES256'),
      '`KMS` if `encryptionKey`, else `S3_MANAGED` (`AES256`). CDK 2.276 writes no `BucketEncryption` for ' +
        'S3_MANAGED; the service applies SSE-S3 (since 2023). Source analysis reports `s3-bucket-kms`, the ' +
        'synthesized template `s3-bucket-encryption`.',
    ),
    opaque('encryptionKey', [...SSE, 'KMSMasterKeyID']),
    bool('bucketKeyEnabled', ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'BucketKeyEnabled']),
    blockPublicAccess,
    whenTrue(
      'versioned',
      ['VersioningConfiguration', 'Status'],
      'Enabled',
      c => (isTrue(c.value('objectLockEnabled')) ? 'Enabled' : ABSENT),
      'false, unless `objectLockEnabled` is true',
    ),
    bool(
      'objectLockEnabled',
      ['ObjectLockEnabled'],
      c => (c.has('objectLockDefaultRetention') ? true : ABSENT),
      'false, unless a default retention is given',
    ),
    objectLockRetention,
    opaque('serverAccessLogsBucket', ['LoggingConfiguration', 'DestinationBucketName']),
    str('serverAccessLogsPrefix', ['LoggingConfiguration', 'LogFilePrefix']),
    opaque('lifecycleRules', ['LifecycleConfiguration']),
    str('bucketName', ['BucketName']),
  ],
  removalDefault: 'RETAIN',
  enforceSSL: { ...S3_BUCKET_POLICY, action: 's3:*' },
  methods: [
    {
      kind: 'policy',
      name: 'addToResourcePolicy',
      policy: S3_BUCKET_POLICY,
      statement: policyStatement,
    },
  ],
};
