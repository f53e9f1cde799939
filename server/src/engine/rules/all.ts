import { Rule } from './types';
import { s3Rules } from './s3';
import { s3ProtectionRules } from './s3-protection';
import { storageEncryptionRules } from './encryption-storage';
import { dataEncryptionRules } from './encryption-data';
import { transitRules } from './transit';
import { rdsTlsRules } from './rds-tls';
import { backupRules } from './backup';
import { loggingRules } from './logging';
import { networkRules } from './network';
import { identityRules } from './identity';
import { detectionRules } from './detection';
import { regionRules } from './region';

/** Every CloudFormation rule family. Each family lives in its own file. */
export const ALL_RULES: Rule[] = [
  ...s3Rules,
  ...s3ProtectionRules,
  ...storageEncryptionRules,
  ...dataEncryptionRules,
  ...transitRules,
  ...rdsTlsRules,
  ...backupRules,
  ...loggingRules,
  ...networkRules,
  ...identityRules,
  ...detectionRules,
  ...regionRules,
];
