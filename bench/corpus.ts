/**
 * Deterministic generator of realistic CloudFormation templates in the shapes projects use: VPC + ALB + EC2 + RDS,
 * serverless APIs (SAM) with DynamoDB, data-lake buckets, account baselines, parameter- and Fn::If-heavy templates,
 * in YAML and JSON. Used by the corpus test (no crash, no exit 2) and by the benchmarks.
 */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 0x100000000;
  };
}

type Obj = Record<string, unknown>;
const ref = (x: string) => ({ Ref: x });
const getAtt = (x: string, a: string) => ({ 'Fn::GetAtt': [x, a] });
const sub = (s: string) => ({ 'Fn::Sub': s });

function bucket(r: () => number, name: string, compliant: boolean): Obj {
  const props: Obj = {};
  if (compliant || r() < 0.5)
    props.BucketEncryption = {
      ServerSideEncryptionConfiguration: [
        { ServerSideEncryptionByDefault: { SSEAlgorithm: compliant || r() < 0.5 ? 'aws:kms' : 'AES256' } },
      ],
    };
  if (compliant || r() < 0.6)
    props.PublicAccessBlockConfiguration = {
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    };
  if (compliant || r() < 0.5) props.VersioningConfiguration = { Status: 'Enabled' };
  props.Tags = [{ Key: 'system', Value: name }];
  return { Type: 'AWS::S3::Bucket', Properties: props };
}

