import { FixSpec, FixValue } from '../../fixes/spec';
import { get } from '../../model/node';
import { Resource, Template } from '../../model/template';
import { arn, AUDIT_RETENTION_DAYS, logsKey, ref } from '../support/baseline';
import { logBucketIds } from '../support/log-buckets';
import { freeLogicalId, refTarget } from '../support/outcomes';
import { Rule } from '../types';

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

export const rule: Rule = {
  id: 'vpc-flow-logs',
  runsOn: ['AWS::EC2::VPC'],
  checkResource(r, ctx) {
    const covered = vpcsWithFlowLogs(ctx.template);
    if (!covered || covered.has(r.logicalId)) return;
    ctx.report({ fix: flowLogFix(ctx.template, r) });
  },
};
