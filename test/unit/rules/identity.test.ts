import * as assert from 'assert';
import { open, rulesOf, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

describe('identity rules', () => {
  it('wildcard Allow through !If is reported for the admin branch only', () => {
    const text = `Conditions:
  Dev: !Equals [a, b]
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement:
          - Effect: !If [Dev, Allow, Deny]
            Action: "*"
            Resource: "*"
`;
    // Effect depends on a condition: one outcome is Allow, so it is not a certain grant; the rule reports only certain
    // grants.
    assert.ok(!rulesOf(run('p.yaml', text)).includes('iam-policy-admin-wildcard'));
    assert.ok(
      rulesOf(run('p.yaml', text.replace('!If [Dev, Allow, Deny]', 'Allow'))).includes('iam-policy-admin-wildcard'),
    );
  });

  it('inline policies of users and groups are checked as well', () => {
    const text = `Resources:
  Ops:
    Type: AWS::IAM::Group
    Properties:
      Policies:
        - PolicyName: all
          PolicyDocument:
            Statement: [{ Effect: Allow, Action: ["*"], Resource: "*" }]
`;
    const f = open(run('g.yaml', text)).filter(x => x.rule === 'iam-policy-admin-wildcard');
    assert.strictEqual(f.length, 1);
    assert.strictEqual(f[0].range.start.line, 7, 'points at the Action of the statement');
  });

  it('an admin role assumable by a service (not people) is not an MFA problem', () => {
    const text = `Resources:
  Deploy:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{ Effect: Allow, Principal: { Service: codebuild.amazonaws.com }, Action: sts:AssumeRole }]
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
`;
    assert.ok(!rulesOf(run('r.yaml', text)).includes('iam-role-admin-mfa'));
  });

  it('the MFA fix extends an existing Condition block', () => {
    const text = `Resources:
  Admin:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { AWS: !Ref AWS::AccountId }
            Action: sts:AssumeRole
            Condition:
              Bool:
                aws:SecureTransport: "true"
      ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
`;
    const a = run('r.yaml', text);
    const fixed = applySafeFix(
      a,
      open(a).find(x => x.rule === 'iam-role-admin-mfa')!,
    );
    assert.ok(
      fixed.includes(
        '              Bool:\n                aws:SecureTransport: "true"\n                ' +
          'aws:MultiFactorAuthPresent: "true"\n',
      ),
      fixed,
    );
    assert.ok(!rulesOf(run('r.yaml', fixed)).includes('iam-role-admin-mfa'));
  });

  it('master password: NoEcho parameter without default is fine; with a default it is reported', () => {
    const text = (param: string) => `Parameters:
  Pw:
    Type: String
    NoEcho: true
${param}Resources:
  Db:
    Type: AWS::RDS::DBCluster
    Properties:
      Engine: aurora-postgresql
      MasterUsername: admin
      MasterUserPassword: !Ref Pw
`;
    assert.ok(!rulesOf(run('p.yaml', text(''))).includes('rds-master-password-plaintext'));
    const f = open(run('p.yaml', text('    Default: ChangeMe123456789\n'))).find(
      x => x.rule === 'rds-master-password-plaintext',
    )!;
    assert.strictEqual(
      f.message,
      'The master password of Db is written in the template as the default of parameter Pw',
    );
  });

  it('the password fix adds a generated secret and a dynamic reference to it', () => {
    const text = `Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      MasterUsername: ehradmin
      MasterUserPassword: hunter2hunter2
`;
    const a = run('p.yaml', text);
    const fixed = applySafeFix(
      a,
      open(a).find(x => x.rule === 'rds-master-password-plaintext')!,
    );
    assert.ok(
      fixed.includes(
        '      MasterUserPassword: {Fn::Sub: "{{resolve:secretsmanager:${DbSecret}:SecretString:password}}"}\n',
      ),
      fixed,
    );
    assert.ok(fixed.includes('  DbSecret:\n    Type: AWS::SecretsManager::Secret\n'), fixed);
    assert.ok(fixed.includes('SecretStringTemplate: "{\\"username\\":\\"ehradmin\\"}"'), fixed);
    assert.ok(!rulesOf(run('p.yaml', fixed)).includes('rds-master-password-plaintext'));
  });

  it('an inactive access key is not reported; suppression by comment works for an active one', () => {
    const text = `Resources:
  User:
    Type: AWS::IAM::User
  # iryo-guard-ignore iam-access-key: on-premises scanner without role support, rotated every 30 days
  Key:
    Type: AWS::IAM::AccessKey
    Properties:
      UserName: !Ref User
`;
    const a = run('k.yaml', text);
    assert.ok(!rulesOf(a).includes('iam-access-key'));
    assert.strictEqual(
      a.findings.find(f => f.rule === 'iam-access-key')?.suppressed?.reason,
      'on-premises scanner without role support, rotated every 30 days',
    );
  });
});
