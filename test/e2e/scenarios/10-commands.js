// The extension's own UI: the status-bar count, Check Workspace (files not open), Explain Rule at Cursor (webview),
// New Risk Assessment from Template (an untitled iryo-risk document next to the template) and the coverage report's
// message outside risk files.
'use strict';
const assert = require('assert');
const path = require('path');
const { inkRatio } = require('../lib/image');
const { hasExactly } = require('../lib/problems');
const { PATIENT_RECORDS } = require('../lib/messages');

const ACCESS_LOGS = [
  'Warning: S3 bucket AccessLogs uses SSE-S3 (AES256); use SSE-KMS for patient data so key use can be audited ' +
    '[3.1①; MHLW 6.0 Sys 7③, Mgmt 15③]',
  'Error: S3 bucket AccessLogs does not enable the public access block (PublicAccessBlockConfiguration) ' +
    '[3.1①; MHLW 6.0 Sys 14①, Sys 14④]',
  'Warning: S3 bucket AccessLogs does not deny requests made without TLS (it has no bucket policy) ' +
    '[3.8②, 3.13①; MHLW 6.0 Sys 13⑪]',
  'Warning: S3 bucket AccessLogs does not have versioning enabled (Status: not set) ' +
    '[3.21①, 3.4②; MHLW 6.0 Sys 11①, Sys 18①]',
  'Warning: S3 bucket AccessLogs, which looks like a backup or log archive, ' +
    'lacks Object Lock (ObjectLockEnabled: not set) ' +
    '[3.4②, 3.21①; MHLW 6.0 Sys 11①, Sys 18①, Sys 17②]',
  'Warning: S3 bucket AccessLogs has no server access logging (LoggingConfiguration) [3.3①, 3.4⑤; MHLW 6.0 Sys 17①]',
];

module.exports = {
  name: 'Status bar, Check Workspace, Explain Rule, New Risk Assessment',
  workspace: 'commands',
  settings: { 'iryoGuard.language': 'en' },
  timeoutMs: 90000,
  async run(page, h) {
    await h.openFile('infra/storage.yaml');
    await h.problems(rows => hasExactly(rows, 'storage.yaml', Object.values(PATIENT_RECORDS.en)));
    await h.statusBar(/iryo-guard: 5 findings/);

    // logs.json is not open: only Check Workspace brings its findings to the Problems panel.
    await h.runCommand('iryo-guard: Check Workspace');
    await h.notification(/iryo-guard checked 2 files: 11 findings \(2 errors, 9 warnings\)\./);
    await h.statusBar(/iryo-guard: 11 findings/);
    await h.problems(rows => hasExactly(rows, 'logs.json', ACCESS_LOGS));
    await h.clearNotifications();

    // Explain the finding under the cursor: a webview beside the editor with the rule's catalog entry.
    const at = await h.positionOf('PatientRecords:');
    await h.gotoLine(at.line, at.column + 1);
    await h.runCommand('iryo-guard: Explain Rule at Cursor');
    const text = await h.webviewText('iryo-guard rule');
    assert.match(text, /(s3-bucket-encryption|s3-public-access-block) — iryo-guard rule/);
    assert.match(text, /Severity: error/);
    const shot = path.join(__dirname, '../artifacts/04-commands-explain-webview.png');
    const ink = inkRatio(await h.webviewScreenshot(shot));
    assert.ok(ink > 0.005, `the explanation webview is not blank (ink ${ink.toFixed(4)}) ${shot}`);

    // A draft assessment from the template.
    await h.openFile('infra/storage.yaml');
    await h.runCommand('iryo-guard: New Risk Assessment from Template');
    await h.until('the draft to open', async () => /storage\.risk\.yaml/.test((await h.activeTab()) || ''));
    await h.notification(/Drafted 9 risks, one per minimum scenario the findings touch/);
    await h.statusBar(/iryo-guard risk assessment/);
    const draft = await h.editorText();
    assert.match(draft, /iac: \["storage\.yaml"\]/);
    assert.match(draft, /threat: data-theft-leakage\n {4}scenarios: \["1\.8"\]/);

    // The coverage report needs a risk file; a template gets a message.
    await h.openFile('infra/logs.json');
    await h.runCommand('iryo-guard: Open Coverage Report');
    await h.notification(/Open a \*\.risk\.yaml file to see its coverage report/);
  },
};
