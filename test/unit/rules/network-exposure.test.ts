import * as assert from 'assert';
import { applyFix, fixesOf, open, rulesOf, run } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const RULE = 'ec2-sg-open-admin-port';

function sg(ingress: string, extra = ''): string {
  return `Parameters:
  AdminCidr:
    Type: String
    AllowedValues: [10.0.0.0/8, 192.168.0.0/16, 0.0.0.0/0]
${extra}Resources:
  Vpc:
    Type: AWS::EC2::VPC
    Properties:
      CidrBlock: 10.1.0.0/16
  DbGroup:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: !Ref Vpc
      SecurityGroupIngress:
${ingress}`;
}

const findings = (text: string) => open(run('sg.yaml', text)).filter(f => f.rule === RULE);

describe('network exposure rules', () => {
  it(
    'a !Ref CIDR parameter whose AllowedValues include 0.0.0.0/0 is reported naming that value, without ' +
      'a blind fix',
    () => {
      const a = run(
        'sg.yaml',
        sg('        - { IpProtocol: tcp, FromPort: 3306, ToPort: 3306, CidrIp: !Ref AdminCidr }\n'),
      );
      const f = open(a).filter(x => x.rule === RULE);
      assert.strictEqual(f.length, 1);
      assert.strictEqual(
        f[0].message,
        'DbGroup opens port 3306 (MySQL) to 0.0.0.0/0 (when parameter AdminCidr = "0.0.0.0/0")',
      );
      assert.deepStrictEqual(fixesOf(a, f[0]), []);
    },
  );

  it('!If branches: only the open branch is reported, with its condition', () => {
    const text = sg(
      '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: !If ' +
        '[Open, 0.0.0.0/0, 10.0.0.0/8]\n',
      'Conditions:\n  Open: !Equals [a, b]\n',
    );
    const f = findings(text);
    assert.strictEqual(f.length, 1);
    assert.match(f[0].message, /port 22 \(SSH\) to 0\.0\.0\.0\/0 \(when condition Open is true\)$/);
  });

  it('!ImportValue, !Sub and !GetAtt sources are unknown and never reported', () => {
    for (const v of ['!ImportValue admin-cidr', '!Sub "${AWS::Region}"', '!GetAtt Vpc.CidrBlock']) {
      assert.deepStrictEqual(
        findings(sg(`        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: ${v} }\n`)),
        [],
        v,
      );
    }
  });

  it('port ranges covering an admin port count; other ports do not', () => {
    assert.match(
      findings(sg('        - { IpProtocol: tcp, FromPort: 1000, ToPort: 4000, CidrIp: 0.0.0.0/0 }\n'))[0].message,
      /opens ports 1433 \(SQL Server\), 1521 \(Oracle\), 2049 \(NFS\), 3306 \(MySQL\), 3389 \(RDP\) to 0\.0\.0\.0\/0$/,
    );
    assert.deepStrictEqual(
      findings(sg('        - { IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0 }\n')),
      [],
    );
    assert.match(
      findings(sg('        - { IpProtocol: tcp, FromPort: 0, ToPort: 65535, CidrIpv6: "::/0" }\n'))[0].message,
      /opens all ports to ::\/0/,
    );
  });

  it('a range that holds a large part of the public internet counts, and the message says why', () => {
    const msg = (cidr: string, lang: 'en' | 'ja' = 'en') =>
      open(run('sg.yaml', sg(`        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, ${cidr} }\n`), { lang }))
        .filter(f => f.rule === RULE)
        .map(f => f.message);
    assert.deepStrictEqual(msg('CidrIp: 0.0.0.0/1'), ['DbGroup opens port 22 (SSH) to 0.0.0.0/1 (covers 50% of IPv4)']);
    assert.deepStrictEqual(msg('CidrIp: 0.0.0.0/1', 'ja'), [
      'DbGroup はポート 22 (SSH)を 0.0.0.0/1（IPv4 全体の 50%） に開いています',
    ]);
    assert.deepStrictEqual(msg('CidrIp: 11.0.0.0/8'), [
      'DbGroup opens port 22 (SSH) to 11.0.0.0/8 (covers a /8 of public IPv4 addresses)',
    ]);
    assert.deepStrictEqual(msg('CidrIp: 8.0.0.0/7', 'ja'), [
      'DbGroup はポート 22 (SSH)を 8.0.0.0/7（IPv4 の公開アドレス /8 2 個分） に開いています',
    ]);
    assert.deepStrictEqual(msg('CidrIpv6: "::/1"'), [
      'DbGroup opens port 22 (SSH) to ::/1 (all public IPv6 addresses)',
    ]);
    assert.deepStrictEqual(msg('CidrIpv6: 2a00:1450::/32'), [
      'DbGroup opens port 22 (SSH) to 2a00:1450::/32 (covers a /32 of public IPv6 addresses)',
    ]);
    for (const quiet of [
      'CidrIp: 10.0.0.0/8',
      'CidrIp: 100.64.0.0/10',
      'CidrIp: 11.0.0.0/9',
      'CidrIpv6: fc00::/7',
      'CidrIpv6: 2a00:1450::/33',
      'CidrIp: 0.0.0.0/33',
      'CidrIp: "::/0"',
      'CidrIpv6: 0.0.0.0/0',
      'CidrIp: any',
      'SourcePrefixListId: pl-0123456789abcdef0',
    ])
      assert.deepStrictEqual(msg(quiet), [], quiet);
  });

  it('parameter values and !If branches are judged by the same range arithmetic', () => {
    // Another parameter, next to AdminCidr: one allowed value is below the threshold, one above.
    const text = sg(
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref Wide }\n',
      '  Wide:\n    Type: String\n    AllowedValues: [11.0.0.0/9, 0.0.0.0/1]\n',
    );
    assert.deepStrictEqual(
      findings(text).map(f => f.message),
      ['DbGroup opens port 22 (SSH) to 0.0.0.0/1 (covers 50% of IPv4) (when parameter Wide = "0.0.0.0/1")'],
    );
    const branch = sg(
      '        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !If [Open, 128.0.0.0/1, 10.0.0.0/8] }\n',
      'Conditions:\n  Open: !Equals [a, b]\n',
    );
    assert.deepStrictEqual(
      findings(branch).map(f => f.message),
      ['DbGroup opens port 22 (SSH) to 128.0.0.0/1 (covers 50% of IPv4) (when condition Open is true)'],
    );
  });

  it('CDK peers are judged the same way', () => {
    const stack = (peer: string) =>
      `import * as cdk from 'aws-cdk-lib';\nimport * as ec2 from 'aws-cdk-lib/aws-ec2';\n` +
      `export class S extends cdk.Stack {\n  constructor(scope: cdk.App, id: string) {\n    super(scope, id);\n` +
      `    const vpc = new ec2.Vpc(this, 'Vpc');\n    const sg = new ec2.SecurityGroup(this, 'Sg', { vpc });\n` +
      `    sg.addIngressRule(${peer}, ec2.Port.tcp(22));\n  }\n}\n`;
    const messages = (peer: string) =>
      open(run('stack.ts', stack(peer)))
        .filter(f => f.rule === RULE)
        .map(f => f.message);
    assert.deepStrictEqual(messages("ec2.Peer.ipv4('0.0.0.0/1')"), [
      'Sg opens port 22 (SSH) to 0.0.0.0/1 (covers 50% of IPv4)',
    ]);
    assert.deepStrictEqual(messages("ec2.Peer.ipv6('2000::/3')"), [
      'Sg opens port 22 (SSH) to 2000::/3 (all public IPv6 addresses)',
    ]);
    assert.deepStrictEqual(messages("ec2.Peer.ipv4('10.0.0.0/8')"), []);
    assert.deepStrictEqual(messages("ec2.Peer.prefixList('pl-0123456789abcdef0')"), []);
  });

  it('the fix narrows a wide range too', () => {
    const text = sg(
      '        - IpProtocol: tcp\n          FromPort: 22\n          ToPort: 22\n          CidrIp: 0.0.0.0/1\n',
    );
    const a = run('sg.yaml', text);
    const fixed = applyFix(
      a,
      open(a).find(f => f.rule === RULE)!,
    );
    assert.ok(fixed.includes('          CidrIp: !GetAtt Vpc.CidrBlock\n'), fixed);
  });

  it('the fix narrows the source to the VPC CIDR of the group', () => {
    const text = sg(
      '        - IpProtocol: tcp\n          FromPort: 5432\n          ToPort: 5432\n          CidrIp: 0.0.0.0/0\n',
    );
    const a = run('sg.yaml', text);
    const fixed = applySafeFix(
      a,
      open(a).find(f => f.rule === RULE)!,
    );
    assert.ok(fixed.includes('          CidrIp: !GetAtt Vpc.CidrBlock\n'), fixed);
    assert.ok(!rulesOf(run('sg.yaml', fixed)).includes(RULE));
  });

  it('an ingress resource for a group outside the template falls back to 10.0.0.0/8', () => {
    const text = `Resources:
  Ssh:
    Type: AWS::EC2::SecurityGroupIngress
    Properties:
      GroupId: !ImportValue app-sg
      IpProtocol: tcp
      FromPort: 22
      ToPort: 22
      CidrIp: 0.0.0.0/0
`;
    const a = run('i.yaml', text);
    assert.ok(
      applySafeFix(
        a,
        open(a).find(f => f.rule === RULE)!,
      ).includes('CidrIp: 10.0.0.0/8'),
    );
  });

  it('suppression in Metadata with a reason silences the finding; without a reason it is itself reported', () => {
    const body = (meta: string) => `Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Metadata:
      iryo-guard:
        suppress:
${meta}    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`;
    const withReason = run(
      'm.yaml',
      body(`          - rule: ${RULE}\n            reason: Isolated training account with no patient data\n`),
    );
    assert.ok(!rulesOf(withReason).includes(RULE));
    const f = withReason.findings.find(x => x.rule === RULE)!;
    assert.strictEqual(f.suppressed?.reason, 'Isolated training account with no patient data');
    const withoutReason = run('m.yaml', body(`          - rule: ${RULE}\n`));
    assert.ok(rulesOf(withoutReason).includes(RULE));
    assert.ok(rulesOf(withoutReason).includes('suppression-without-reason'));
  });

  it('an ignore comment above the resource suppresses it', () => {
    const text = `Resources:
  # iryo-guard-ignore ${RULE}: jump host reached only through the clinic VPN appliance
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: bastion
      SecurityGroupIngress:
        - { IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0 }
`;
    assert.ok(!rulesOf(run('c.yaml', text)).includes(RULE));
    assert.ok(
      rulesOf(run('c.yaml', text.replace(': jump host reached only through the clinic VPN appliance', ''))).includes(
        'suppression-without-reason',
      ),
    );
  });

  it('an ALB whose WAF association target cannot be read is not reported', () => {
    const text = `Resources:
  Alb:
    Type: AWS::ElasticLoadBalancingV2::LoadBalancer
    Properties:
      Subnets: [subnet-1, subnet-2]
  Assoc:
    Type: AWS::WAFv2::WebACLAssociation
    Properties:
      ResourceArn: !ImportValue portal-alb-arn
      WebACLArn: !ImportValue portal-acl
`;
    assert.ok(!rulesOf(run('w.yaml', text)).includes('elb-waf'));
    assert.ok(rulesOf(run('w.yaml', text.replace(/ {2}Assoc:[\s\S]*/, ''))).includes('elb-waf'));
    assert.ok(
      !rulesOf(
        run(
          'w.yaml',
          text.replace(/ {2}Assoc:[\s\S]*/, '').replace('Properties:\n', 'Properties:\n      Type: network\n'),
        ),
      ).includes('elb-waf'),
    );
  });

  it('RDS PubliclyAccessible from a parameter reports the public value', () => {
    const text = `Parameters:
  Public:
    Type: String
    Default: "true"
Resources:
  Db:
    Type: AWS::RDS::DBInstance
    Properties:
      Engine: postgres
      ManageMasterUserPassword: true
      EnableCloudwatchLogsExports: [postgresql]
      PubliclyAccessible: !Ref Public
`;
    const f = open(run('r.yaml', text)).filter(x => x.rule === 'rds-publicly-accessible');
    assert.deepStrictEqual(
      f.map(x => x.message),
      [
        'Database Db is reachable from the internet (PubliclyAccessible: true) (when parameter Public = ' +
          '"true" (default))',
      ],
    );
  });

  it('messages are Japanese when lang is ja', () => {
    const f = open(run('sg.yaml', sg('        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }\n'), { lang: 'ja' })).find(
      x => x.rule === RULE,
    )!;
    assert.strictEqual(f.message, 'DbGroup は全ポートを 0.0.0.0/0 に開いています');
  });
});
