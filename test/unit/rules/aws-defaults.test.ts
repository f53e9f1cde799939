/** What AWS does when a template leaves a property out decides whether leaving it out is a finding. */
import * as assert from 'assert';
import { open, run } from '../../helpers';

const instance = (image: string, params: string[] = []) =>
  [
    ...params,
    'Resources:',
    '  Web:',
    '    Type: AWS::EC2::Instance',
    '    Properties:',
    `      ImageId: ${image}`,
    '      InstanceType: t3.micro',
    '',
  ].join('\n');
const imds = (text: string) => open(run('imds.yaml', text)).filter(f => f.rule === 'ec2-instance-imdsv2');

describe('AWS defaults', () => {
  it('an Amazon Linux 2023 AMI from the public parameter requires IMDSv2 without HttpTokens', () => {
    const resolve = "'{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'";
    assert.deepStrictEqual(imds(instance(resolve)), []);
    const param = [
      'Parameters:',
      '  Ami:',
      "    Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>'",
      '    Default: /aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64',
    ];
    assert.deepStrictEqual(imds(instance('!Ref Ami', param)), []);
  });

  it('any other image still needs HttpTokens: required', () => {
    assert.strictEqual(imds(instance('ami-0123456789abcdef0')).length, 1);
    const al2 = "'{{resolve:ssm:/aws/service/ami-amazon-linux-latest/amzn2-ami-hvm-x86_64-gp2}}'";
    assert.strictEqual(imds(instance(al2)).length, 1);
  });

  it('HttpTokens: optional written on an Amazon Linux 2023 instance is still reported', () => {
    const text = instance("'{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}'");
    assert.strictEqual(imds(text + '      MetadataOptions: { HttpTokens: optional }\n').length, 1);
  });
});
