/** Database connections must be TLS-only; RDS enforces that through a parameter of the DB's parameter group. */

export interface TlsParameter {
  name: string;
  required: string;
  accepted: string[];
}

export const FORCE_SSL: TlsParameter = { name: 'rds.force_ssl', required: '1', accepted: ['1', 'true'] };

export const SECURE_TRANSPORT: TlsParameter = {
  name: 'require_secure_transport',
  required: 'ON',
  accepted: ['on', '1', 'true'],
};

/**
 * The TLS parameter for an engine or parameter-group family (`postgres16`, `aurora-mysql8.0`, `sqlserver-se-15.0`…).
 */
export function tlsParameterFor(family: string): TlsParameter | undefined {
  if (/^(aurora-)?postgres/.test(family) || family.startsWith('sqlserver')) return FORCE_SSL;
  if (/^(aurora-)?mysql|^aurora$|^mariadb/.test(family)) return SECURE_TRANSPORT;
  return undefined; // Oracle and Db2 configure TLS through option groups or listeners
}
