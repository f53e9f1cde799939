// Issue scenario 6: "iryo-guard: Open Coverage Report" on an open risk file shows the report in a webview beside it:
// the heading, the coverage of the 86 minimum scenarios and the risk matrices, rendered (not a blank panel).
'use strict';
const assert = require('assert');
const path = require('path');
const { inkRatio } = require('../lib/image');

module.exports = {
  name: 'Coverage report webview of a risk file',
  workspace: 'coverage-report',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('ehr.risk.yaml');
    await h.runCommand('iryo-guard: Open Coverage Report');
    const text = await h.webviewText('Risk matrix');
    assert.match(text, /Risk assessment: 電子カルテ クラウドサービス/);
    assert.match(text, /Minimum scenarios covered: 86 \/ 86/);
    assert.match(text, /Open IaC findings: 0/);
    assert.match(text, /Residual \(after treatment\)/);
    assert.match(text, /Scenario coverage/);
    assert.strictEqual(
      await page.locator('.tab[aria-label*="Report: ehr.risk.yaml"]').count(),
      1,
      'the report opens in its own tab',
    );
    const shot = path.join(__dirname, '../artifacts/06-coverage-report-webview.png');
    const ink = inkRatio(await h.webviewScreenshot(shot));
    console.log(
      `       report webview ink ${ink.toFixed(4)}, screenshot: ` +
        `${path.relative(path.join(__dirname, '../../..'), shot)}`,
    );
    assert.ok(ink > 0.005, `the report webview is not blank (ink ${ink.toFixed(4)}) ${shot}`);
  },
};
