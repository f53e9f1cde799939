import * as cdk from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as efs from 'aws-cdk-lib/aws-efs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The same EHR system written with CDK's defaults and a few shortcuts: what the checks are for. */
export class EhrNoncompliantStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    new kms.Key(this, 'DataKey');

    const vpc = new ec2.Vpc(this, 'Vpc', { maxAzs: 2, natGateways: 1 });

    new s3.Bucket(this, 'Records');
    new s3.Bucket(this, 'Scans', { encryption: s3.BucketEncryption.S3_MANAGED, versioned: false });

    const appSg = new ec2.SecurityGroup(this, 'AppSg', { vpc });
    appSg.addIngressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(22), 'SSH for maintenance');
    const app = new ec2.Instance(this, 'AppServer', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: appSg,
    });
    new ec2.Volume(this, 'ScratchVolume', { availabilityZone: 'ap-northeast-1a', size: cdk.Size.gibibytes(100) });

    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true });
    const http = alb.addListener('Http', { port: 80 });
    http.addTargets('App', { port: 8080, targets: [new targets.InstanceTarget(app, 8080)] });

    const db = new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    });
    db.connections.allowDefaultPortFromAnyIpv4('temporary access for migration');

    new dynamodb.Table(this, 'Sessions', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING }, removalPolicy: cdk.RemovalPolicy.DESTROY });
    new efs.FileSystem(this, 'SharedFiles', { vpc, encrypted: false });
    new sns.Topic(this, 'Alerts');
    new sqs.Queue(this, 'Jobs', { encryption: sqs.QueueEncryption.UNENCRYPTED });
    new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.ONE_MONTH });
    new cloudtrail.Trail(this, 'Trail', { enableFileValidation: false });
  }
}