function webStack(r: () => number, i: number, compliant: boolean): Obj {
  const res: Obj = {
    Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: `10.${i % 250}.0.0/16` } },
    SubnetA: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: `10.${i % 250}.1.0/24` } },
    SubnetB: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: ref('Vpc'), CidrBlock: `10.${i % 250}.2.0/24` } },
    AlbSg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'alb',
        VpcId: ref('Vpc'),
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0' }],
      },
    },
    AppSg: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'app',
        VpcId: ref('Vpc'),
        SecurityGroupIngress: [
          { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, CidrIp: compliant || r() < 0.5 ? '10.0.0.0/8' : '0.0.0.0/0' },
        ],
      },
    },
    Alb: {
      Type: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
      Properties: { Subnets: [ref('SubnetA'), ref('SubnetB')], SecurityGroups: [ref('AlbSg')] },
    },
    Listener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: ref('Alb'),
        Port: 443,
        Protocol: compliant || r() < 0.6 ? 'HTTPS' : 'HTTP',
        SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        Certificates: [{ CertificateArn: ref('Cert') }],
        DefaultActions: [{ Type: 'forward', TargetGroupArn: ref('Tg') }],
      },
    },
    Tg: {
      Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
      Properties: { VpcId: ref('Vpc'), Port: 8080, Protocol: 'HTTP' },
    },
    Lt: {
      Type: 'AWS::EC2::LaunchTemplate',
      Properties: {
        LaunchTemplateData: {
          ImageId: 'ami-0123456789abcdef0',
          MetadataOptions: { HttpTokens: compliant || r() < 0.5 ? 'required' : 'optional' },
          BlockDeviceMappings: [
            { DeviceName: '/dev/xvda', Ebs: { VolumeSize: 20, Encrypted: compliant || r() < 0.5 } },
          ],
        },
      },
    },
    Db: {
      Type: 'AWS::RDS::DBInstance',
      Properties: {
        Engine: 'postgres',
        DBInstanceClass: 'db.t4g.medium',
        AllocatedStorage: '20',
        MasterUsername: 'app',
        ManageMasterUserPassword: true,
        StorageEncrypted: compliant || r() < 0.5,
        MultiAZ: compliant || r() < 0.5,
        BackupRetentionPeriod: compliant ? 14 : Math.floor(r() * 10),
        DeletionProtection: compliant || r() < 0.5,
        PubliclyAccessible: !compliant && r() < 0.2,
      },
    },
    Images: bucket(r, `images-${i}`, compliant),
  };
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Web stack ${i}`,
    Parameters: { Cert: { Type: 'String' } },
    Resources: res,
    Outputs: { Url: { Value: getAtt('Alb', 'DNSName') } },
  };
}

function serverless(r: () => number, i: number, compliant: boolean): Obj {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Transform: 'AWS::Serverless-2016-10-31',
    Resources: {
      Api: { Type: 'AWS::Serverless::Api', Properties: { StageName: 'prod' } },
      Handler: {
        Type: 'AWS::Serverless::Function',
        Properties: {
          Runtime: 'nodejs20.x',
          Handler: 'index.handler',
          CodeUri: 'src/',
          Environment: { Variables: { TABLE: ref('Table') } },
        },
      },
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: {
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          ...(compliant || r() < 0.5 ? { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } } : {}),
          ...(compliant || r() < 0.5 ? { SSESpecification: { SSEEnabled: true, SSEType: 'KMS' } } : {}),
        },
      },
      Queue: { Type: 'AWS::SQS::Queue', Properties: compliant || r() < 0.5 ? { KmsMasterKeyId: 'alias/aws/sqs' } : {} },
      Topic: { Type: 'AWS::SNS::Topic', Properties: compliant || r() < 0.5 ? { KmsMasterKeyId: 'alias/aws/sns' } : {} },
      Logs: {
        Type: 'AWS::Logs::LogGroup',
        Properties: {
          LogGroupName: sub(`/app/${i}/audit`),
          RetentionInDays: compliant ? 1827 : [30, 90, 365, 1827][Math.floor(r() * 4)],
        },
      },
    },
  };
}

function dataLake(r: () => number, i: number, compliant: boolean): Obj {
  const res: Obj = { LakeKey: { Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: compliant || r() < 0.5 } } };
  const n = 3 + Math.floor(r() * 8);
  for (let b = 0; b < n; b++) res[`Zone${b}`] = bucket(r, `lake-${i}-${b}`, compliant);
  return { AWSTemplateFormatVersion: '2010-09-09', Description: 'Data lake', Resources: res };
}

function baseline(r: () => number, i: number, compliant: boolean): Obj {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Account baseline ${i}`,
    Resources: {
      TrailBucket: bucket(r, 'trail', compliant),
      Trail: {
        Type: 'AWS::CloudTrail::Trail',
        Properties: {
          IsLogging: true,
          S3BucketName: ref('TrailBucket'),
          IsMultiRegionTrail: compliant || r() < 0.5,
          EnableLogFileValidation: compliant || r() < 0.5,
        },
      },
      Detector: { Type: 'AWS::GuardDuty::Detector', Properties: { Enable: compliant || r() < 0.8 } },
      Recorder: {
        Type: 'AWS::Config::ConfigurationRecorder',
        Properties: { RoleARN: 'arn:aws:iam::123456789012:role/config', RecordingGroup: { AllSupported: true } },
      },
      ...(compliant || r() < 0.5 ? { Hub: { Type: 'AWS::SecurityHub::Hub', Properties: {} } } : {}),
    },
  };
}

