import { entryOf } from '../../model/node';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'iam-user-console-login',
  runsOn: ['AWS::IAM::User'],
  checkResource(r, ctx) {
    const profile = entryOf(r.properties, 'LoginProfile');
    if (profile) ctx.report({ at: { start: profile.keyStart, end: profile.keyEnd } });
  },
};
