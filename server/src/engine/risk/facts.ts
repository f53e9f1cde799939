/**
 * Technical facts a provider's disclosure states, read from the templates a risk file links: the regions named,
 * encryption, log retention and backups. Facts are what the templates say (property values as written, a reference
 * shown as the logical ID it points to), not judgements; the rules judge.
 */
import { Lang, t } from '../i18n/text';
import { scalarOutcomes, UNKNOWN } from '../model/evaluate';
import { at, intrinsicName, isMap, isScalar, isSeq, Node } from '../model/node';
import { Resource, Template } from '../model/template';
import { refTarget } from '../rules/support/outcomes';
import { ARN_REGION, JAPAN, REGION, REGION_KEYS } from '../rules/support/regions';
import { LinkedFile } from './links';

export type FactTopic = 'regions' | 'encryption' | 'logRetention' | 'backups';
export const FACT_TOPICS: FactTopic[] = ['regions', 'encryption', 'logRetention', 'backups'];

export interface Fact {
  topic: FactTopic;
  /** The `iac:` entry as written. */
  file: string;
  line: number;
  resource?: string;
  type?: string;
  /** `Property = value` pairs, or a sentence for facts that are not about one resource. */
  text: string;
}

type Path = (string | number)[];
interface Spec {
  topic: FactTopic;
  types: string[];
  fields: Path[];
  /** Listed even when none of the fields is written (absence is the fact, e.g. no encryption set). */
  always?: boolean;
  /** One fact per item of this list (e.g. each backup rule), the fields relative to the item. */
  each?: Path;
}

const SPECS: Spec[] = [
  {
    topic: 'encryption',
    types: ['AWS::S3::Bucket'],
    always: true,
    fields: [
      ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault', 'SSEAlgorithm'],
      ['BucketEncryption', 'ServerSideEncryptionConfiguration', 0, 'ServerSideEncryptionByDefault', 'KMSMasterKeyID'],
    ],
  },
  {
    topic: 'encryption',
    types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    always: true,
    fields: [['StorageEncrypted'], ['KmsKeyId']],
  },
  { topic: 'encryption', types: ['AWS::EC2::Volume', 'AWS::EFS::FileSystem'], always: true, fields: [['Encrypted']] },
  { topic: 'encryption', types: ['AWS::EC2::Instance'], each: ['BlockDeviceMappings'], fields: [['Ebs', 'Encrypted']] },
  {
    topic: 'encryption',
    types: ['AWS::DynamoDB::Table'],
    always: true,
    fields: [
      ['SSESpecification', 'SSEEnabled'],
      ['SSESpecification', 'KMSMasterKeyId'],
    ],
  },
  {
    topic: 'encryption',
    types: ['AWS::WorkSpaces::Workspace'],
    always: true,
    fields: [['RootVolumeEncryptionEnabled'], ['UserVolumeEncryptionEnabled']],
  },
  { topic: 'encryption', types: ['AWS::Logs::LogGroup'], always: true, fields: [['KmsKeyId']] },
  { topic: 'encryption', types: ['AWS::KMS::Key'], always: true, fields: [['EnableKeyRotation']] },
  { topic: 'encryption', types: ['AWS::CloudTrail::Trail'], always: true, fields: [['KMSKeyId']] },
  { topic: 'encryption', types: ['AWS::Backup::BackupVault'], always: true, fields: [['EncryptionKeyArn']] },
  {
    topic: 'encryption',
    types: ['AWS::ElasticLoadBalancingV2::Listener'],
    always: true,
    fields: [['Protocol'], ['SslPolicy']],
  },
  { topic: 'logRetention', types: ['AWS::Logs::LogGroup'], always: true, fields: [['RetentionInDays']] },
  {
    topic: 'logRetention',
    types: ['AWS::CloudTrail::Trail'],
    always: true,
    fields: [['IsLogging'], ['IsMultiRegionTrail'], ['EnableLogFileValidation'], ['S3BucketName']],
  },
  {
    topic: 'logRetention',
    types: ['AWS::S3::Bucket'],
    fields: [
      ['ObjectLockConfiguration', 'Rule', 'DefaultRetention', 'Mode'],
      ['ObjectLockConfiguration', 'Rule', 'DefaultRetention', 'Days'],
      ['ObjectLockConfiguration', 'Rule', 'DefaultRetention', 'Years'],
    ],
  },
  {
    topic: 'logRetention',
    types: ['AWS::S3::Bucket'],
    each: ['LifecycleConfiguration', 'Rules'],
    fields: [['Id'], ['ExpirationInDays'], ['Transitions', 0, 'StorageClass'], ['Transitions', 0, 'TransitionInDays']],
  },
  {
    topic: 'backups',
    types: ['AWS::Backup::BackupPlan'],
    each: ['BackupPlan', 'BackupPlanRule'],
    fields: [
      ['RuleName'],
      ['ScheduleExpression'],
      ['Lifecycle', 'DeleteAfterDays'],
      ['CopyActions', 0, 'DestinationBackupVaultArn'],
    ],
  },
  {
    topic: 'backups',
    types: ['AWS::Backup::BackupVault'],
    fields: [
      ['LockConfiguration', 'MinRetentionDays'],
      ['LockConfiguration', 'MaxRetentionDays'],
    ],
  },
  {
    topic: 'backups',
    types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
    always: true,
    fields: [['BackupRetentionPeriod'], ['MultiAZ'], ['DeletionProtection']],
  },
  {
    topic: 'backups',
    types: ['AWS::DynamoDB::Table'],
    always: true,
    fields: [['PointInTimeRecoverySpecification', 'PointInTimeRecoveryEnabled']],
  },
  { topic: 'backups', types: ['AWS::S3::Bucket'], fields: [['VersioningConfiguration', 'Status']] },
];

