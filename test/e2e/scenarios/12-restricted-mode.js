// Workspace trust: in Restricted Mode (an untrusted folder) the extension still checks templates, because it only
// reads files (package.json declares capabilities.untrustedWorkspaces.supported = true).
'use strict';
const { hasExactly } = require('../lib/problems');
const { PATIENT_RECORDS } = require('../lib/messages');

module.exports = {
  name: 'Works in Restricted Mode (untrusted workspace)',
  workspace: 'hover',
  restricted: true,
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.statusBar(/Restricted Mode/);
    await h.openFile('storage.yaml');
    await h.problems(rows => hasExactly(rows, 'storage.yaml', Object.values(PATIENT_RECORDS.en)));
    await h.statusBar(/iryo-guard: 5 findings/);
  },
};
