// Issue scenario 4: editing a template without saving re-checks the risk file that lists it under `iac:`. The risk
// file's control claims rule s3-bucket-encryption; removing the bucket's BucketEncryption in the template editor makes
// the risk file's Problems row "claims rule s3-bucket-encryption, but it fires on …" appear within 2 s.
'use strict';
const assert = require('assert');
const { hasExactly, headerCount } = require('../lib/problems');

const CONTRADICTED =
  'Warning: The control claims rule s3-bucket-encryption, but it fires on PatientRecords (storage.yaml:4)';
const TEMPLATE = [
  'Error: S3 bucket PatientRecords does not enable the public access block (PublicAccessBlockConfiguration) ' +
    '[3.1①; MHLW 6.0 Sys 14①, Sys 14④]',
  'Warning: S3 bucket PatientRecords does not deny requests made without TLS (it has no bucket policy) ' +
    '[3.8②, 3.13①; MHLW 6.0 Sys 13⑪]',
  'Warning: S3 bucket PatientRecords does not have versioning enabled (Status: not set) ' +
    '[3.21①, 3.4②; MHLW 6.0 Sys 11①, Sys 18①]',
  'Warning: S3 bucket PatientRecords has no server access logging (LoggingConfiguration) ' +
    '[3.3①, 3.4⑤; MHLW 6.0 Sys 17①]',
];
const NO_ENCRYPTION =
  'Warning: S3 bucket PatientRecords is encrypted only with SSE-S3, the AWS default since 2023-01-05; ' +
  'patient data needs a KMS key you control (BucketEncryption), so key use is logged and limited ' +
  '[3.1①, 1.8, 2.2; MHLW 6.0 Mgmt 15③, Sys 7③]';

module.exports = {
  name: 'An unsaved template edit re-checks the risk file that lists it',
  workspace: 'risk-live-iac',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('storage.risk.yaml');
    // The code lens on assessment shows that the risk file was analysed with its linked template.
    await h.until(
      'the risk file code lens',
      async () =>
        /86 \/ 86 minimum scenarios covered, 4 open IaC findings/.test(
          await page
            .locator('.editor-group-container.active .codelens-decoration')
            .allInnerTexts()
            .then(t => t.join(' '))
            .catch(() => ''),
        ),
      20000,
    );
    await h.openFile('storage.yaml');
    const before = await h.problems(rows => hasExactly(rows, 'storage.yaml', TEMPLATE));
    assert.strictEqual(
      headerCount(before, 'storage.risk.yaml'),
      undefined,
      `the risk file starts without problems: ${JSON.stringify(before)}`,
    );

    const at = await h.positionOf('      BucketEncryption:');
    await h.gotoLine(at.line, 1);
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Delete');
    const edited = Date.now();
    assert.ok(!(await h.editorText()).includes('BucketEncryption'), 'the encryption block is gone from the editor');
    await h.problems(rows => hasExactly(rows, 'storage.risk.yaml', [CONTRADICTED]), 2000);
    const ms = Date.now() - edited;
    await h.problems(rows => hasExactly(rows, 'storage.yaml', [NO_ENCRYPTION, ...TEMPLATE]), 2000);
    assert.ok(
      await page.locator('.editor-group-container.active .tab.active.dirty').count(),
      'the template is still unsaved',
    );
    assert.ok(h.read('storage.yaml').includes('BucketEncryption'), 'the template on disk is unchanged');
    console.log(`       risk file problem appeared ${ms} ms after the template edit`);
  },
};
