/** aws-cloudfront: `Distribution`. */
import { ABSENT, Opaque } from '../cfn-value';
import { isFalse, isTrue, opaqueOf } from '../cdk-value';
import { enumOf, opaque } from './props';
import { ConstructSpec } from './types';

const REDIRECT_FLAG = '@aws-cdk/aws-cloudfront:defaultViewerProtocolPolicyRedirectToHttps';

export const distribution: ConstructSpec = {
  module: 'aws-cloudfront',
  classes: ['Distribution'],
  type: 'AWS::CloudFront::Distribution',
  props: [
    enumOf(
      'defaultBehavior.viewerProtocolPolicy',
      ['DistributionConfig', 'DefaultCacheBehavior', 'ViewerProtocolPolicy'],
      ['aws-cloudfront', 'ViewerProtocolPolicy'],
      { HTTPS_ONLY: 'https-only', REDIRECT_TO_HTTPS: 'redirect-to-https', ALLOW_ALL: 'allow-all' },
      c => {
        const flag = c.flag(REDIRECT_FLAG);
        if (flag !== undefined) return flag ? 'redirect-to-https' : 'allow-all';
        return c.hasProjectConfig ? 'allow-all' : new Opaque('depends on the project feature flag');
      },
      `\`${REDIRECT_FLAG}\` (since 2.273): REDIRECT_TO_HTTPS when set in cdk.json, ALLOW_ALL when cdk.json exists ` +
        'without it, **unknown** when no cdk.json is found above the file',
    ),
    enumOf(
      'minimumProtocolVersion',
      ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
      ['aws-cloudfront', 'SecurityPolicyProtocol'],
      {
        SSL_V3: 'SSLv3',
        TLS_V1: 'TLSv1',
        TLS_V1_2016: 'TLSv1_2016',
        TLS_V1_1_2016: 'TLSv1.1_2016',
        TLS_V1_2_2018: 'TLSv1.2_2018',
        TLS_V1_2_2019: 'TLSv1.2_2019',
        TLS_V1_2_2021: 'TLSv1.2_2021',
        TLS_V1_2_2025: 'TLSv1.2_2025',
        TLS_V1_3_2025: 'TLSv1.3_2025',
      },
      c => (c.has('certificate') ? 'TLSv1.2_2021' : ABSENT),
      'TLSv1.2_2021 when a `certificate` is given (v2 flag always on); without one, no viewer certificate',
    ),
    opaque('certificate', ['DistributionConfig', 'ViewerCertificate', 'AcmCertificateArn']),
    opaque('webAclId', ['DistributionConfig', 'WebACLId']),
    opaque('logBucket', ['DistributionConfig', 'Logging', 'Bucket']),
    {
      prop: 'enableLogging',
      cfn: ['DistributionConfig', 'Logging'],
      toCfn: v =>
        isTrue(v)
          ? { Bucket: new Opaque('log bucket created by CDK') }
          : isFalse(v) || v.kind === 'absent'
            ? ABSENT
            : opaqueOf(v),
    },
    opaque('geoRestriction', ['DistributionConfig', 'Restrictions']),
    opaque('additionalBehaviors', ['DistributionConfig', 'CacheBehaviors']),
  ],
};