/** A property value as written: a literal, the logical ID a Ref/GetAtt names, every value a parameter allows. */
function valueText(tpl: Template, n: Node | undefined, lang: Lang): string {
  if (n === undefined) return t('notSet', lang);
  if (isScalar(n)) return n.value === null ? t('notSet', lang) : String(n.value);
  const ref = refTarget(n);
  if (ref && !tpl.parameters.has(ref.id)) return `→ ${ref.id}`;
  const values = [
    ...new Set(scalarOutcomes(tpl, n).map(o => (o.value === UNKNOWN || o.value === undefined ? '?' : String(o.value)))),
  ];
  if (values.length && !values.every(v => v === '?')) return values.join(' / ');
  return intrinsicName(n) ?? (isSeq(n) ? '[…]' : '{…}');
}

function lastKey(p: Path): string {
  const names = p.filter((x): x is string => typeof x === 'string');
  return names[names.length - 1];
}

function resourceFacts(l: LinkedFile, r: Resource, spec: Spec, lang: Lang): Fact[] {
  const tpl = l.template!;
  const props = r.properties;
  const line = tpl.lines.position(r.idStart).line + 1;
  const items: { node: Node | undefined; label?: string }[] = [];
  if (spec.each) {
    const list = at(props, spec.each);
    if (!isSeq(list)) return [];
    list.items.forEach((node, i) => items.push({ node, label: `${lastKey(spec.each!)}[${i}]` }));
  } else items.push({ node: props });
  const out: Fact[] = [];
  for (const it of items) {
    const written = spec.fields.map(f => at(it.node, f));
    if (!spec.always && written.every(v => v === undefined)) continue;
    const pairs = spec.fields
      .map((f, i) => ({ f, v: written[i] }))
      .filter(x => x.v !== undefined || spec.always)
      .map(x => `${lastKey(x.f)} = ${valueText(tpl, x.v, lang)}`);
    const text = (it.label ? `${it.label}: ` : '') + pairs.join(', ');
    out.push({ topic: spec.topic, file: l.path.text, line, resource: r.logicalId, type: r.type, text });
  }
  return out;
}

/** Region names written in a template (region properties and ARNs), each once per resource. */
function regionFacts(l: LinkedFile, lang: Lang): Fact[] {
  const tpl = l.template!;
  const out: Fact[] = [];
  for (const r of tpl.resources) {
    const found = new Set<string>();
    const visit = (n: Node | undefined, key?: string) => {
      if (!n) return;
      if (key && REGION_KEYS.has(key))
        for (const v of isSeq(n) ? n.items : [n])
          for (const o of scalarOutcomes(tpl, v))
            if (o.value !== UNKNOWN && o.value !== undefined && REGION.test(String(o.value)))
              found.add(String(o.value));
      if (isScalar(n) && typeof n.value === 'string') for (const m of n.value.matchAll(ARN_REGION)) found.add(m[2]);
      if (isMap(n)) for (const e of n.entries) visit(e.value, e.key);
      else if (isSeq(n)) for (const item of n.items) visit(item);
    };
    visit(r.properties);
    for (const region of [...found].sort())
      out.push({
        topic: 'regions',
        file: l.path.text,
        line: tpl.lines.position(r.idStart).line + 1,
        resource: r.logicalId,
        type: r.type,
        text: t(JAPAN.has(region) ? 'factRegionJapan' : 'factRegionAbroad', lang, { region }),
      });
  }
  if (!out.length)
    out.push({ topic: 'regions', file: l.path.text, line: 1, text: t('factRegionNone', lang, { file: l.path.text }) });
  return out;
}

/** The facts of every template the risk file links, topic by topic, in template order. */
export function templateFacts(links: LinkedFile[], lang: Lang): Fact[] {
  const out: Fact[] = [];
  for (const l of links.filter(x => x.template)) {
    out.push(...regionFacts(l, lang));
    for (const spec of SPECS)
      for (const r of l.template!.resources)
        if (spec.types.includes(r.type)) out.push(...resourceFacts(l, r, spec, lang));
  }
  return FACT_TOPICS.flatMap(topic => out.filter(f => f.topic === topic));
}
