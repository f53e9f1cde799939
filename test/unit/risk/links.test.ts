/** Links to the IaC: claims the templates do not back, missing files, and re-checking when a template changes. */
import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, defaultSettings } from '../../../server/src/engine';
import { FileAccess } from '../../../server/src/host/read';
import { Session } from '../../../server/src/lsp/session';
import { catalog, context, open, ROOT, uriOf, viewOf } from '../../helpers';
import { analyzeRisk, assertFixResolves, baseDoc, only, RISK_NAME, textAt } from './util';

const UNENCRYPTED = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Docs:
    Type: AWS::S3::Bucket
    Properties:
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`;
const KEY_ONLY = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
`;

const linked = (iac: string, control: string) =>
  baseDoc({ assessment: `  iac: [${iac}]\n` }).replace('measure: m\n', `measure: m\n${control}`);

describe('risk file ↔ IaC links', () => {
  it('a claimed rule that fires on a linked template is reported on the control, with related information', () => {
    const files = { 'tpl.yaml': UNENCRYPTED };
    const a = analyzeRisk(
      linked(
        'tpl.yaml',
        '        services: [s3, kms]\n        rules: [s3-bucket-encryption, s3-public-access-block]\n',
      ),
      {},
      files,
    );
    const f = only(a, 'risk-control-contradicted');
    assert.strictEqual(
      f.length,
      1,
      open(a)
        .map(x => x.message)
        .join('\n'),
    );
    assert.strictEqual(textAt(a, f[0]), 's3-bucket-encryption');
    assert.strictEqual(f[0].message, 'The control claims rule s3-bucket-encryption, but it fires on Docs (tpl.yaml:3)');
    assert.strictEqual(f[0].related!.length, 1);
    assert.strictEqual(f[0].related![0].uri, uriOf('tpl.yaml'));
    assert.strictEqual(f[0].related![0].range.start.line, 2);
    assert.match(f[0].related![0].message, /S3 bucket Docs is encrypted only with SSE-S3/);
    // kms has resource types and the template defines none of them.
    assert.deepStrictEqual(
      only(a, 'risk-service-not-in-iac').map(x => textAt(a, x)),
      ['kms'],
    );
  });

  it('an unsaved draft (untitled:) resolves its iac: paths beside the file it will be saved as', () => {
    const tplUri = uriOf('tpl.yaml');
    const draft = 'untitled:' + new URL(uriOf('drafted.risk.yaml')).pathname;
    const a = viewOf(
      analyze(
        draft,
        linked('tpl.yaml', '        services: [s3]\n        rules: [s3-bucket-encryption]\n'),
        context({}, { [tplUri]: UNENCRYPTED }),
      ),
    );
    assert.deepStrictEqual(only(a, 'risk-iac-missing'), []);
    assert.strictEqual(only(a, 'risk-control-contradicted')[0].related![0].uri, tplUri);
  });

  it('a suppressed finding (with a reason) does not contradict the claim', () => {
    const files = {
      'tpl.yaml': UNENCRYPTED.replace(
        '  Docs:\n',
        '  # iryo-guard-ignore s3-bucket-encryption: public static assets only\n  Docs:\n',
      ),
    };
    const a = analyzeRisk(
      linked('tpl.yaml', '        services: [s3]\n        rules: [s3-bucket-encryption]\n'),
      {},
      files,
    );
    assert.deepStrictEqual(open(a), []);
  });

  it('a rule whose resources no linked template defines proves nothing', () => {
    const a = analyzeRisk(linked('tpl.yaml', '        rules: [s3-bucket-encryption]\n'), {}, { 'tpl.yaml': KEY_ONLY });
    const f = only(a, 'risk-rule-not-applicable');
    assert.deepStrictEqual(
      f.map(x => [textAt(a, x), x.severity]),
      [['s3-bucket-encryption', 'info']],
    );
  });

  it('a service without resource types (time-sync) is never reported', () => {
    assert.deepStrictEqual(
      open(analyzeRisk(linked('tpl.yaml', '        services: [time-sync, kms]\n'), {}, { 'tpl.yaml': KEY_ONLY })),
      [],
    );
  });

  it('missing and non-template iac files', () => {
    const a = analyzeRisk(
      baseDoc({ assessment: '  iac: [nope.yaml, notes.yaml]\n' }),
      {},
      { 'notes.yaml': 'hello: world\n' },
    );
    assert.deepStrictEqual(
      only(a, 'risk-iac-missing').map(x => [textAt(a, x), x.message]),
      [['nope.yaml', 'IaC file nope.yaml does not exist']],
    );
    assert.deepStrictEqual(
      only(a, 'risk-iac-not-template').map(x => textAt(a, x)),
      ['notes.yaml'],
    );
  });

  it('folders, wildcards and empty paths are named as such, not as missing files', () => {
    const a = analyzeRisk(
      baseDoc({ assessment: '  iac: [infra/, "infra/*.yaml", "", ., tpl.yaml]\n' }),
      {},
      { 'tpl.yaml': KEY_ONLY },
    );
    assert.deepStrictEqual(
      only(a, 'risk-iac-not-a-file').map(x => [textAt(a, x), x.message]),
      [
        ['infra/', 'iac lists template files one by one: infra/ is a folder'],
        ['"infra/*.yaml"', 'iac lists template files one by one: infra/*.yaml is a wildcard pattern'],
        ['""', 'iac lists template files one by one: "" is empty'],
        ['.', 'iac lists template files one by one: . is a folder'],
      ],
    );
    assert.deepStrictEqual(only(a, 'risk-iac-missing'), []);
  });

  it('claimed resources must exist; did-you-mean fix', () => {
    const files = { 'tpl.yaml': KEY_ONLY };
    const a = analyzeRisk(linked('tpl.yaml', '        resources: [Kye]\n'), {}, files);
    const f = only(a, 'risk-unknown-resource');
    assert.deepStrictEqual(
      f.map(x => [textAt(a, x), x.message]),
      [['Kye', 'Resource "Kye" is not defined in the linked templates; did you mean "Key"?']],
    );
    assertFixResolves(a, f[0]);
  });

  it('without a way to read files nothing is claimed about the IaC', () => {
    const a = analyzeRisk(baseDoc({ assessment: '  iac: [nope.yaml]\n' }));
    assert.deepStrictEqual(only(a, 'risk-iac-missing').length, 1);
  });

  it('an edit to a template re-checks the risk file that lists it (session dependents)', () => {
    const riskUri = uriOf(RISK_NAME),
      tplUri = uriOf('tpl.yaml');
    const docs = new Map<string, TextDocument>();
    docs.set(
      riskUri,
      TextDocument.create(
        riskUri,
        'iryo-risk',
        1,
        linked('tpl.yaml', '        services: [s3]\n        rules: [s3-bucket-encryption]\n'),
      ),
    );
    docs.set(tplUri, TextDocument.create(tplUri, 'yaml', 1, UNENCRYPTED));
    const files = new FileAccess({ roots: () => [ROOT], maxBytes: () => defaultSettings.maxFileSizeKB * 1024 });
    const session = new Session(catalog, { ...defaultSettings }, uri => docs.get(uri), files);
    const before = viewOf(session.analyzeDocument(docs.get(riskUri)!));
    assert.strictEqual(only(before, 'risk-control-contradicted').length, 1);
    assert.deepStrictEqual(session.dependentsOf(tplUri), [riskUri]);
    const fixed = UNENCRYPTED.replace(
      '    Properties:\n',
      '    Properties:\n      BucketEncryption:\n        ServerSideEncryptionConfiguration:\n          - ' +
        'ServerSideEncryptionByDefault:\n              SSEAlgorithm: aws:kms\n',
    );
    docs.set(tplUri, TextDocument.update(docs.get(tplUri)!, [{ text: fixed }], 2));
    session.analyzeDocument(docs.get(tplUri)!);
    // The risk document itself is unchanged (same version): its analysis is redone because its dependency changed.
    assert.deepStrictEqual(
      open(viewOf(session.analyzeDocument(docs.get(riskUri)!))).map(f => f.rule),
      [],
    );
  });
});
