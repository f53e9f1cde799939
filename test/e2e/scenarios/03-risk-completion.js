// Issue scenario 3: in a risk file, typing `scenarios: ["3.` offers the Annex 2 scenarios with their titles (those of
// the risk's threat first), and accepting one inserts its ID between the quotes.
'use strict';
const assert = require('assert');

// Scenario 3.8② is one of the eavesdropping-spoofing threat's scenarios, so it is ranked among the first.
const TITLE_3_8_2 = 'Traffic with illegitimate sources or destinations is intercepted or spoofed';

module.exports = {
  name: 'Completion of scenario IDs with titles in a risk file',
  workspace: 'risk-completion',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('network.risk.yaml');
    const threat = await h.positionOf('    threat: eavesdropping-spoofing');
    await h.gotoLine(threat.line, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    // With auto-closing, typing `scenarios: ["3.` leaves `scenarios: ["3.|"]`. Typing the closers too gives the same
    // line whether or not the editor inserted them (it types over its own), then the cursor goes back inside the
    // quotes.
    await page.keyboard.type('scenarios: ');
    await h.dismiss(); // the key completion that typing opened
    await page.keyboard.type('["3."]', { delay: 40 });
    await h.dismiss();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const line = threat.line + 1;
    await h
      .until('the typed line', async () => (await h.lineText(line)) === '    scenarios: ["3."]', 3000)
      .catch(async e => {
        throw new Error(`${e.message}; line ${line}: ${JSON.stringify(await h.lineText(line))}`);
      });
    const labels = await h.suggest(rows => rows.some(r => r.startsWith('3.8②')));
    assert.ok(
      labels.slice(0, 5).some(r => r.startsWith('3.8②')),
      `the threat's scenarios come first: ${JSON.stringify(labels.slice(0, 8))}`,
    );
    assert.ok(
      labels.every(r => /^3\.\d/.test(r)),
      `only scenarios starting with "3." are listed: ${JSON.stringify(labels)}`,
    );
    // The focused item shows its detail inline: the scenario's title.
    const focused = await h.focusSuggestion('3.8②');
    assert.ok(focused.includes(TITLE_3_8_2), `the item shows the scenario's title: ${focused}`);
    await page.keyboard.press('Enter');
    await h
      .until('the accepted ID in the line', async () => (await h.lineText(line)) === '    scenarios: ["3.8②"]', 5000)
      .catch(async e => {
        throw new Error(`${e.message}; line ${line}: ${JSON.stringify(await h.lineText(line))}`);
      });
  },
};
