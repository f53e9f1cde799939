import { get, scalarString } from '../../model/node';
import { requireTrue } from '../support/outcomes';
import { Rule } from '../types';

/** Automatic yearly rotation; only symmetric keys whose material KMS generated can rotate automatically. */
export const rule: Rule = {
  id: 'kms-key-rotation',
  runsOn: ['AWS::KMS::Key'],
  checkResource(r, ctx) {
    const spec = get(r.properties, 'KeySpec');
    if (spec !== undefined && scalarString(spec) !== 'SYMMETRIC_DEFAULT') return;
    const origin = get(r.properties, 'Origin');
    if (origin !== undefined && scalarString(origin) !== 'AWS_KMS') return;
    requireTrue(ctx, r, ['EnableKeyRotation']);
  },
};
