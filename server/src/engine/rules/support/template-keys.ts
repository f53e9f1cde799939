import { FixSpec } from '../../fixes/spec';
import { phrase } from '../../i18n/text';
import { Resource, resourcesOfType } from '../../model/template';
import { RuleContext } from '../types';

/** One fix per KMS key defined in the template: point the property at that key's ARN. */
export function useTemplateKeys(
  ctx: RuleContext,
  r: Resource,
  path: string[],
  title: 'useKmsKey' | 'useKmsKeyAllowingLogs' = 'useKmsKey',
): FixSpec[] {
  return resourcesOfType(ctx.template, 'AWS::KMS::Key').map(k => ({
    kind: 'set',
    resource: r,
    path: ['Properties', ...path],
    value: { 'Fn::GetAtt': [k.logicalId, 'Arn'] },
    title: phrase(title, { key: k.logicalId }),
  }));
}
