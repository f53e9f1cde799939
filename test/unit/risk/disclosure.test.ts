/**
 * The conformity disclosure draft (サービス仕様適合開示書): the Markdown against golden text, the workbook read back
 * with exceljs, the Word document unzipped, the CLI command. What it must never do: state conformity.
 */
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import ExcelJS from 'exceljs';
import * as fs from 'fs';
import JSZip from 'jszip';
import * as os from 'os';
import * as path from 'path';
import { buildDisclosure } from '../../../server/src/engine/risk/disclosure-model';
import { renderDisclosureMarkdown } from '../../../server/src/report/disclosure';
import { renderDisclosureDocx } from '../../../server/src/report/disclosure-docx';
import { renderDisclosureXlsx } from '../../../server/src/report/disclosure-xlsx';
import { catalog, ROOT, usesBundles } from '../../helpers';
import { ALL_SCENARIOS, analyzeRiskData, analyzeSample } from './util';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      EnableKeyRotation: true
  Docs:
    Type: AWS::S3::Bucket
    Properties:
      VersioningConfiguration: { Status: Enabled }
      ReplicationConfiguration:
        Role: arn:aws:iam::123456789012:role/replication
        Rules:
          - Status: Enabled
            Destination: { Bucket: "arn:aws:s3:::docs-osaka" }
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
  Logs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 1827
      KmsKeyId: !GetAtt Key.Arn
  Plan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: daily
        BackupPlanRule:
          - RuleName: Daily
            TargetBackupVault: vault
            ScheduleExpression: cron(0 3 * * ? *)
            Lifecycle: { DeleteAfterDays: 35 }
            CopyActions:
              - DestinationBackupVaultArn: arn:aws:backup:ap-northeast-3:123456789012:backup-vault:copy
`;

const others = ALL_SCENARIOS.filter(s => !['1.7', '1.1②', '3.13②'].includes(s));
const RISK = `assessment:
  id: demo
  title: 電子カルテ API
  guideline: metimic-1.1
  acceptance: C
  date: 2026-04-01
  assessor: 山田
  nextReview: 2026-09-30
  iac: [tpl.yaml]
risks:
  - id: R1
    threat: data-theft-leakage
    scenarios: ["3.13②"]
    impact: 5
    likelihood: 2
    treatment: reduce
    controls:
      - perspective: technical
        owner: provider
        measure: 文書を KMS 鍵で暗号化する
        services: [s3, kms]
        rules: [s3-bucket-encryption]
      - perspective: physical
        owner: aws
        measure: 記憶装置は AWS が廃棄する
    residual: { description: 鍵の管理者による不正は残る, impact: 5, likelihood: 1 }
  - id: R2
    threat: ransomware
    scenarios: ["1.1②"]
    impact: 4
    likelihood: 2
    treatment: reduce
    controls:
      - perspective: organizational
        owner: institution
        measure: 端末を施設の外に持ち出さない
    residual: { impact: 4, likelihood: 1 }
  - id: R3
    threat: data-theft-leakage
    scenarios: ["1.7"]
    treatment: not-applicable
    justification: 解析や第三者提供を行わない仕様のため
