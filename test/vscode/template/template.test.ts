/**
 * The VS Code client on a CloudFormation template, inside the extension host: activation, commands, settings reaching
 * the server, the status bar. Workspace: test/vscode/workspaces/template (no risk file, so nothing activates iryo-guard
 * before a template is opened). The tests run in order and share the open template.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import {
  engineDiagnostics,
  extension,
  openFile,
  setSetting,
  shownDiagnostics,
  until,
  untilEqual,
  webviewTabs,
} from '../util';

const TEMPLATE = 'storage.yaml';

describe('iryo-guard in VS Code: a CloudFormation template', function () {
  this.timeout(90000);
  let doc: vscode.TextDocument;

  after(async () => {
    await setSetting('language', 'en');
    await setSetting('rules.disabled', undefined);
  });

  it('is not active until a template is opened, then activates', async () => {
    const ext = extension();
    assert.strictEqual(ext.isActive, false, 'iryo-guard was active before any template or risk file was opened');
    doc = await openFile(TEMPLATE);
    assert.strictEqual(doc.languageId, 'yaml');
    await until(
      'activation on a YAML template',
      () => ext.isActive,
      active => active,
    );
  });

  it("shows the engine's findings on the template as diagnostics", async () => {
    const expected = engineDiagnostics(doc, { lang: 'en' });
    assert.ok(expected.length >= 3, `the fixture should raise several findings; the engine gives ${expected}`);
    await untilEqual('diagnostics of storage.yaml', () => shownDiagnostics(doc.uri), expected);
  });

  it('registers exactly the commands package.json contributes', async () => {
    const contributed: string[] = extension()
      .packageJSON.contributes.commands.map((c: { command: string }) => c.command)
      .sort();
    assert.ok(contributed.length >= 5, contributed.join(', '));
    // The language client registers the server's own commands (iryoGuard.server.*) for workspace/executeCommand.
    const registered = (await vscode.commands.getCommands(true))
      .filter(c => c.startsWith('iryoGuard.') && !c.startsWith('iryoGuard.server.'))
      .sort();
    assert.deepStrictEqual(registered, contributed);
  });

  it('iryoGuard.language ja → en changes the messages the server sends', async () => {
    await setSetting('language', 'ja');
    const ja = engineDiagnostics(doc, { lang: 'ja' });
    await untilEqual('Japanese diagnostics', () => shownDiagnostics(doc.uri), ja);
    assert.ok(
      ja.every(d => /[\u3040-\u30ff\u4e00-\u9fff]/.test(d)),
      `every message should be Japanese:\n${ja.join('\n')}`,
    );

    await setSetting('language', 'en');
    const en = engineDiagnostics(doc, { lang: 'en' });
    assert.notDeepStrictEqual(en, ja);
    await untilEqual('English diagnostics again', () => shownDiagnostics(doc.uri), en);
  });

  it('iryoGuard.rules.disabled removes that rule’s diagnostics, and they return when it is enabled again', async () => {
    const all = shownDiagnostics(doc.uri);
    assert.ok(
      all.some(d => d.startsWith('s3-bucket-encryption ')),
      all.join('\n'),
    );

    await setSetting('rules.disabled', ['s3-bucket-encryption']);
    const without = engineDiagnostics(doc, { lang: 'en', disabledRules: ['s3-bucket-encryption'] });
    assert.ok(!without.some(d => d.startsWith('s3-bucket-encryption ')));
    await untilEqual('diagnostics with s3-bucket-encryption disabled', () => shownDiagnostics(doc.uri), without);

    await setSetting('rules.disabled', []);
    await untilEqual('diagnostics with every rule on', () => shownDiagnostics(doc.uri), all);
  });

  it("the status bar counts the workspace's findings, in the chosen language", async () => {
    const api = extension().exports;
    assert.ok(api && typeof api.statusBarText === 'function', 'activate() returns no status bar reader');
    const count = () =>
      vscode.languages
        .getDiagnostics()
        .flatMap(([, ds]) => ds)
        .filter(d => d.source === 'iryo-guard').length;
    const n = count();
    assert.ok(n > 0);
    await untilEqual('status bar text', () => api.statusBarText(), `$(shield) iryo-guard: ${n} findings`);

    const bundle = JSON.parse(
      fs.readFileSync(path.join(extension().extensionPath, 'l10n/bundle.l10n.ja.json'), 'utf8'),
    ) as Record<string, string>;
    await setSetting('language', 'ja');
    const ja = `$(shield) ${bundle['iryo-guard: {0} findings'].replace('{0}', String(n))}`;
    await untilEqual('status bar text in Japanese', () => api.statusBarText(), ja);
    await setSetting('language', 'en');
    await untilEqual(
      'status bar text in English again',
      () => api.statusBarText(),
      `$(shield) iryo-guard: ${n} findings`,
    );
  });

  it('Explain Rule shows the rule in a webview', async () => {
    await vscode.commands.executeCommand('iryoGuard.explainRule', 's3-bucket-encryption');
    await until(
      'the explanation webview',
      () => webviewTabs(),
      tabs => tabs.includes('iryo-guard: s3-bucket-encryption'),
    );
  });
});
