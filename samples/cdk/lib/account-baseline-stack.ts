import * as cdk from 'aws-cdk-lib';
import * as cloudtrail from 'aws-cdk-lib/aws-cloudtrail';
import * as config from 'aws-cdk-lib/aws-config';
import * as guardduty from 'aws-cdk-lib/aws-guardduty';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as securityhub from 'aws-cdk-lib/aws-securityhub';
import { Construct } from 'constructs';

/**
 * Deployed once per account: the audit trail (multi-region, file validation, KMS, CloudWatch Logs, 5-year archive under
 * Object Lock), GuardDuty, AWS Config and Security Hub. Account-level rules apply to this file.
 */
export class AccountBaselineStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const auditKey = new kms.Key(this, 'AuditKey', { enableKeyRotation: true, description: 'Audit logs' });

    const accessLogs = new s3.Bucket(this, 'AuditAccessLogs', {
      encryption: s3.BucketEncryption.S3_MANAGED,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
    });
    accessLogs.addToResourcePolicy(new iam.PolicyStatement({
      effect: iam.Effect.DENY,
      principals: [new iam.AnyPrincipal()],
      actions: ['s3:DeleteObject', 's3:DeleteObjectVersion'],
      resources: [accessLogs.arnForObjects('*')],
    }));

    const trailBucket = new s3.Bucket(this, 'TrailBucket', {
      encryption: s3.BucketEncryption.KMS,
      encryptionKey: auditKey,
      bucketKeyEnabled: true,
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      versioned: true,
      objectLockDefaultRetention: s3.ObjectLockRetention.governance(cdk.Duration.days(1827)),
      serverAccessLogsBucket: accessLogs,
      serverAccessLogsPrefix: 'trail-bucket/',
    });

    const trailLogs = new logs.LogGroup(this, 'TrailLogs', { retention: logs.RetentionDays.FIVE_YEARS, encryptionKey: auditKey });
    new cloudtrail.Trail(this, 'AuditTrail', {
      bucket: trailBucket,
      encryptionKey: auditKey,
      sendToCloudWatchLogs: true,
      cloudWatchLogGroup: trailLogs,
      enableFileValidation: true,
      isMultiRegionTrail: true,
    });

    new guardduty.CfnDetector(this, 'ThreatDetector', { enable: true, findingPublishingFrequency: 'FIFTEEN_MINUTES' });

    const configRole = new iam.Role(this, 'ConfigRole', {
      assumedBy: new iam.ServicePrincipal('config.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWS_ConfigRole')],
    });
    new config.CfnConfigurationRecorder(this, 'ConfigRecorder', {
      roleArn: configRole.roleArn,
      recordingGroup: { allSupported: true, includeGlobalResourceTypes: true },
    });
    new config.CfnDeliveryChannel(this, 'ConfigDeliveryChannel', { s3BucketName: trailBucket.bucketName });

    new securityhub.CfnHub(this, 'SecurityHub', { enableDefaultStandards: true });
  }
}
