// Issue scenario 1: a non-compliant template shows its findings in the Problems panel; the lightbulb quick fix removes
// the encryption finding (and only it) and leaves the file exactly as expected.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { hasExactly } = require('../lib/problems');
const { PATIENT_RECORDS } = require('../lib/messages');

const { encryption, publicAccess, tlsOnly, versioning, accessLogging } = PATIENT_RECORDS.en;

module.exports = {
  name: 'CloudFormation findings in Problems, fixed through the lightbulb',
  workspace: 'cfn-quickfix',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('template.yaml');
    await h.problems(rows =>
      hasExactly(rows, 'template.yaml', [encryption, publicAccess, tlsOnly, versioning, accessLogging]),
    );
    await h.statusBar(/iryo-guard: 5 findings/);
    const at = await h.positionOf('PatientRecords:');
    await h.gotoLine(at.line, at.column + 2);
    await h.quickFix('Add default SSE-KMS encryption');
    await h.problems(rows => hasExactly(rows, 'template.yaml', [publicAccess, tlsOnly, versioning, accessLogging]));
    await h.statusBar(/iryo-guard: 4 findings/);
    await h.save();
    const expected = fs.readFileSync(path.join(__dirname, '../expected/cfn-quickfix.template.yaml'), 'utf8');
    assert.strictEqual(h.read('template.yaml'), expected);
  },
};
