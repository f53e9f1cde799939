import { AUDIT_RETENTION_DAYS } from '../support/baseline';
import { retentionRule } from '../support/log-retention';
import { Rule } from '../types';

export const rule: Rule = retentionRule('logs-audit-retention', true, AUDIT_RETENTION_DAYS);
