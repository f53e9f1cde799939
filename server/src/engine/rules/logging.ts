import { get, isScalar, isSeq, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import { arn, AUDIT_RETENTION_DAYS, logsKey, ref } from './baseline';
import { cloudTrailRules } from './cloudtrail';
import { anchorOf, asNumber, freeLogicalId, propertyOutcomes, refTarget, UNKNOWN } from './helpers';
import { logBucketIds, logBucketRules } from './logbuckets';
import { FixSpec, FixValue } from '../fixes/spec';
import { Rule } from './types';

/**
 * VPCs covered by a flow log in this template. `undefined` when some flow log's target cannot be read
 * (`!GetAtt`, `!ImportValue`, a parameter): then no VPC is reported.
 */
function vpcsWithFlowLogs(t: Template): Set<string> | undefined {
  const covered = new Set<string>();
  for (const r of t.resources) {
    if (r.type !== 'AWS::EC2::FlowLog') continue;
    const node = get(r.properties, 'ResourceId');
    const target = refTarget(node);
    if (!target || target.attribute || !t.byId.has(target.id)) return undefined;
    covered.add(target.id);
  }
  return covered;
}

function flowLogFix(t: Template, vpc: Resource): FixSpec {
  const logId = freeLogicalId(t, `${vpc.logicalId}FlowLog`);
  const bucket = [...logBucketIds(t).all][0];
  const base: Record<string, FixValue> = { ResourceId: ref(vpc.logicalId), ResourceType: 'VPC', TrafficType: 'ALL' };
  if (bucket) {
    return {
      kind: 'addResource',
      logicalId: logId,
      body: {
        Type: 'AWS::EC2::FlowLog',
        Properties: { ...base, LogDestinationType: 's3', LogDestination: arn(bucket) },
      },
    };
  }
  const groupId = freeLogicalId(t, `${vpc.logicalId}FlowLogGroup`);
  const key = logsKey(t, 'FlowLogKey');
  const roleId = freeLogicalId(t, `${vpc.logicalId}FlowLogRole`);
  const role: FixValue = {
    Type: 'AWS::IAM::Role',
    Properties: {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'vpc-flow-logs.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      },
      Policies: [
        {
          PolicyName: 'DeliverFlowLogs',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Effect: 'Allow',
                Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
                Resource: arn(groupId),
              },
            ],
          },
        },
      ],
    },
  };
  return {
    kind: 'addResource',
    logicalId: logId,
    body: {
      Type: 'AWS::EC2::FlowLog',
      Properties: {
        ...base,
        LogDestinationType: 'cloud-watch-logs',
        LogGroupName: ref(groupId),
        DeliverLogsPermissionArn: arn(roleId),
      },
    },
    also: [
      {
        kind: 'addResource',
        logicalId: groupId,
        body: {
          Type: 'AWS::Logs::LogGroup',
          Properties: { RetentionInDays: AUDIT_RETENTION_DAYS, KmsKeyId: arn(key.keyId) },
        },
      },
      { kind: 'addResource', logicalId: roleId, body: role },
      ...key.specs,
    ],
  };
}

const flowLogs: Rule = {
  id: 'vpc-flow-logs',
  resourceTypes: ['AWS::EC2::VPC'],
  checkResource(r, ctx) {
    const covered = vpcsWithFlowLogs(ctx.template);
    if (!covered || covered.has(r.logicalId)) return;
    ctx.report({ fix: flowLogFix(ctx.template, r) });
  },
};

/** Log types that carry who-did-what for each engine family. */
function auditLogTypes(engine: string): { required: string; all: string[] } | undefined {
  const e = engine.toLowerCase();
  if (e.includes('postgres')) return { required: 'postgresql', all: ['postgresql'] };
  if (e.includes('mysql') || e.includes('mariadb') || e === 'aurora')
    return { required: 'audit', all: ['audit', 'error', 'general', 'slowquery'] };
  if (e.startsWith('oracle')) return { required: 'audit', all: ['alert', 'audit', 'listener', 'trace'] };
  if (e.startsWith('sqlserver')) return { required: 'error', all: ['agent', 'error'] };
  return undefined;
}

const rdsLogExports: Rule = {
  id: 'rds-log-exports',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  checkResource(r, ctx) {
    if (r.type === 'AWS::RDS::DBInstance' && get(r.properties, 'DBClusterIdentifier') !== undefined) return; // the cluster exports
    const engines = propertyOutcomes(ctx, r, ['Engine']);
    if (engines.some(o => o.value === UNKNOWN)) return;
    const engine = engines.map(o => (o.value === undefined ? '' : String(o.value))).find(Boolean) ?? '';
    const types = auditLogTypes(engine);
    if (!types || engines.some(o => String(o.value ?? '') !== engine)) return;
    const exports = get(r.properties, 'EnableCloudwatchLogsExports');
    if (exports !== undefined && !isSeq(exports)) return; // an intrinsic: unknown
    const written = exports?.items.map(i => (isScalar(i) ? scalarString(i) : undefined)) ?? [];
    if (written.some(w => w === undefined)) return;
    if (written.includes(types.required)) return;
    ctx.report({
      at: exports ?? { start: r.idStart, end: r.idEnd },
      args: { engine, value: types.required },
      fix: {
        kind: 'set',
        resource: r,
        path: ['Properties', 'EnableCloudwatchLogsExports'],
        value: [...new Set([...(written as string[]), ...types.all])],
      },
    });
  },
};

const AUDIT_NAME = /audit|trail|flow|access/i;

/**
 * Audit log groups keep 5 years; any other log group keeps at least one year.
 * Absent retention means the group never expires, which satisfies both.
 */
function retentionRule(id: string, forAuditGroups: boolean, min: number): Rule {
  return {
    id,
    resourceTypes: ['AWS::Logs::LogGroup'],
    checkResource(r, ctx) {
      const name = scalarString(get(r.properties, 'LogGroupName')) ?? '';
      if ((AUDIT_NAME.test(r.logicalId) || AUDIT_NAME.test(name)) !== forAuditGroups) return;
      for (const o of propertyOutcomes(ctx, r, ['RetentionInDays'])) {
        const days = asNumber(o.value);
        if (days === UNKNOWN || days === undefined || days >= min) continue;
        ctx.report({
          at: anchorOf(r, o),
          via: o.via,
          args: { value: days, min },
          fix: o.via.length || !o.anchor ? undefined : { kind: 'replace', node: o.anchor, value: min },
        });
      }
    },
  };
}

export const loggingRules: Rule[] = [
  ...cloudTrailRules,
  ...logBucketRules,
  flowLogs,
  rdsLogExports,
  retentionRule('logs-audit-retention', true, AUDIT_RETENTION_DAYS),
  retentionRule('logs-retention-minimum', false, 365),
];
