import { get, scalarString } from '../../model/node';
import { UNKNOWN } from '../support/outcomes';

import { phrase } from '../../i18n/text';
import { anchorOf, fixValue, propertyOutcomes } from '../support/outcomes';
import { Rule } from '../types';

const MODERN_CLOUDFRONT_POLICY = 'TLSv1.2_2021';

/** TLSv1.2_2021 and newer security policies (TLSv1.2_2018/2019 still allow weak ciphers). */
export function isModernCloudFrontPolicy(name: string): boolean {
  const m = /^TLSv1\.2_(\d{4})$/.exec(name);
  return m ? Number(m[1]) >= 2021 : /^TLSv1\.3/.test(name);
}

export const rule: Rule = {
  id: 'cloudfront-min-tls',
  runsOn: ['AWS::CloudFront::Distribution'],
  checkResource(r, ctx) {
    const config = get(r.properties, 'DistributionConfig');
    if (config === undefined || scalarString(config) !== undefined) return;
    const defaultCert = phrase('cloudfrontDefaultCertificate');
    if (get(config, 'ViewerCertificate') === undefined) {
      ctx.report({ args: { value: defaultCert } });
      return;
    }
    for (const o of propertyOutcomes(ctx, r, [
      'DistributionConfig',
      'ViewerCertificate',
      'CloudFrontDefaultCertificate',
    ])) {
      if (o.value === true || o.value === 'true')
        ctx.report({ at: anchorOf(r, o), via: o.via, args: { value: defaultCert } });
    }
    const usesOwnCert = ['AcmCertificateArn', 'IamCertificateId'].some(
      k => get(get(config, 'ViewerCertificate'), k) !== undefined,
    );
    if (!usesOwnCert) return;
    for (const o of propertyOutcomes(ctx, r, ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'])) {
      if (o.value === UNKNOWN) continue;
      const name = o.value === undefined || o.value === null ? 'TLSv1' : String(o.value);
      if (isModernCloudFrontPolicy(name)) continue;
      ctx.report({
        at: anchorOf(r, o),
        via: o.via,
        args: { value: o.value === undefined ? phrase('notSetSoDefault', { value: 'TLSv1' }) : name },
        fix: fixValue(
          r,
          ['DistributionConfig', 'ViewerCertificate', 'MinimumProtocolVersion'],
          o.value === undefined ? undefined : o.anchor,
          MODERN_CLOUDFRONT_POLICY,
        ),
      });
    }
  },
};
