/**
 * Fixes that know how the resource is used: no narrowing of an internet-facing load balancer's group, no redirect
 * that drops the author's condition or points at a listener that may not exist. Where no fix is offered for such a
 * reason, the hover says why in one line.
 */
import * as assert from 'assert';
import { hoverAt } from '../../../server/src/engine';
import { render } from '../../../server/src/engine/i18n/text';
import { contextOf, fixesOf, open, run, Checked, TestFinding } from '../../helpers';
import { applySafeFix } from '../../oracles/fix-safety';

const hoverOn = (a: Checked, f: TestFinding) => {
  const offset = a.lines.offset(f.range.start);
  return hoverAt(a as never, offset, contextOf(a))?.markdown ?? '';
};

const GROUP = [
  'Resources:',
  '  WebGroup:',
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  '      GroupDescription: web',
  '      SecurityGroupIngress:',
  '        - { IpProtocol: "-1", CidrIp: 0.0.0.0/0 }',
];

const LISTENERS = (https: string[], httpActions: string[]) => [
  'Conditions:',
  '  WithTls: !Equals [!Ref "AWS::Region", ap-northeast-1]',
  'Resources:',
  '  Alb:',
  '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
  '    Properties: { Scheme: internal, Subnets: [subnet-1, subnet-2] }',
  '  Http:',
  '    Type: AWS::ElasticLoadBalancingV2::Listener',
  '    Properties:',
  '      LoadBalancerArn: !Ref Alb',
  '      Protocol: HTTP',
  '      Port: 80',
  ...httpActions,
  ...https,
  '',
];
const FORWARD = ['      DefaultActions:', '        - { Type: forward, TargetGroupArn: arn:aws:tg }'];
const HTTPS = (condition?: string) => [
  '  Https:',
  '    Type: AWS::ElasticLoadBalancingV2::Listener',
  ...(condition ? [`    Condition: ${condition}`] : []),
  '    Properties:',
  '      LoadBalancerArn: !Ref Alb',
  '      Protocol: HTTPS',
  '      Port: 443',
  '      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06',
  '      Certificates: [{ CertificateArn: arn:aws:acm:cert }]',
  '      DefaultActions:',
  '        - { Type: forward, TargetGroupArn: arn:aws:tg }',
];

const finding = (a: Checked, rule: string) => {
  const f = open(a).find(x => x.rule === rule);
  assert.ok(
    f,
    `${rule}: ${open(a)
      .map(x => x.rule)
      .join(', ')}`,
  );
  return f;
};

describe('fixes that know how a resource is used', () => {
  it("an internet-facing load balancer's group is not narrowed to the VPC; the hover says why", () => {
    const lb = [
      '  Alb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties: { Subnets: [subnet-1, subnet-2], SecurityGroups: [!Ref WebGroup] }',
      '',
    ];
    const a = run('public-lb.yaml', [...GROUP, ...lb].join('\n'));
    const f = finding(a, 'ec2-sg-open-admin-port');
    assert.deepStrictEqual(fixesOf(a, f), []);
    assert.match(hoverOn(a, f), /No quick fix: the internet-facing load balancer Alb uses this group/);
  });

  it('the same group on an internal load balancer keeps its fix', () => {
    const lb = [
      '  Alb:',
      '    Type: AWS::ElasticLoadBalancingV2::LoadBalancer',
      '    Properties: { Scheme: internal, Subnets: [subnet-1, subnet-2], SecurityGroups: [!Ref WebGroup] }',
      '',
    ];
    const a = run('internal-lb.yaml', [...GROUP, ...lb].join('\n'));
    assert.match(applySafeFix(a, finding(a, 'ec2-sg-open-admin-port')), /CidrIp: 10\.0\.0\.0\/8/);
  });

  it('redirects HTTP to HTTPS when an unconditional HTTPS:443 listener of the same load balancer exists', () => {
    const a = run('redirect.yaml', LISTENERS(HTTPS(), FORWARD).join('\n'));
    assert.match(applySafeFix(a, finding(a, 'elbv2-listener-https')), /Protocol: HTTPS\n\s+Port: "443"/);
  });

  it('offers no redirect to an HTTPS listener that exists only under a condition', () => {
    const a = run('conditional-https.yaml', LISTENERS(HTTPS('WithTls'), FORWARD).join('\n'));
    const f = finding(a, 'elbv2-listener-https');
    assert.deepStrictEqual(fixesOf(a, f), []);
    assert.match(hoverOn(a, f), /No quick fix: the load balancer has no HTTPS listener on port 443 that always exists/);
  });

  it("never replaces the author's Fn::If in the default actions", () => {
    const actions = [
      '      DefaultActions:',
      '        - !If',
      '          - WithTls',
      '          - { Type: forward, TargetGroupArn: arn:aws:tg }',
      '          - { Type: fixed-response, FixedResponseConfig: { StatusCode: "503" } }',
    ];
    const a = run('conditional-actions.yaml', LISTENERS(HTTPS(), actions).join('\n'));
    const f = finding(a, 'elbv2-listener-https');
    assert.deepStrictEqual(fixesOf(a, f), []);
    assert.match(hoverOn(a, f), /No quick fix: the default actions depend on a condition \(Fn::If\)/);
  });

  it('every finding without a fix says why in the hover: here, a configuration only the author can complete', () => {
    const text = [
      'Resources:',
      '  Records:',
      '    Type: AWS::S3::Bucket',
      '    Properties:',
      '      BucketEncryption: { ServerSideEncryptionConfiguration: [{ BucketKeyEnabled: true }] }',
      '',
    ].join('\n');
    const a = run('partial.yaml', text);
    const f = finding(a, 's3-bucket-encryption');
    assert.deepStrictEqual(fixesOf(a, f), []);
    // Several findings share the logical ID; the hover shows the first, each finding carries its own reason.
    assert.strictEqual(
      render(f.noFix, 'en'),
      'no single compliant value can be chosen for you here (see the explanation)',
    );
  });

  it('a rule without automatic fixes says so', () => {
    const text = [
      'Resources:',
      '  Admin:',
      '    Type: AWS::IAM::ManagedPolicy',
      '    Properties:',
      '      PolicyDocument: { Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }',
      '',
    ].join('\n');
    const a = run('admin.yaml', text);
    const f = finding(a, 'iam-policy-admin-wildcard');
    assert.match(hoverOn(a, f), /No quick fix: this rule has no automatic fix/);
  });
});
