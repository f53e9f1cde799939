import { retentionRule } from '../support/log-retention';
import { Rule } from '../types';

export const rule: Rule = retentionRule('logs-retention-minimum', false, () => 365);
