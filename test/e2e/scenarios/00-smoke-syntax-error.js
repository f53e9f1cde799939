// Foundation smoke test: the packed extension activates, starts its server and reports a YAML syntax error on its line.
'use strict';
const assert = require('assert');

module.exports = {
  name: 'Broken template shows one syntax error on line 6',
  workspace: 'broken-template',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('broken.yaml');
    const rows = await h.problems(rows => rows.some(r => r.includes('YAML syntax error')));
    const ours = rows.filter(r => r.includes('iryo-guard'));
    assert.strictEqual(ours.length, 1, `exactly one iryo-guard problem: ${JSON.stringify(rows)}`);
    assert.match(ours[0], /Nested mappings are not allowed in compact mappings/);
    assert.match(ours[0], /Ln 6, Col 19|line 6|6:19/i, `the problem is on line 6: ${ours[0]}`);
  },
};
