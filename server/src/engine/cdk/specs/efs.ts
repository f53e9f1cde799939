/** aws-efs: `FileSystem`. */
import { always, bool, opaque, whenTrue } from './props';
import { ConstructSpec } from './types';

export const fileSystem: ConstructSpec = {
  module: 'aws-efs',
  classes: ['FileSystem'],
  type: 'AWS::EFS::FileSystem',
  props: [
    bool(
      'encrypted',
      ['Encrypted'],
      always(true),
      'the `@aws-cdk/aws-efs:defaultEncryptionAtRest` flag is always on in v2',
    ),
    opaque('kmsKey', ['KmsKeyId']),
    whenTrue('enableAutomaticBackups', ['BackupPolicy', 'Status'], 'ENABLED'),
    opaque('fileSystemPolicy', ['FileSystemPolicy']),
  ],
  removalDefault: 'RETAIN',
};
