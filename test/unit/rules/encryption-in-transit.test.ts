import * as assert from 'assert';
import { isModernCloudFrontPolicy } from '../../../server/src/engine/rules/encryption-in-transit/cloudfront-min-tls';
import { isWeakElbPolicy } from '../../../server/src/engine/rules/encryption-in-transit/elbv2-listener-tls-policy';
import { fixesOf } from '../../helpers';
import { analysisOf, applyAndRecheck, findingsOf, lineOf } from './support';

const LISTENER = (props: string) => `Parameters:
  ListenerProtocol:
    Type: String
    AllowedValues: [HTTP, HTTPS]
Resources:
  PortalListener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
${props}`;

describe('encryption-in-transit rules', () => {
  it('a protocol parameter allowing HTTP is reported once, naming the value, without a fix', () => {
    const text = LISTENER(`      Protocol: !Ref ListenerProtocol
      SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
      DefaultActions:
        - Type: forward
          TargetGroupArn: !Ref PortalTargets
`);
    const { a, found } = analysisOf('elbv2-listener-https', 'alb.yaml', text);
    assert.deepStrictEqual(
      found.map(f => [lineOf(f), f.message, fixesOf(a, f)]),
      [
        [
          9,
          'Listener PortalListener serves plain HTTP and does not redirect to HTTPS (when parameter ' +
            'ListenerProtocol = "HTTP")',
          [],
        ],
      ],
    );
    assert.deepStrictEqual(findingsOf('elbv2-listener-tls-policy', 'alb.yaml', text), []);
  });

  it('an HTTP listener that redirects to HTTPS is fine; one that keeps the protocol is not', () => {
    const redirect = (protocol: string) =>
      LISTENER(`      Protocol: HTTP
      DefaultActions:
        - Type: redirect
          RedirectConfig: { ${protocol}Port: "443", StatusCode: HTTP_301 }
`);
    assert.deepStrictEqual(findingsOf('elbv2-listener-https', 'alb.yaml', redirect('Protocol: HTTPS, ')), []);
    assert.strictEqual(findingsOf('elbv2-listener-https', 'alb.yaml', redirect('')).length, 1);
    assert.deepStrictEqual(
      findingsOf('elbv2-listener-https', 'alb.yaml', redirect('Protocol: !Ref RedirectProtocol, ')),
      [],
    );
  });

  it('reports the Fn::If branch with a TLS 1.0 policy, naming the condition', () => {
    const text = LISTENER(`      Protocol: HTTPS
      SslPolicy: !If [LegacyClients, ELBSecurityPolicy-2016-08, ELBSecurityPolicy-TLS13-1-2-2021-06]
`);
    const { found } = analysisOf('elbv2-listener-tls-policy', 'alb.yaml', text);
    assert.deepStrictEqual(
      found.map(f => f.message),
      [
        'Listener PortalListener uses a security policy (ELBSecurityPolicy-2016-08) that allows TLS below ' +
          '1.2; use ELBSecurityPolicy-TLS13-1-2-2021-06 or similar (when condition LegacyClients is true)',
      ],
    );
    assert.match(
      applyAndRecheck('elbv2-listener-tls-policy', 'alb.yaml', text),
      /SslPolicy: !If \[LegacyClients, ELBSecurityPolicy-TLS13-1-2-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06\]/,
    );
  });

  it('policies from Sub, GetAtt or ImportValue raise nothing', () => {
    for (const v of ['!ImportValue shared-tls-policy', '!Sub "${PolicyPrefix}-2021-06"', '!GetAtt PolicyLookup.Name']) {
      const text = LISTENER(`      Protocol: HTTPS
      SslPolicy: ${v}
`);
      assert.deepStrictEqual(findingsOf('elbv2-listener-tls-policy', 'alb.yaml', text), [], v);
    }
  });

  it('classifies ELB and CloudFront security policies by their minimum TLS version', () => {
    for (const weak of [
      'ELBSecurityPolicy-2016-08',
      'ELBSecurityPolicy-2015-05',
      'ELBSecurityPolicy-TLS-1-0-2015-04',
      'ELBSecurityPolicy-TLS-1-1-2017-01',
      'ELBSecurityPolicy-FS-2018-06',
      'ELBSecurityPolicy-FS-1-1-2019-08',
      'ELBSecurityPolicy-TLS13-1-0-2021-06',
      'ELBSecurityPolicy-TLS13-1-1-2021-06',
    ]) {
      assert.ok(isWeakElbPolicy(weak), weak);
    }
    for (const strong of [
      'ELBSecurityPolicy-TLS13-1-2-2021-06',
      'ELBSecurityPolicy-TLS-1-2-2017-01',
      'ELBSecurityPolicy-FS-1-2-Res-2020-10',
      'ELBSecurityPolicy-TLS13-1-3-2021-06',
    ]) {
      assert.ok(!isWeakElbPolicy(strong), strong);
    }
    assert.deepStrictEqual(
      [
        'TLSv1',
        'TLSv1_2016',
        'TLSv1.1_2016',
        'TLSv1.2_2018',
        'TLSv1.2_2019',
        'TLSv1.2_2021',
        'TLSv1.2_2025',
        'TLSv1.3_2025',
      ].map(isModernCloudFrontPolicy),
      [false, false, false, false, false, true, true, true],
    );
  });

  it('a CloudFront parameter defaulting to TLSv1 is reported with the default named', () => {
    const text =
      `Parameters:
  MinTls: { Type: String, Default: TLSv1 }
Resources:
  PortalCdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig:
        ViewerCertificate: { AcmCertificateArn: !Ref PortalCert, SslSupportMethod: sni-only, ` +
      `MinimumProtocolVersion: !Ref MinTls }
`;
    const [f] = findingsOf('cloudfront-min-tls', 'cdn.yaml', text);
    assert.match(f.message, /\(TLSv1\) \(when parameter MinTls = "TLSv1" \(default\)\)$/);
  });

  it('fixes flow-style YAML and JSON CloudFront behaviours and keeps them parseable', () => {
    const yaml = `Resources:
  PortalCdn:
    Type: AWS::CloudFront::Distribution
    Properties:
      DistributionConfig: { DefaultCacheBehavior: { TargetOriginId: portal, ViewerProtocolPolicy: allow-all } }
`;
    assert.strictEqual(
      applyAndRecheck('cloudfront-viewer-https', 'cdn.yaml', yaml),
      yaml.replace('allow-all', 'redirect-to-https'),
    );
    const json = JSON.stringify(
      {
        Resources: {
          PortalCdn: {
            Type: 'AWS::CloudFront::Distribution',
            Properties: {
              DistributionConfig: {
                DefaultCacheBehavior: { ViewerProtocolPolicy: 'https-only' },
                CacheBehaviors: [{ PathPattern: '/files/*', ViewerProtocolPolicy: 'allow-all' }],
              },
            },
          },
        },
      },
      null,
      2,
    );
    const fixed = JSON.parse(applyAndRecheck('cloudfront-viewer-https', 'cdn.json', json));
    assert.strictEqual(
      fixed.Resources.PortalCdn.Properties.DistributionConfig.CacheBehaviors[0].ViewerProtocolPolicy,
      'redirect-to-https',
    );
  });

  it("adds a TLS-only bucket policy as a new resource, in YAML, in the author's short-tag style", () => {
    const text = `Resources:
  ImagingBucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: !Sub "\${AWS::StackName}-imaging"
`;
    assert.strictEqual(
      applyAndRecheck('s3-bucket-tls-only', 'bucket.yaml', text),
      text +
        `  ImagingBucketTlsOnlyPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref ImagingBucket
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: DenyInsecureTransport
            Effect: Deny
            Principal: "*"
            Action: "s3:*"
            Resource:
              - !GetAtt ImagingBucket.Arn
              - !Sub "\${ImagingBucket.Arn}/*"
            Condition:
              Bool:
                aws:SecureTransport: "false"
`,
    );
  });

  it('appends the deny statement to an existing JSON bucket policy', () => {
    const text = JSON.stringify(
      {
        Resources: {
          ImagingBucket: { Type: 'AWS::S3::Bucket' },
          ImagingPolicy: {
            Type: 'AWS::S3::BucketPolicy',
            Properties: {
              Bucket: { Ref: 'ImagingBucket' },
              PolicyDocument: {
                Statement: [
                  {
                    Effect: 'Allow',
                    Principal: { AWS: 'arn:aws:iam::111122223333:role/viewer' },
                    Action: 's3:GetObject',
                    Resource: 'arn:aws:s3:::ehr-imaging/*',
                  },
                ],
              },
            },
          },
        },
      },
      null,
      2,
    );
    const fixed = JSON.parse(applyAndRecheck('s3-bucket-tls-only', 'bucket.json', text));
    const statements = fixed.Resources.ImagingPolicy.Properties.PolicyDocument.Statement;
    assert.strictEqual(statements.length, 2);
    assert.deepStrictEqual(statements[1].Condition, { Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('bucket policies that cannot be read, or name the bucket indirectly, are not second-guessed', () => {
    const text =
      `Resources:
  ImagingBucket:
    Type: AWS::S3::Bucket
    Properties: { BucketName: ehr-imaging }
  ImagingPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: ehr-imaging
      PolicyDocument: !If [Strict, { Statement: [] }, !Ref AWS::NoValue]
  ReportsBucket:
    Type: AWS::S3::Bucket
  ReportsPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Sub "\${ReportsBucket}"
      PolicyDocument:
        Statement:
          - { Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*", ` +
      `Condition: { Bool: { aws:SecureTransport: false } } }
`;
    assert.deepStrictEqual(findingsOf('s3-bucket-tls-only', 'bucket.yaml', text), []);
  });

  it('a parameter group family decides which TLS parameter applies', () => {
    const text = `Resources:
  Pg14:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: postgres14, Description: pg, Parameters: { rds.force_ssl: 0 } }
  Pg16:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: postgres16, Description: pg }
  MySql:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: mysql8.0, Description: my }
  AuroraInstanceLevel:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: aurora-postgresql15, Description: ap }
  Oracle:
    Type: AWS::RDS::DBParameterGroup
    Properties: { Family: oracle-ee-19, Description: ora }
`;
    const found = findingsOf('rds-require-tls', 'pg.yaml', text);
    assert.deepStrictEqual(
      found.map(f => f.resource),
      ['Pg14', 'MySql'],
    );
    assert.strictEqual(
      applyAndRecheck('rds-require-tls', 'pg.yaml', text),
      text.replace('rds.force_ssl: 0', 'rds.force_ssl: "1"'),
    );
  });
});
