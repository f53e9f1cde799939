import { get, scalarString } from '../../model/node';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'iam-access-key',
  runsOn: ['AWS::IAM::AccessKey'],
  checkResource(r, ctx) {
    if (scalarString(get(r.properties, 'Status')) === 'Inactive') return;
    ctx.report({});
  },
};
