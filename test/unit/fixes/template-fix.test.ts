/** Template fixer behaviour that rule fixes rely on: block values replaced cleanly, several changes in one fix. */
import * as assert from 'assert';
import { templateOf } from '../../../server/src/engine';
import { applyEdits } from '../../../server/src/engine';
import { templateFixEdits } from '../../../server/src/engine/fixes/template-fix';
import { Template } from '../../../server/src/engine/model/template';
import { open, run } from '../../helpers';

const TEXT = `Resources:
  Logs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration:
        Status: Suspended
  Next:
    Type: AWS::SNS::Topic
`;

function model(text: string): Template {
  const a = run('x.yaml', text);
  assert.ok(
    templateOf(a),
    open(a)
      .map(f => f.message)
      .join(),
  );
  return templateOf(a)!;
}

describe('template fixes', () => {
  it('replacing a block map value keeps the following resource on its own line', () => {
    const t = model(TEXT);
    const edits = templateFixEdits(t, {
      kind: 'set',
      resource: t.byId.get('Logs')!,
      path: ['Properties', 'VersioningConfiguration'],
      value: { Status: 'Enabled' },
    })!;
    assert.strictEqual(applyEdits(TEXT, edits), TEXT.replace('Suspended', 'Enabled'));
  });

  it('"also" inserts several resources in order as one edit', () => {
    const t = model(TEXT);
    const edits = templateFixEdits(t, {
      kind: 'addResource',
      logicalId: 'A',
      body: { Type: 'AWS::SNS::Topic' },
      also: [{ kind: 'addResource', logicalId: 'B', body: { Type: 'AWS::SQS::Queue' } }],
    })!;
    assert.strictEqual(edits.length, 1);
    assert.strictEqual(
      applyEdits(TEXT, edits),
      `${TEXT}  A:\n    Type: AWS::SNS::Topic\n  B:\n    Type: AWS::SQS::Queue\n`,
    );
  });

  it('"also" combines changes to different places', () => {
    const t = model(TEXT);
    const edits = templateFixEdits(t, {
      kind: 'set',
      resource: t.byId.get('Next')!,
      path: ['Properties', 'DisplayName'],
      value: 'alerts',
      also: [{ kind: 'set', resource: t.byId.get('Logs')!, path: ['Properties', 'ObjectLockEnabled'], value: true }],
    })!;
    const out = applyEdits(TEXT, edits);
    assert.ok(out.includes('        Status: Suspended\n      ObjectLockEnabled: true\n  Next:'), out);
    assert.ok(out.endsWith('    Type: AWS::SNS::Topic\n    Properties:\n      DisplayName: alerts\n'), out);
  });

  it('"also" works in a flow-style Resources map', () => {
    const text = 'Resources: { Topic: { Type: "AWS::SNS::Topic" } }\n';
    const t = model(text);
    const out = applyEdits(
      text,
      templateFixEdits(t, {
        kind: 'addResource',
        logicalId: 'A',
        body: { Type: 'AWS::SQS::Queue' },
        also: [{ kind: 'addResource', logicalId: 'B', body: { Type: 'AWS::SQS::Queue' } }],
      })!,
    );
    assert.strictEqual(
      out,
      'Resources: { Topic: { Type: "AWS::SNS::Topic" }, A: {Type: AWS::SQS::Queue}, B: {Type: AWS::SQS::Queue} }\n',
    );
    assert.deepStrictEqual(
      model(out).resources.map(r => r.logicalId),
      ['Topic', 'A', 'B'],
    );
  });

  it('date-like strings are quoted so YAML 1.1 readers keep them as text', () => {
    const t = model(TEXT);
    const out = applyEdits(
      TEXT,
      templateFixEdits(t, {
        kind: 'set',
        resource: t.byId.get('Next')!,
        path: ['Properties', 'Version'],
        value: '2012-10-17',
      })!,
    );
    assert.ok(out.includes('      Version: "2012-10-17"\n'), out);
  });
});
