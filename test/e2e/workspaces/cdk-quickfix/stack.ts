import * as cdk from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';

/** Stores scanned charts for the EHR service. */
export class ChartsStack extends cdk.Stack {
  constructor(scope: cdk.App, id: string) {
    super(scope, id);
    new s3.Bucket(this, 'Charts', { blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL });
  }
}
