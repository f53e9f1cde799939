import * as cdk from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as rds from 'aws-cdk-lib/aws-rds';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';

const CERTIFICATE_ARN = 'arn:aws:acm:ap-northeast-1:123456789012:certificate/00000000-0000-0000-0000-000000000000';

/**
 * Electronic health records: web tier behind an HTTPS load balancer with a WAF, PostgreSQL, document storage, backups.
 * The account's audit trail and threat detection live in AccountBaselineStack (account-baseline-stack.ts).
 */
export class EhrStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const dataKey = new kms.Key(this, 'DataKey', { enableKeyRotation: true, description: 'EHR data at rest' });

    const flowLogs = new logs.LogGroup(this, 'FlowLogs', { retention: logs.RetentionDays.FIVE_YEARS, encryptionKey: dataKey });
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'app', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { name: 'db', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ],
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL, destination: ec2.FlowLogDestination.toCloudWatchLogs(flowLogs) } },
    });

    const accessLogs = new s3.Bucket(this, 'AccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
    });
    // Access logs are evidence: nobody deletes them (a default Object Lock retention is not allowed on a log target).
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [accessLogs.arnForObjects('*')],
    }));

    new s3.Bucket(this, 'Records', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: dataKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'records/',
    });

    const appSg = new ec2.SecurityGroup(this, 'AppSg', { vpc, description: 'EHR application servers' });
    const app = new ec2.Instance(this, 'AppServer', {
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.T3, ec2.InstanceSize.MEDIUM),
      machineImage: ec2.MachineImage.latestAmazonLinux2023(),
      securityGroup: appSg,
      requireImdsv2: true,
      blockDevices: [{ deviceName: '/dev/xvda', volume: ec2.BlockDeviceVolume.ebs(30, { encrypted: true, kmsKey: dataKey }) }],
    });

    const alb = new elbv2.ApplicationLoadBalancer(this, 'Alb', { vpc, internetFacing: true, dropInvalidHeaderFields: true });
    const https = alb.addListener('Https', {
      port: 443,
      certificates: [acm.Certificate.fromCertificateArn(this, 'Certificate', CERTIFICATE_ARN)],
      sslPolicy: elbv2.SslPolicy.RECOMMENDED_TLS,
    });
    https.addTargets('App', { port: 8080, targets: [new targets.InstanceTarget(app, 8080)] });
    alb.addRedirect({ sourcePort: 80, targetPort: 443 });
    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'ehr-web-acl', sampledRequestsEnabled: true },
      rules: [{
        name: 'aws-common', priority: 0, overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesCommonRuleSet' } },
        visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'aws-common', sampledRequestsEnabled: true },
      }],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', { resourceArn: alb.loadBalancerArn, webAclArn: webAcl.attrArn });

    const dbSg = new ec2.SecurityGroup(this, 'DbSg', { vpc, description: 'EHR database', allowAllOutbound: false });
    dbSg.addIngressRule(appSg, ec2.Port.tcp(5432), 'PostgreSQL from the application tier');
    new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      securityGroups: [dbSg],
      storageEncrypted: true,
      storageEncryptionKey: dataKey,
      multiAz: true,
      backupRetention: cdk.Duration.days(35),
      deletionProtection: true,
      iamAuthentication: true,
      cloudwatchLogsExports: ['postgresql', 'upgrade'],
      removalPolicy: cdk.RemovalPolicy.SNAPSHOT,
    });

    new logs.LogGroup(this, 'AppLogs', { retention: logs.RetentionDays.FIVE_YEARS, encryptionKey: dataKey });

    const vault = new backup.BackupVault(this, 'BackupVault', {
      encryptionKey: dataKey,
      lockConfiguration: { minRetention: cdk.Duration.days(35) },
    });
    // Recovery points are copied to a vault in the Osaka region: a regional outage or a lost vault leaves a copy in Japan.
    const disasterRecoveryVault = backup.BackupVault.fromBackupVaultArn(this, 'DrVault', 'arn:aws:backup:ap-northeast-3:123456789012:backup-vault:ehr-dr');
    const plan = new backup.BackupPlan(this, 'BackupPlan', {
      backupVault: vault,
      backupPlanRules: [new backup.BackupPlanRule({
        ruleName: 'DailyFiveYears',
        scheduleExpression: events.Schedule.cron({ hour: '3', minute: '0' }),
        deleteAfter: cdk.Duration.days(1827),
        copyActions: [{ destinationBackupVault: disasterRecoveryVault, deleteAfter: cdk.Duration.days(1827) }],
      })],
    });
    plan.addSelection('Everything', { resources: [backup.BackupResource.fromConstruct(this)] });
  }
}
