/**
 * Hover and completion documentation over stdio, on a template and a risk file whose names, values, parameters,
 * flow descriptions and paths are Markdown images, HTML and command links: every answer renders (as clients render
 * Markdown) to text only — no image to load, no link to follow — and still shows the file's text as written.
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LineIndex } from '../../server/src/engine';
import { assertInertMarkdown } from '../oracles/markdown';
import { fileUri, Hover, LspClient } from './client';

const IMAGE = '![x](http://evil.example/img.png)';
const HTML = '<img src=http://evil.example/i.png>';
const COMMAND = '[link](command:workbench.action.terminal.new)';
const BUCKET = `Img${IMAGE}${HTML}${COMMAND}`;
const PARAM = 'Mode![p](http://evil.example/p.png)';
const VALUE = '![d](http://evil.example/d.png)';
/** A file name cannot hold `/`, and `iac:` refuses wildcard characters (`[`, `]`, `*`…): HTML, an entity, `www.`. */
const TEMPLATE_NAME = 'tmpl <img src=x onerror=alert(1)> &amp; www.evil.example (x).yaml';

const TEMPLATE = `Parameters:
  "${PARAM}":
    Type: String
    Default: "${VALUE}"
    AllowedValues: ["${VALUE}", "aws:kms"]
Resources:
  "${BUCKET}":
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: !Ref "${PARAM}"
`;

const FLOW = `Records ${IMAGE} ${HTML} ${COMMAND} www.evil.example http://evil.example/x`;
const RISK = `assessment:
  id: hostile
  guideline: metimic-1.1
  acceptance: C
  iac: ["${TEMPLATE_NAME}"]
flows:
  - id: F1
    description: "${FLOW}"
    classification: patient-personal
risks:
  - id: R1
    flow: F1
    threat: unauthorized-access
    scenarios: ["3.1①"]
    impact: 2
    likelihood: 2
    treatment: reduce
    controls:
      - perspective: technical
        owner: provider
        measure: encryption
        resources: ["${BUCKET}"]
  - id: R2
    flow: 
`;

describe('LSP: Markdown from hostile files renders as text', function () {
  this.timeout(30000);
  let client: LspClient;
  let dir: string;
  let templateUri: string;
  let riskUri: string;

  /** The LSP position of `needle` (its n-th occurrence) in `text`, `delta` characters in. */
  const at = (text: string, needle: string, delta = 0) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    return new LineIndex(text).position(i + delta);
  };
  const hover = async (uri: string, position: { line: number; character: number }) => {
    const h = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position });
    assert.ok(h, `no hover at ${JSON.stringify(position)}`);
    return h.contents.value;
  };

  before(async () => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'iryo-md-')));
    fs.mkdirSync(path.join(dir, '.git'));
    const templateFile = path.join(dir, TEMPLATE_NAME);
    fs.writeFileSync(templateFile, TEMPLATE);
    fs.writeFileSync(path.join(dir, 'a.risk.yaml'), RISK);
    templateUri = fileUri(templateFile);
    riskUri = fileUri(path.join(dir, 'a.risk.yaml'));
    client = new LspClient({ IRYO_GUARD_DEBOUNCE_MS: '20' });
    await client.initialize({ rootUri: fileUri(dir) });
    client.open(templateUri, TEMPLATE);
    client.open(riskUri, RISK, 'iryo-risk');
  });
  after(async () => {
    await client.shutdown();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('on the resource type: its name and the messages quoting names and parameter values', async () => {
    await client.waitForDiagnostics(templateUri, d => d.length > 0);
    const md = await hover(templateUri, at(TEMPLATE, 'AWS::S3::Bucket', 3));
    assertInertMarkdown(md, [BUCKET, `parameter ${PARAM} = "${VALUE}"`], 'the type hover');
  });

  it('on every flagged place: the finding message above the rule', async () => {
    const diags = await client.waitForDiagnostics(templateUri, d => d.length > 0);
    assert.ok(diags.length >= 4);
    for (const d of diags) {
      const md = await hover(templateUri, d.range.start);
      assertInertMarkdown(md, [BUCKET], `the hover on ${d.code}`);
    }
  });

  it('in the risk file: a flow reference (its description), a claimed resource and the linked path', async () => {
    const risk = fs.readFileSync(path.join(dir, 'a.risk.yaml'), 'utf8');
    assertInertMarkdown(await hover(riskUri, at(risk, 'flow: F1', 7)), [FLOW], 'the flow hover');
    const resource = await hover(riskUri, at(risk, `resources: ["Img`, 13));
    assertInertMarkdown(resource, [BUCKET, 'AWS::S3::Bucket', TEMPLATE_NAME], 'the resource hover');
  });

  it('completion documentation of a flow', async () => {
    const risk = fs.readFileSync(path.join(dir, 'a.risk.yaml'), 'utf8');
    type Item = { label: string; documentation?: { value: string } };
    const res = await client.request<Item[] | { items: Item[] }>('textDocument/completion', {
      textDocument: { uri: riskUri },
      position: at(risk, 'flow: \n', 6),
    });
    const items = Array.isArray(res) ? res : res.items;
    const f1 = items.find(i => i.label === 'F1');
    assert.ok(f1?.documentation, JSON.stringify(items.map(i => i.label)));
    assertInertMarkdown(f1.documentation.value, [FLOW], 'the flow completion');
  });
});
