// Issue scenario 2 (Japanese): the same hovers, the diagnostics and the status bar in Japanese. VS Code's display
// language needs a language pack that cannot be installed offline, so the run selects Japanese through
// iryoGuard.language.
'use strict';
const assert = require('assert');
const { hasExactly } = require('../lib/problems');
const { PATIENT_RECORDS, messageOf } = require('../lib/messages');

const FINDINGS = Object.values(PATIENT_RECORDS.ja);

module.exports = {
  name: 'Hover and diagnostics in Japanese (iryoGuard.language: ja)',
  workspace: 'hover',
  settings: { 'iryoGuard.language': 'ja' },
  async run(page, h) {
    await h.openFile('storage.yaml');
    await h.problems(rows => hasExactly(rows, 'storage.yaml', FINDINGS));
    // The extension's own strings follow iryoGuard.language too (@vscode/l10n bundle).
    await h.statusBar(/iryo-guard: 指摘 5 件/);
    const type = await h.hoverAt('AWS::S3::Bucket', 5);
    assert.match(type, /この型を検査する規則/);
    assert.match(type, /s3-bucket-encryption S3 バケットの既定暗号化/);
    assert.match(type, /このリソースの指摘: 5 件/);
    for (const row of FINDINGS)
      assert.ok(type.includes(messageOf(row)), `the hover lists "${messageOf(row)}":\n${type}`);
    await h.dismiss();
    const scenario = await h.hoverAt('3.13②', 1);
    assert.match(scenario, /3\.13② — リスクシナリオ \(別紙2\)/);
    assert.match(scenario, /区分: 技術的/);
  },
};
