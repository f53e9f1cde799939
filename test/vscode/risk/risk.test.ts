/**
 * The VS Code client in a workspace with a risk file, inside the extension host. Workspace:
 * test/vscode/workspaces/risk — storage.risk.yaml claims rule s3-bucket-encryption on PatientRecords, and storage.yaml
 * (its `iac:`) leaves the bucket unencrypted.
 */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { engineDiagnostics, extension, openFile, shownDiagnostics, until, untilEqual, webviewTabs } from '../util';

describe('iryo-guard in VS Code: a workspace with a risk file', function () {
  this.timeout(90000);

  it('activates because the workspace contains a *.risk.yaml, before any file is opened', async () => {
    assert.deepStrictEqual(
      vscode.workspace.textDocuments.filter(d => d.uri.scheme === 'file').map(d => d.uri.fsPath),
      [],
      'a file was already open',
    );
    await until(
      'activation by workspaceContains',
      () => extension().isActive,
      active => active,
    );
  });

  it("opens the risk file as iryo-risk, with the engine's findings, including the linked template's", async () => {
    const doc = await openFile('storage.risk.yaml');
    assert.strictEqual(doc.languageId, 'iryo-risk');
    const expected = engineDiagnostics(doc, { lang: 'en' });
    assert.ok(
      expected.some(d => d.startsWith('risk-control-contradicted ')),
      `the fixture should contradict its control; the engine gives:\n${expected.join('\n')}`,
    );
    await untilEqual('diagnostics of storage.risk.yaml', () => shownDiagnostics(doc.uri), expected);
  });

  it('Draft Conformity Disclosure opens the draft as Markdown beside its preview', async () => {
    const doc = await openFile('storage.risk.yaml');
    await vscode.commands.executeCommand('iryoGuard.openDisclosure', doc.uri);
    const draft = await until(
      'the untitled disclosure draft',
      () => vscode.workspace.textDocuments.find(d => d.uri.scheme === 'untitled' && d.languageId === 'markdown'),
      d => !!d,
    );
    assert.match(
      draft!.getText(),
      /^# Service specification conformity disclosure \(draft\)|^# サービス仕様適合開示書（下書き）/,
    );
    assert.ok(draft!.uri.path.endsWith('/storage.disclosure.md'), draft!.uri.toString());
  });

  it("Open Coverage Report shows the risk file's report in a webview", async () => {
    const doc = await openFile('storage.risk.yaml');
    await vscode.commands.executeCommand('iryoGuard.openCoverageReport', doc.uri);
    await until(
      'the coverage report webview',
      () => webviewTabs(),
      tabs => tabs.some(t => t.includes('storage.risk.yaml')),
    );
  });
});