function conditional(r: () => number, i: number): Obj {
  const params: Obj = {};
  const conds: Obj = {};
  const res: Obj = {};
  const n = 5 + Math.floor(r() * 15);
  for (let k = 0; k < n; k++) {
    params[`Flag${k}`] = { Type: 'String', AllowedValues: ['true', 'false'], Default: 'true' };
    conds[`On${k}`] = { 'Fn::Equals': [ref(`Flag${k}`), 'true'] };
    res[`Db${k}`] = {
      Type: 'AWS::RDS::DBInstance',
      Condition: `On${k}`,
      Properties: {
        Engine: 'mysql',
        DBInstanceClass: 'db.t3.micro',
        AllocatedStorage: '20',
        StorageEncrypted: {
          'Fn::If': [`On${k}`, ref(`Flag${(k + 1) % n}`), { 'Fn::If': [`On${(k + 2) % n}`, true, false] }],
        },
        BackupRetentionPeriod: { 'Fn::If': [`On${k}`, 7, { Ref: 'AWS::NoValue' }] },
      },
    };
  }
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Conditional ${i}`,
    Parameters: params,
    Conditions: conds,
    Resources: res,
  };
}

const SHAPES = [webStack, serverless, dataLake, baseline];

/** `count` templates: `{ name, text }`, alternating YAML and JSON, ~1 in 5 compliant-by-construction. */
export function generateCorpus(count: number, seed = 42): { name: string; text: string }[] {
  const r = rng(seed);
  const out: { name: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const compliant = r() < 0.2;
    const t = kind === 4 ? conditional(r, i) : SHAPES[kind](r, i, compliant);
    const json = i % 2 === 1;
    out.push({
      name: `t${String(i).padStart(4, '0')}-${['web', 'sls', 'lake', 'base', 'cond'][kind]}.${json ? 'json' : 'yaml'}`,
      text: json ? JSON.stringify(t, null, 2) + '\n' : toYaml(t),
    });
  }
  return out;
}

/** YAML with CloudFormation short-form tags, as people write it. */
export function toYaml(v: unknown, indent = 0): string {
  const pad = ' '.repeat(indent);
  if (v === null || typeof v !== 'object') return `${scalar(v)}\n`;
  if (Array.isArray(v)) {
    if (!v.length) return '[]\n';
    return v
      .map(x => {
        const body = toYaml(x, indent + 2);
        return x !== null && typeof x === 'object' && !isShort(x) ? `${pad}- ${body.trimStart()}` : `${pad}- ${body}`;
      })
      .join('');
  }
  const o = v as Obj;
  if (isShort(o)) return `${short(o)}\n`;
  const keys = Object.keys(o);
  if (!keys.length) return '{}\n';
  return keys
    .map(k => {
      const x = o[k];
      if (x !== null && typeof x === 'object' && !isShort(x) && Object.keys(x as object).length)
        return `${pad}${k}:\n${toYaml(x, indent + 2)}`;
      return `${pad}${k}: ${toYaml(x, indent + 2).trimStart()}`;
    })
    .join('');
}

function isShort(x: unknown): x is Obj {
  if (!x || typeof x !== 'object' || Array.isArray(x)) return false;
  const k = Object.keys(x);
  return k.length === 1 && (k[0] === 'Ref' || ['Fn::GetAtt', 'Fn::Sub', 'Fn::If', 'Fn::Equals'].includes(k[0]));
}

function short(o: Obj): string {
  const [k] = Object.keys(o);
  const v = o[k];
  const tag = k === 'Ref' ? '!Ref' : `!${k.slice(4)}`;
  const flow = (x: unknown): string =>
    isShort(x)
      ? short(x)
      : Array.isArray(x)
        ? `[${x.map(flow).join(', ')}]`
        : x !== null && typeof x === 'object'
          ? JSON.stringify(x)
          : scalar(x);
  if (k === 'Fn::GetAtt' && Array.isArray(v)) return `${tag} ${v.join('.')}`;
  return `${tag} ${flow(v)}`;
}

function scalar(v: unknown): string {
  if (typeof v === 'string')
    return /^[A-Za-z0-9_/.-][A-Za-z0-9_ /.:-]*$/.test(v) &&
      !/^(true|false|null|yes|no|\d[\d.]*)$/i.test(v) &&
      !/: /.test(v)
      ? v
      : JSON.stringify(v);
  return String(v);
}

/** A template of roughly `lines` lines made of many web stacks' resources (for latency benchmarks). */
export function largeTemplate(lines: number, seed = 7): string {
  const r = rng(seed);
  const res: Obj = {};
  let i = 0;
  let text = '';
  while (text.split('\n').length < lines) {
    const stack = webStack(r, i, r() < 0.3) as { Resources: Obj };
    for (const [k, v] of Object.entries(stack.Resources)) res[`${k}${i}`] = v;
    i++;
    if (i % 10 === 0 || text === '')
      text = toYaml({
        AWSTemplateFormatVersion: '2010-09-09',
        Parameters: { Cert: { Type: 'String' } },
        Resources: res,
      });
  }
  return toYaml({ AWSTemplateFormatVersion: '2010-09-09', Parameters: { Cert: { Type: 'String' } }, Resources: res });
}
