import * as assert from 'assert';
import { parse } from 'yaml';
import { draftAssessment } from '../../server/src/engine/newAssessment';
import { catalog, onlyRules, run } from '../helpers';

/** The drafting logic is about the findings it is given: one rule's worth keeps the expectations exact. */
const ONLY = onlyRules('s3-bucket-encryption');

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  PatientRecords:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: ehr-patient-records
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`;

describe('draftAssessment (new risk assessment from a template)', () => {
  it('has one risk per minimum scenario the findings touch, with the threat, perspective and proving rule', () => {
    const a = run('ehr-storage.yaml', TEMPLATE, ONLY);
    const d = draftAssessment(a, catalog, { lang: 'en', iacPath: 'ehr-storage.yaml' });
    // Catalog order of the scenarios s3-bucket-encryption serves (3.1①, 1.8, 2.2).
    assert.deepStrictEqual(d.scenarios, ['1.8', '2.2', '3.1①']);
    assert.strictEqual(d.fileName, 'ehr-storage.risk.yaml');
    const doc = parse(d.text);
    assert.deepStrictEqual(doc.assessment, {
      id: 'ehr-storage',
      title: 'Risk assessment for ehr-storage',
      guideline: 'metimic-2.0',
      acceptance: 'C',
      iac: ['ehr-storage.yaml'],
    });
    assert.deepStrictEqual(doc.flows, [{ id: 'F1', description: '', classification: 'patient-personal' }]);
    assert.strictEqual(doc.risks.length, 3);
    const [r1, r2] = doc.risks;
    assert.deepStrictEqual(r1.scenarios, ['1.8']);
    assert.deepStrictEqual(
      doc.risks.map((r: { controls: { perspective: string }[] }) => r.controls[0].perspective),
      ['organizational', 'physical', 'technical'],
    );
    assert.strictEqual(r1.description, catalog.scenarios.get('1.8')!.title.en);
    assert.strictEqual(r1.threat, catalog.scenarios.get('1.8')!.threats[0]);
    assert.strictEqual(r2.id, 'R2');
    for (const r of doc.risks) {
      const perspective = catalog.scenarios.get(r.scenarios[0])!.perspective;
      assert.strictEqual(r.flow, 'F1');
      assert.strictEqual(r.impact, null, "impact is the assessor's judgement");
      assert.strictEqual(r.likelihood, null);
      assert.deepStrictEqual(r.residual, { impact: null, likelihood: null });
      assert.deepStrictEqual(r.controls, [
        {
          perspective,
          owner: 'provider',
          measure: 'Add default SSE-KMS encryption',
          services: ['s3', 'kms'],
          rules: ['s3-bucket-encryption'],
          // The edition it is audited against (6.0 for metimic-2.0), in the short form auditors write.
          guidelines: ['企15③', 'シス7③'],
        },
      ]);
    }
  });

  it('writes Japanese titles and descriptions when the language is ja', () => {
    const d = draftAssessment(run('ehr.yaml', TEMPLATE, ONLY), catalog, {
      lang: 'ja',
      iacPath: 'ehr.yaml',
      guideline: 'mhlw-6.0',
    });
    const doc = parse(d.text);
    assert.strictEqual(doc.assessment.title, 'ehr のリスクアセスメント');
    assert.strictEqual(doc.assessment.guideline, 'mhlw-6.0');
    assert.strictEqual(doc.risks[0].description, catalog.scenarios.get('1.8')!.title.ja);
    assert.strictEqual(doc.risks[0].controls[0].measure, 'SSE-KMS による既定暗号化を追加');
  });

  it('cites MHLW 5.2 items when the assessment follows MHLW 5.2', () => {
    const d = draftAssessment(run('ehr.yaml', TEMPLATE, ONLY), catalog, {
      lang: 'en',
      iacPath: 'ehr.yaml',
      guideline: 'mhlw-5.2',
    });
    const doc = parse(d.text);
    assert.deepStrictEqual(doc.risks[0].controls[0].guidelines, ['6.5', '6.4', '6.7']);
  });

  it('falls back to the default edition for an unknown guideline and has no risks for a compliant template', () => {
    const compliant = TEMPLATE.replace(
      '      PublicAccessBlockConfiguration:',
      `      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: aws:kms
      PublicAccessBlockConfiguration:`,
    );
    const a = run('ok.yaml', compliant, ONLY);
    assert.deepStrictEqual(a.findings, []);
    const d = draftAssessment(a, catalog, { lang: 'en', iacPath: 'ok.yaml', guideline: 'mhlw-9.9' });
    const doc = parse(d.text);
    assert.strictEqual(doc.assessment.guideline, 'metimic-2.0');
    assert.deepStrictEqual(doc.risks, []);
    assert.deepStrictEqual(d.scenarios, []);
  });
});
