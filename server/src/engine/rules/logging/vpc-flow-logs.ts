import { FixSpec, FixValue } from '../../fixes/spec';
import { Resource } from '../../model/template';
import { arn, auditRetention, logsKey, ref } from '../support/baseline';
import { templateLogBuckets } from '../support/log-buckets';
import { freeLogicalId } from '../support/outcomes';
import { Rule, RuleContext } from '../types';

/** A flow log to the template's log bucket, else to a new encrypted log group kept for `days`. */
function flowLogFix(ctx: RuleContext, vpc: Resource, days: number): FixSpec {
  const t = ctx.template;
  const logId = freeLogicalId(t, `${vpc.logicalId}FlowLog`);
  const bucket = templateLogBuckets(ctx)[0];
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
          Properties: { RetentionInDays: days, KmsKeyId: arn(key.keyId) },
        },
      },
      { kind: 'addResource', logicalId: roleId, body: role },
      ...key.specs,
    ],
  };
}

export const rule: Rule = {
  id: 'vpc-flow-logs',
  runsOn: ['AWS::EC2::VPC'],
  checkResource(r, ctx) {
    // Flow logs anywhere in the project (a monitoring stack importing the VPC counts); one whose target cannot be
    // followed may be this VPC's, so then nothing is reported.
    if (ctx.project.referrers(r, { types: ['AWS::EC2::FlowLog'], path: 'ResourceId' }).length) return;
    if (ctx.project.unresolved('AWS::EC2::FlowLog', 'ResourceId')) return;
    ctx.report({ fix: flowLogFix(ctx, r, auditRetention(ctx.settings)) });
  },
};
