import { auditRetentionDays } from '../../model/types';
import { retentionRule } from '../support/log-retention';
import { Rule } from '../types';

/** Audit log groups keep logs for the configured audit-log retention (`iryoGuard.auditLogRetentionDays`). */
export const rule: Rule = retentionRule('logs-audit-retention', true, auditRetentionDays);
