import { FixSpec, FixValue } from '../../fixes/spec';
import { get, intrinsicName, isScalar, Node, scalarString } from '../../model/node';
import { Resource, resourcesOfType, Template } from '../../model/template';
import { freeLogicalId } from '../support/outcomes';

import { phrase } from '../../i18n/text';

import { Rule } from '../types';

function secretFix(t: Template, r: Resource, value: Node): FixSpec {
  const existing = resourcesOfType(t, 'AWS::SecretsManager::Secret').find(
    x => get(x.properties, 'GenerateSecretString') !== undefined,
  );
  const secretId = existing?.logicalId ?? freeLogicalId(t, `${r.logicalId}Secret`);
  const resolve: FixValue = { 'Fn::Sub': `{{resolve:secretsmanager:\${${secretId}}:SecretString:password}}` };
  if (existing) return { kind: 'replace', node: value, value: resolve };
  const user = scalarString(get(r.properties, 'MasterUsername')) ?? 'dbadmin';
  const secret: FixValue = {
    Type: 'AWS::SecretsManager::Secret',
    Properties: {
      Description: `Master credentials for ${r.logicalId}`,
      GenerateSecretString: {
        SecretStringTemplate: JSON.stringify({ username: user }),
        GenerateStringKey: 'password',
        PasswordLength: 32,
        ExcludeCharacters: '"@/\\',
      },
    },
  };
  return {
    kind: 'replace',
    node: value,
    value: resolve,
    also: [{ kind: 'addResource', logicalId: secretId, body: secret }],
  };
}

/** `MasterUserPassword` written in the template or taken from a parameter that echoes. */
function plaintextPassword(t: Template, n: Node): { why: 'literal' | 'echo' | 'default'; param?: string } | undefined {
  if (isScalar(n)) {
    const s = scalarString(n) ?? '';
    return s.startsWith('{{resolve:') ? undefined : { why: 'literal' };
  }
  if (intrinsicName(n) !== 'Ref') return undefined;
  const name = scalarString(get(n, 'Ref')) ?? '';
  const p = t.parameters.get(name);
  if (!p) return undefined;
  if (scalarString(get(p.node, 'NoEcho')) !== 'true') return { why: 'echo', param: name };
  if (p.default && scalarString(p.default)) return { why: 'default', param: name };
  return undefined;
}

export const rule: Rule = {
  id: 'rds-master-password-plaintext',
  runsOn: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  checkResource(r, ctx) {
    const value = get(r.properties, 'MasterUserPassword');
    if (!value) return;
    const found = plaintextPassword(ctx.template, value);
    if (!found) return;
    const how = {
      literal: phrase('secretInTemplate'),
      echo: phrase('secretFromParameterWithoutNoEcho', { param: found.param }),
      default: phrase('secretAsParameterDefault', { param: found.param }),
    }[found.why];
    ctx.report({ at: value, args: { detail: how }, fix: secretFix(ctx.template, r, value) });
  },
};
