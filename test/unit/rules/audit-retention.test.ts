/**
 * The audit-log retention is a setting (`iryoGuard.auditLogRetentionDays`, CLI `--audit-retention-days`), default
 * 1,827 days: a provider's policy seen in a disclosure, not a figure of the guidelines. The audit-log rule, the
 * Object Lock fix and the log-archive fixes all use the same period.
 */
import * as assert from 'assert';
import { parse } from 'yaml';
import { toSettings, settingsProblems } from '../../../server/src/lsp/settings';
import { catalog, fixesOf, open, run } from '../../helpers';
import { assertSafeFix } from '../../oracles/fix-safety';
import { findingsOf } from './support';

const LOG_GROUP = (days: number) => `Resources:
  AuditTrailLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: ${days}
`;

const ARCHIVE = `Resources:
  AuditLogArchive:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Enabled
`;

describe('audit-log retention setting', () => {
  it('defaults to 1827 days and says the period is a setting, in both languages', () => {
    const [f] = findingsOf('logs-audit-retention', 'logs.yaml', LOG_GROUP(400));
    assert.strictEqual(
      f.message,
      'Log group AuditTrailLogs looks like an audit log but keeps it 400 days, less than the audit-log retention of ' +
        '1827 days (setting iryoGuard.auditLogRetentionDays)',
    );
    const [ja] = findingsOf('logs-audit-retention', 'logs.yaml', LOG_GROUP(400), { lang: 'ja' });
    assert.match(ja.message, /監査ログの保存期間 1827 日（設定 iryoGuard\.auditLogRetentionDays）に足りません/);
    assert.deepStrictEqual(findingsOf('logs-audit-retention', 'logs.yaml', LOG_GROUP(1827)), []);
  });

  it('follows the configured period: the threshold, the fix value and the fix title', () => {
    const settings = { auditLogRetentionDays: 3653 };
    const a = run('logs.yaml', LOG_GROUP(1827), settings);
    const f = open(a).find(x => x.rule === 'logs-audit-retention')!;
    assert.match(f.message, /less than the audit-log retention of 3653 days/);
    assert.strictEqual(fixesOf(a, f)[0].title, 'Keep for 3653 days');
    const fixed = parse(assertSafeFix(a, f).text);
    assert.strictEqual(fixed.Resources.AuditTrailLogs.Properties.RetentionInDays, 3653);
    // A shorter policy lets a shorter retention pass.
    assert.deepStrictEqual(
      findingsOf('logs-audit-retention', 'logs.yaml', LOG_GROUP(400), { auditLogRetentionDays: 365 }),
      [],
    );
  });

  it('makes the Object Lock fix keep objects for the same period (no longer 365 days)', () => {
    const fixOf = (settings = {}) => {
      const a = run('archive.yaml', ARCHIVE, settings);
      const f = open(a).find(x => x.rule === 's3-object-lock')!;
      return parse(assertSafeFix(a, f).text).Resources.AuditLogArchive.Properties.ObjectLockConfiguration;
    };
    assert.deepStrictEqual(fixOf(), {
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1827 } },
    });
    assert.strictEqual(fixOf({ auditLogRetentionDays: 2555 }).Rule.DefaultRetention.Days, 2555);
    const explanation = catalog.rules.get('s3-object-lock')!.explanation;
    assert.ok(!explanation.en.includes('365') && explanation.en.includes('iryoGuard.auditLogRetentionDays'));
    assert.ok(explanation.ja.includes('ガイドラインの数値ではありません'));
  });

  it('makes the account-baseline fix create its log group and archive bucket with the same period', () => {
    const text = `Resources:\n  Detector:\n    Type: AWS::GuardDuty::Detector\n    Properties:\n      Enable: true\n`;
    const a = run('baseline.yaml', text, { accountLevelRules: 'always', auditLogRetentionDays: 2192 });
    const f = open(a).find(x => x.rule === 'cloudtrail-trail-present')!;
    const r = parse(assertSafeFix(a, f).text).Resources;
    assert.strictEqual(r.AuditTrailLogGroup.Properties.RetentionInDays, 2192);
    assert.strictEqual(r.AuditLogBucket.Properties.ObjectLockConfiguration.Rule.DefaultRetention.Days, 2192);
  });

  it('reads the setting from the editor and reports a value it cannot use', () => {
    assert.strictEqual(toSettings({ auditLogRetentionDays: 3653 }, 'en').auditLogRetentionDays, 3653);
    for (const bad of [0, -5, 1.5, '1827', null]) {
      assert.strictEqual(
        toSettings({ auditLogRetentionDays: bad }, 'en').auditLogRetentionDays,
        undefined,
        String(bad),
      );
      const [problem] = settingsProblems({ auditLogRetentionDays: bad }, catalog, 'en');
      assert.match(
        problem,
        /^iryoGuard\.auditLogRetentionDays: .* is not a whole number of days \(1 or more\); using the default 1827$/,
      );
    }
    assert.match(
      settingsProblems({ auditLogRetentionDays: 0 }, catalog, 'ja')[0],
      /1 以上の整数（日数）ではありません/,
    );
  });
});
