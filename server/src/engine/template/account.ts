import { get, scalarString } from '../model/node';
import { Template } from '../model/template';

const ACCOUNT_LEVEL_TYPES =
  /^AWS::(CloudTrail::Trail|GuardDuty::Detector|Config::(ConfigurationRecorder|DeliveryChannel)|SecurityHub::Hub|Organizations::.*|AccessAnalyzer::Analyzer)$/;

/** Does this template set up an account (baseline / landing zone), so account-level rules apply? */
export function isAccountBaseline(t: Template): boolean {
  const flag = get(get(t.metadata, 'iryo-guard'), 'accountBaseline');
  if (flag && scalarString(flag) !== undefined) return scalarString(flag) === 'true';
  return t.resources.some(r => ACCOUNT_LEVEL_TYPES.test(r.type));
}
