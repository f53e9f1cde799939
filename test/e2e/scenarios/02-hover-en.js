// Issue scenario 2 (English): hover over a resource type and over a scenario ID in a comment.
'use strict';
const assert = require('assert');
const { hasExactly } = require('../lib/problems');
const { PATIENT_RECORDS, messageOf } = require('../lib/messages');

const FINDINGS = Object.values(PATIENT_RECORDS.en);

module.exports = {
  name: 'Hover on a resource type and a scenario ID (en)',
  workspace: 'hover',
  settings: { 'iryoGuard.language': 'en' },
  async run(page, h) {
    await h.openFile('storage.yaml');
    await h.problems(rows => hasExactly(rows, 'storage.yaml', FINDINGS));
    const type = await h.hoverAt('AWS::S3::Bucket', 5);
    assert.match(type, /AWS::S3::Bucket — PatientRecords/);
    assert.match(type, /Rules for this type/);
    assert.match(
      type,
      /s3-bucket-encryption S3 bucket default encryption \[3\.1①, 1\.8, 2\.2; MHLW 6\.0 Mgmt 15③, Sys 7③\]/,
    );
    assert.match(type, /s3-bucket-tls-only Deny non-TLS access to S3 \[3\.8②, 3\.13①; MHLW 6\.0 Sys 13⑪\]/);
    assert.match(type, /5 findings on this resource/);
    for (const row of FINDINGS)
      assert.ok(type.includes(messageOf(row)), `the hover lists "${messageOf(row)}":\n${type}`);
    await h.dismiss();
    const scenario = await h.hoverAt('3.13②', 1);
    assert.match(scenario, /3\.13② — Risk scenario \(Annex 2\)/);
    assert.match(scenario, /Category: technical/);
  },
};