`;

const golden = (name: string) => path.join(ROOT, 'test/fixtures/disclosure', name);
// The engine's analysis, as the faces get it: the draft renders every message in its own language.
const a = analyzeRiskData(RISK, { today: '2026-12-01' }, { 'tpl.yaml': TEMPLATE });

function assertGolden(name: string, text: string) {
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden(name), text);
  assert.strictEqual(text, fs.readFileSync(golden(name), 'utf8'), `${name} (UPDATE_GOLDEN=1 rewrites it)`);
}

/** Words that would assert conformity; a draft never uses them about the service. */
const CONFORMS = [/適合しています/, /準拠しています/, /満たしています/, /\bconforms to\b/i, /\bis compliant\b/i];

describe('conformity disclosure draft', () => {
  it('Markdown (ja) is the golden text', () => {
    assertGolden('demo.ja.md', renderDisclosureMarkdown(buildDisclosure(a, catalog, 'ja', '2026-12-01')));
  });

  it('Markdown (en) is the golden text', () => {
    assertGolden('demo.en.md', renderDisclosureMarkdown(buildDisclosure(a, catalog, 'en', '2026-12-01')));
  });

  it('lists every minimum scenario, the requests, the facts and the contradicted claim as an open point', () => {
    const d = buildDisclosure(a, catalog, 'en', '2026-12-01');
    assert.strictEqual(d.rows.length, 86);
    assert.deepStrictEqual(
      d.rows.filter(r => r.status !== 'uncovered').map(r => [r.id, r.status, r.treatment]),
      [
        ['1.1②', 'treated', 'Reduce'],
        ['1.7', 'not-applicable', 'Not applicable'],
        ['3.13②', 'treated', 'Reduce'],
      ],
    );
    assert.strictEqual(d.rows.filter(r => r.status === 'uncovered').length, others.length);
    const r313 = d.rows.find(r => r.id === '3.13②')!;
    assert.deepStrictEqual(r313.actors, ['Service provider', 'AWS']);
    assert.deepStrictEqual(r313.residual, ['鍵の管理者による不正は残る (C)']);
    assert.deepStrictEqual(d.requests, [{ measure: '端末を施設の外に持ち出さない', scenarios: ['1.1②'] }]);
    const facts = Object.fromEntries(d.facts.map(x => [x.topic, x.facts.map(f => `${f.resource}: ${f.text}`)]));
    assert.deepStrictEqual(facts.regions, ['Plan: ap-northeast-3 (in Japan)']);
    assert.ok(facts.encryption.includes('Docs: SSEAlgorithm = not set, KMSMasterKeyID = not set'));
    assert.ok(facts.encryption.includes('Logs: KmsKeyId = → Key'));
    assert.ok(facts.logRetention.includes('Logs: RetentionInDays = 1827'));
    assert.ok(
      facts.backups.includes(
        'Plan: BackupPlanRule[0]: RuleName = Daily, ScheduleExpression = cron(0 3 * * ? *), DeleteAfterDays = 35, ' +
          'DestinationBackupVaultArn = arn:aws:backup:ap-northeast-3:123456789012:backup-vault:copy',
      ),
    );
    assert.match(
      d.openPoints[0],
      /^R1 — "文書を KMS 鍵で暗号化する": The control claims rule s3-bucket-encryption, but it fires on Docs \(tpl\.yaml:7\) \(S3 bucket Docs is encrypted only with SSE-S3/,
    );
    assert.match(d.openPoints[1], new RegExp(`^${others.length} minimum scenarios are not assessed: 1\\.1①, `));
    assert.match(d.openPoints[2], /^The next review date 2026-09-30 has passed \(62 days ago; today is 2026-12-01\)/);
  });

  it('is labelled a draft and never says the service conforms', () => {
    for (const lang of ['ja', 'en'] as const) {
      const md = renderDisclosureMarkdown(buildDisclosure(analyzeSample('ehr.risk.yaml'), catalog, lang));
      assert.ok(
        md.startsWith(
          lang === 'ja'
            ? '# サービス仕様適合開示書（下書き）'
            : '# Service specification conformity disclosure (draft)',
        ),
      );
      assert.match(
        md.split('\n')[2],
        lang === 'ja'
          ? /^> \*\*下書き\*\* — .*適合を表明するものではありません/
          : /^> \*\*DRAFT\*\* — .*does not state that the service conforms/,
      );
      for (const re of CONFORMS)
        assert.ok(!re.test(md.replace(/does not state that the service conforms/, '')), `${lang}: ${re}`);
    }
  });

  it('xlsx reads back with exceljs: cover and draft notice, appendix, requests, facts, open points', async () => {
    const buf = await renderDisclosureXlsx(buildDisclosure(a, catalog, 'ja', '2026-12-01'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    assert.deepStrictEqual(
      wb.worksheets.map(w => w.name),
      ['表紙', '予見されるリスク', '医療機関等への依頼', '技術的な事項', '未解決の点'],
    );
    const cover = wb.getWorksheet('表紙')!;
    assert.strictEqual(cover.getCell('A1').value, 'サービス仕様適合開示書（下書き）');
    assert.match(String(cover.getCell('A2').value), /^下書き — .*適合を表明するものではありません/);
    const app = wb.getWorksheet('予見されるリスク')!;
    assert.strictEqual(app.rowCount, 87);
    assert.deepStrictEqual((app.getRow(1).values as unknown[]).slice(1, 5), [
      '区分',
      'リスクシナリオ',
      '実施者',
      '対応',
    ]);
    const row = app.getRows(2, 86)!.find(r => String(r.getCell(2).value).startsWith('1.7 '))!;
    assert.strictEqual(row.getCell(4).value, '対象外');
    assert.strictEqual(row.getCell(5).value, '理由: 解析や第三者提供を行わない仕様のため');
    assert.strictEqual(wb.getWorksheet('医療機関等への依頼')!.getCell('B2').value, '端末を施設の外に持ち出さない');
    assert.match(
      String(wb.getWorksheet('未解決の点')!.getCell('A2').value),
      /^R1 の対策「文書を KMS 鍵で暗号化する」: /,
    );
  });

  it('docx unzips to a document.xml with the draft header, notice, appendix table and open points', async () => {
    const buf = await renderDisclosureDocx(buildDisclosure(a, catalog, 'en', '2026-12-01'));
    const zip = await JSZip.loadAsync(buf);
    const entities: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>', '&amp;': '&' };
    const text = (xml: string) =>
      [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
        .map(m => m[1].replace(/&(quot|apos|lt|gt|amp);/g, e => entities[e]))
        .join('|');
    const doc = text(await zip.file('word/document.xml')!.async('string'));
    assert.ok(
      doc.startsWith('Service specification conformity disclosure (draft): 電子カルテ API|DRAFT — This is a draft'),
      doc.slice(0, 200),
    );
    assert.ok(doc.includes('does not state that the service conforms to any guideline'));
    assert.ok(doc.includes('Appendix: foreseen risks'));
    assert.ok(doc.includes('|Risk scenario|Who acts|Treatment|Measures by the provider|Measures by AWS|'));
    assert.ok(doc.includes('|1.7 '), 'the not-applicable scenario is a row');
    assert.ok(doc.includes('|Reason: 解析や第三者提供を行わない仕様のため|'));
    assert.ok(doc.includes('|端末を施設の外に持ち出さない|'));
    assert.ok(
      doc.includes(
        'Open points (to settle before disclosure)|R1 — "文書を KMS 鍵で暗号化する": ' +
          'The control claims rule s3-bucket-encryption',
      ),
    );
    const headers = await Promise.all(
      Object.keys(zip.files)
        .filter(f => /^word\/header\d*\.xml$/.test(f))
        .map(f => zip.file(f)!.async('string')),
    );
    assert.ok(
      headers.map(text).some(h => h === 'DRAFT — Service specification conformity disclosure (draft)'),
      headers.join('\n'),
    );
  });

  it('the CLI writes md to stdout and xlsx/docx to --output; a template is not a risk file', function () {
    usesBundles(this);
    this.timeout(90000); // five CLI runs, each starting the bundle
    const cli = path.join(ROOT, 'dist/cli.js');
    const sample = path.join(ROOT, 'samples/ccat-like.risk.yaml');
    const md = execFileSync(process.execPath, [cli, 'disclosure', sample, '--lang', 'ja'], {
      encoding: 'utf8',
      cwd: ROOT,
    });
    assert.ok(md.startsWith('# サービス仕様適合開示書（下書き）: がんゲノム情報 利活用クラウドサービス（例）\n'));
    assert.match(md, /\| 3\.7⑤ [^|]+ \| {2}\| 対象外 \| 理由: 本サービスは IoT 機器を使わないため \|/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-disclosure-'));
    for (const format of ['xlsx', 'docx']) {
      const out = path.join(dir, `d.${format}`);
      execFileSync(process.execPath, [cli, 'disclosure', sample, '--format', format, '--output', out], { cwd: ROOT });
      assert.strictEqual(fs.readFileSync(out).subarray(0, 2).toString(), 'PK', format);
    }
    const bad = (args: string[]) => {
      try {
        execFileSync(process.execPath, [cli, 'disclosure', ...args], { encoding: 'utf8', cwd: ROOT, stdio: 'pipe' });
        return '';
      } catch (e) {
        return `${(e as { status: number }).status} ${(e as { stderr: string }).stderr.split('\n')[0]}`;
      }
    };
    assert.strictEqual(bad([sample, '--format', 'docx']), '2 iryo-guard: --format docx needs --output FILE');
    assert.strictEqual(
      bad([path.join(ROOT, 'samples/ehr-platform.yaml')]),
      '2 iryo-guard: samples/ehr-platform.yaml is not a risk file (name it *.risk.yaml)'.replace(
        'samples/',
        path.join(ROOT, 'samples') + '/',
      ),
    );
    assert.strictEqual(
      bad([sample, '--format', 'pdf']),
      '2 iryo-guard: --format must be one of md, xlsx, docx (got "pdf")',
    );
  });
});
