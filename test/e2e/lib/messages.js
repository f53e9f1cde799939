// The Problems rows a person sees for the bare PatientRecords bucket (no encryption, public access block, TLS-only
// policy, versioning or access logging) that several workspaces start from, as "Severity: message" (lib/problems.js).
'use strict';

const PATIENT_RECORDS = {
  en: {
    encryption:
      'Warning: S3 bucket PatientRecords is encrypted only with SSE-S3, the AWS default since 2023-01-05; ' +
      'patient data needs a KMS key you control (BucketEncryption), so key use is logged and limited ' +
      '[3.1①, 1.8, 2.2; MHLW 6.0 Mgmt 15③, Sys 7③]',
    publicAccess:
      'Error: S3 bucket PatientRecords does not enable the public access block (PublicAccessBlockConfiguration) ' +
      '[3.1①; MHLW 6.0 Sys 14①, Sys 14④]',
    tlsOnly:
      'Warning: S3 bucket PatientRecords does not deny requests made without TLS (it has no bucket policy) ' +
      '[3.8②, 3.13①; MHLW 6.0 Sys 13⑪]',
    versioning:
      'Warning: S3 bucket PatientRecords does not have versioning enabled (Status: not set) ' +
      '[3.21①, 3.4②; MHLW 6.0 Sys 11①, Sys 18①]',
    accessLogging:
      'Warning: S3 bucket PatientRecords has no server access logging (LoggingConfiguration) ' +
      '[3.3①, 3.4⑤; MHLW 6.0 Sys 17①]',
  },
  ja: {
    encryption:
      'Warning: S3 バケット PatientRecords は既定の SSE-S3 でのみ暗号化されています（2023-01-05 以降の AWS の既定）。' +
      '患者データには、利用を記録し鍵ポリシーで制限できる KMS 鍵 (BucketEncryption) を指定してください ' +
      '[3.1①, 1.8, 2.2; 医療GL 6.0 企15③、シス7③]',
    publicAccess:
      'Error: S3 バケット PatientRecords のパブリックアクセスブロック (PublicAccessBlockConfiguration) が有効になっていません ' +
      '[3.1①; 医療GL 6.0 シス14①、シス14④]',
    tlsOnly:
      'Warning: S3 バケット PatientRecords は TLS を使わないリクエストを拒否していません (バケットポリシーがありません) [3.8②, 3.13①; 医療GL 6.0 シス13⑪]',
    versioning:
      'Warning: S3 バケット PatientRecords のバージョニングが有効ではありません (Status: 未設定) [3.21①, 3.4②; 医療GL 6.0 シス11①、シス18①]',
    accessLogging:
      'Warning: S3 バケット PatientRecords のサーバーアクセスログ (LoggingConfiguration) が設定されていません [3.3①, 3.4⑤; 医療GL 6.0 シス17①]',
  },
};

/** The message part of a "Severity: message" row, as hovers list it. */
const messageOf = row => row.replace(/^(Error|Warning|Info|Hint): /, '').replace(/ \[[^\]]*\]$/, '');

module.exports = { PATIENT_RECORDS, messageOf };
