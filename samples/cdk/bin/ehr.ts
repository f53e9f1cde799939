#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { AccountBaselineStack } from '../lib/account-baseline-stack';
import { EhrStack } from '../lib/ehr-stack';
import { EhrNoncompliantStack } from '../lib/ehr-noncompliant-stack';

const app = new cdk.App();
const env = { account: '123456789012', region: 'ap-northeast-1' };
new AccountBaselineStack(app, 'AccountBaselineStack', { env });
new EhrStack(app, 'EhrStack', { env });
new EhrNoncompliantStack(app, 'EhrNoncompliantStack', { env });
