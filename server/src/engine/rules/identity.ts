import { phrase } from '../i18n/text';
import { entryOf, get, intrinsicName, isMap, isScalar, isSeq, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';
import { freeLogicalId, itemsOf, mentions, nodeOutcomes, policyStatements, setWithin, walk } from './helpers';
import { FixSpec, FixValue } from '../fixes/spec';
import { Rule } from './types';

/** Every policy document a resource carries: its own (`Policy`, `ManagedPolicy`) and inline `Policies[]` (Role, User, Group). */
function policyDocuments(r: Resource): Node[] {
  const own = get(r.properties, 'PolicyDocument');
  const inline = itemsOf(get(r.properties, 'Policies')).map(p => get(p, 'PolicyDocument'));
  return [own, ...inline].filter((d): d is Node => d !== undefined);
}

const isStar = (n: Node) => scalarString(n) === '*';

const adminWildcard: Rule = {
  id: 'iam-policy-admin-wildcard',
  resourceTypes: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'],
  checkResource(r, ctx) {
    for (const doc of policyDocuments(r)) {
      for (const s of policyStatements(doc)) {
        if (!nodeOutcomes(ctx, s, ['Effect']).every(o => o.value === 'Allow')) continue;
        const action = get(s, 'Action');
        if (!itemsOf(action).some(isStar) || !itemsOf(get(s, 'Resource')).some(isStar)) continue;
        ctx.report({ at: action ?? s });
      }
    }
  },
};

const consoleLogin: Rule = {
  id: 'iam-user-console-login',
  resourceTypes: ['AWS::IAM::User'],
  checkResource(r, ctx) {
    const profile = entryOf(r.properties, 'LoginProfile');
    if (profile) ctx.report({ at: { start: profile.keyStart, end: profile.keyEnd } });
  },
};

const accessKey: Rule = {
  id: 'iam-access-key',
  resourceTypes: ['AWS::IAM::AccessKey'],
  checkResource(r, ctx) {
    if (scalarString(get(r.properties, 'Status')) === 'Inactive') return;
    ctx.report({});
  },
};

const ADMIN_POLICY = /:policy\/(AdministratorAccess|PowerUserAccess)$/;

/** `arn:…:iam::123456789012:root`, a bare account ID, or `!Ref AWS::AccountId`: anyone in that account may assume the role. */
function isAccountPrincipal(n: Node): boolean {
  if (intrinsicName(n) === 'Ref') return scalarString(get(n, 'Ref')) === 'AWS::AccountId';
  if (intrinsicName(n) === 'Fn::Sub') {
    const arg = get(n, 'Fn::Sub');
    return /:root$/.test(scalarString(isSeq(arg) ? arg.items[0] : arg) ?? '');
  }
  const s = scalarString(n) ?? '';
  return /^\d{12}$/.test(s) || /^arn:aws[\w-]*:iam::\d{12}:root$/.test(s);
}

function adminPolicyOf(r: Resource): string | undefined {
  let found: string | undefined;
  for (const item of itemsOf(get(r.properties, 'ManagedPolicyArns'))) {
    walk(item, n => {
      const m = isScalar(n) && typeof n.value === 'string' ? ADMIN_POLICY.exec(n.value) : null;
      if (m && !found) found = m[1];
    });
  }
  return found;
}

const MFA_CONDITION: FixValue = 'true';

const adminRoleMfa: Rule = {
  id: 'iam-role-admin-mfa',
  resourceTypes: ['AWS::IAM::Role'],
  checkResource(r, ctx) {
    const policy = adminPolicyOf(r);
    if (!policy) return;
    for (const s of policyStatements(get(r.properties, 'AssumeRolePolicyDocument'))) {
      if (scalarString(get(s, 'Effect')) !== 'Allow') continue;
      const principal = get(get(s, 'Principal'), 'AWS');
      if (!principal || !itemsOf(principal).some(isAccountPrincipal)) continue;
      const condition = get(s, 'Condition');
      if (
        condition !== undefined &&
        (mentions(condition, 'aws:MultiFactorAuth') || hasKey(condition, 'aws:MultiFactorAuth'))
      )
        continue;
      const fix =
        !condition || (isMap(condition) && !intrinsicName(condition))
          ? setWithin(r, s, ['Condition', 'Bool', 'aws:MultiFactorAuthPresent'], MFA_CONDITION)
          : undefined;
      ctx.report({ at: principal, args: { policy }, fix });
    }
  },
};

function hasKey(n: Node, text: string): boolean {
  let found = false;
  walk(n, x => {
    if (isMap(x) && x.entries.some(e => e.key.startsWith(text))) found = true;
  });
  return found;
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

function secretFix(t: Template, r: Resource, value: Node): FixSpec {
  const existing = t.resources.find(
    x => x.type === 'AWS::SecretsManager::Secret' && get(x.properties, 'GenerateSecretString') !== undefined,
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

const masterPassword: Rule = {
  id: 'rds-master-password-plaintext',
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
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

export const identityRules: Rule[] = [adminWildcard, consoleLogin, accessKey, adminRoleMfa, masterPassword];
