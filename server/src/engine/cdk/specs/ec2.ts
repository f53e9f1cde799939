/** aws-ec2 compute and storage: `Volume`, `Instance`, `LaunchTemplate` (networking: ec2-network.ts). */
import { ABSENT, Cfn, Opaque, Path } from '../cfn-value';
import { isFalse, isTrue, opaqueOf, propOf } from '../cdk-value';
import { always, bool, enumOf, num, opaque, whenTrue } from './props';
import { ConstructSpec, PropSpec } from './types';

export const volume: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Volume'],
  type: 'AWS::EC2::Volume',
  props: [
    bool('encrypted', ['Encrypted'], always(false)),
    opaque('encryptionKey', ['KmsKeyId']),
    num('size', ['Size']),
  ],
  removalDefault: 'RETAIN',
};

/** `blockDevices: [{ deviceName, volume: ec2.BlockDeviceVolume.ebs(size, { encrypted }) }]` → BlockDeviceMappings. */
function blockDevices(cfn: Path): PropSpec {
  return {
    prop: 'blockDevices',
    cfn,
    toCfn: v => {
      if (v.kind === 'absent') return ABSENT;
      if (v.kind !== 'array' || v.spread) return opaqueOf(v);
      return v.items.map(item => {
        const name = propOf(item, 'deviceName');
        const vol = propOf(item, 'volume')?.value;
        const out: Record<string, Cfn> = {
          DeviceName:
            name?.value.kind === 'literal' ? name.value.value : name ? opaqueOf(name.value) : new Opaque('device'),
        };
        if (
          vol?.kind === 'call' &&
          vol.ref.module === 'aws-ec2' &&
          vol.ref.path.join('.') === 'BlockDeviceVolume.ebs'
        ) {
          const size = vol.args[0];
          const opts = vol.args[1];
          const ebs: Record<string, Cfn> = {
            VolumeSize: size?.kind === 'literal' ? size.value : size ? opaqueOf(size) : new Opaque('size'),
          };
          if (opts && (opts.kind !== 'object' || opts.spread)) ebs.Encrypted = opaqueOf(opts);
          const enc = propOf(opts, 'encrypted');
          if (enc) ebs.Encrypted = enc.value.kind === 'literal' ? enc.value.value : opaqueOf(enc.value);
          const key = propOf(opts, 'kmsKey');
          if (key) ebs.KmsKeyId = opaqueOf(key.value);
          out.Ebs = ebs;
        } else out.Ebs = vol ? opaqueOf(vol) : new Opaque('volume');
        return out;
      });
    },
  };
}

const TOKENS = { REQUIRED: 'required', OPTIONAL: 'optional' };

export const instance: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['Instance'],
  type: 'AWS::EC2::Instance',
  props: [
    blockDevices(['BlockDeviceMappings']),
    bool('detailedMonitoring', ['Monitoring']),
    bool('ebsOptimized', ['EbsOptimized']),
    {
      // requireImdsv2 attaches the launch template below to the instance (InstanceRequireImdsv2Aspect).
      prop: 'requireImdsv2',
      cfn: ['LaunchTemplate'],
      note: 'false; true attaches a launch template that requires IMDSv2',
      toCfn: v =>
        isTrue(v)
          ? { LaunchTemplateName: new Opaque('generated name'), Version: new Opaque('LatestVersionNumber') }
          : isFalse(v) || v.kind === 'absent'
            ? ABSENT
            : opaqueOf(v),
    },
    enumOf(
      'httpTokens',
      ['MetadataOptions', 'HttpTokens'],
      ['aws-ec2', 'HttpTokens'],
      TOKENS,
      undefined,
      "CloudFormation default; written as the instance's `MetadataOptions.HttpTokens`, which `ec2-instance-imdsv2` " +
        "accepts as well as `requireImdsv2`'s launch template",
    ),
  ],
  companions: [
    {
      when: '`requireImdsv2: true`',
      types: ['AWS::EC2::LaunchTemplate'],
      note: '`HttpTokens: required`, attached to the instance',
      make: c =>
        isTrue(c.value('requireImdsv2'))
          ? [
              {
                suffix: 'LaunchTemplate',
                type: 'AWS::EC2::LaunchTemplate',
                prop: 'requireImdsv2',
                properties: { LaunchTemplateData: { MetadataOptions: { HttpTokens: 'required' } } },
              },
            ]
          : [],
    },
  ],
};

export const launchTemplate: ConstructSpec = {
  module: 'aws-ec2',
  classes: ['LaunchTemplate'],
  type: 'AWS::EC2::LaunchTemplate',
  props: [
    enumOf(
      'httpTokens',
      ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'],
      ['aws-ec2', 'LaunchTemplateHttpTokens'],
      TOKENS,
      undefined,
      'CloudFormation default',
    ),
    whenTrue('requireImdsv2', ['LaunchTemplateData', 'MetadataOptions', 'HttpTokens'], 'required'),
    blockDevices(['LaunchTemplateData', 'BlockDeviceMappings']),
  ],
};
