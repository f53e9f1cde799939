import { FixSpec } from '../../fixes/spec';
import { get } from '../../model/node';
import { resourcesOfType } from '../../model/template';
import { arn } from '../support/baseline';
import { anchorOf, mentions, propertyOutcomes, UNKNOWN } from '../support/outcomes';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'cloudtrail-cloudwatch-logs',
  runsOn: ['AWS::CloudTrail::Trail'],
  checkResource(r, ctx) {
    for (const o of propertyOutcomes(ctx, r, ['CloudWatchLogsLogGroupArn'])) {
      if (o.value === UNKNOWN || (o.value !== undefined && o.value !== '')) continue;
      const t = ctx.template;
      const role = resourcesOfType(t, 'AWS::IAM::Role').find(x =>
        mentions(get(x.properties, 'AssumeRolePolicyDocument'), 'cloudtrail.amazonaws.com'),
      );
      const group = resourcesOfType(t, 'AWS::Logs::LogGroup').find(x => /trail|audit/i.test(x.logicalId));
      const fix: FixSpec | undefined =
        role && group && !o.via.length && get(r.properties, 'CloudWatchLogsRoleArn') === undefined
          ? {
              kind: 'set',
              resource: r,
              path: ['Properties', 'CloudWatchLogsLogGroupArn'],
              value: arn(group.logicalId),
              also: [
                { kind: 'set', resource: r, path: ['Properties', 'CloudWatchLogsRoleArn'], value: arn(role.logicalId) },
              ],
            }
          : undefined;
      ctx.report({ at: anchorOf(r, o), via: o.via, fix });
    }
  },
};
