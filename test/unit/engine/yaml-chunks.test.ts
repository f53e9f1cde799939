/** The incremental parser must agree exactly with the full parser: same values, same offsets, same errors. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { generateCorpus, largeTemplate } from '../../../bench/corpus';
import { Node } from '../../../server/src/engine/model/node';
import { parseYaml } from '../../../server/src/engine/parse/yaml';
import { parseYamlIncremental } from '../../../server/src/engine/parse/yaml-chunks';
import { ROOT } from '../../helpers';

/** Every scalar and key with its offsets, in document order. */
function shape(n: Node | undefined, out: string[] = []): string[] {
  if (!n) return out;
  if (n.kind === 'scalar') out.push(`${JSON.stringify(n.value)}@${n.start}-${n.end}`);
  else if (n.kind === 'seq') {
    out.push(`[@${n.start}`);
    n.items.forEach(i => shape(i, out));
  } else {
    out.push(`{${n.tag ?? ''}@${n.start}`);
    for (const e of n.entries) {
      out.push(`${e.key}@${e.keyStart}-${e.keyEnd}`);
      shape(e.value, out);
    }
  }
  return out;
}

describe('incremental YAML parsing', () => {
  const inputs: [string, string][] = [
    ['samples/ehr-template.yaml', fs.readFileSync(path.join(ROOT, 'samples/ehr-template.yaml'), 'utf8')],
    ['samples/account-baseline.yaml', fs.readFileSync(path.join(ROOT, 'samples/account-baseline.yaml'), 'utf8')],
    ['large', largeTemplate(3000)],
    ['samples/ehr.risk.yaml', fs.readFileSync(path.join(ROOT, 'samples/ehr.risk.yaml'), 'utf8')],
    ['samples/ccat-like.risk.yaml', fs.readFileSync(path.join(ROOT, 'samples/ccat-like.risk.yaml'), 'utf8')],
    ['samples/ehr-platform.yaml', fs.readFileSync(path.join(ROOT, 'samples/ehr-platform.yaml'), 'utf8')],
    ...generateCorpus(60)
      .filter(t => t.name.endsWith('.yaml'))
      .map(t => [t.name, t.text] as [string, string]),
  ];
  for (const [name, text] of inputs) {
    it(`agrees with the full parser on ${name}`, () => {
      const full = parseYaml(text),
        inc = parseYamlIncremental(text);
      assert.deepStrictEqual(inc.problems, full.problems);
      assert.deepStrictEqual(shape(inc.root), shape(full.root));
    });
  }

  it('re-parses only what changed: an edit inside one resource reuses the others', () => {
    const text = largeTemplate(5000);
    parseYamlIncremental(text);
    const edited = text.replace('CidrBlock: 10.3.0.0/16', 'CidrBlock: 10.3.0.0/17');
    const t0 = process.hrtime.bigint();
    const r = parseYamlIncremental(edited);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const fullT0 = process.hrtime.bigint();
    parseYaml(edited);
    const fullMs = Number(process.hrtime.bigint() - fullT0) / 1e6;
    assert.deepStrictEqual(shape(r.root), shape(parseYaml(edited).root));
    assert.ok(ms < fullMs, `incremental ${ms.toFixed(1)} ms should beat a full parse ${fullMs.toFixed(1)} ms`);
  });

  it('falls back to the full parser for anchors, errors and duplicate keys', () => {
    const pad = '#'.repeat(5000) + '\n';
    for (const t of [
      pad + 'A: &x 1\nB: *x\n',
      pad + 'Resources:\n  A:\n    Type: [x\n',
      pad + 'Resources:\n  A: 1\n  A: 2\n',
    ]) {
      assert.deepStrictEqual(parseYamlIncremental(t), parseYaml(t));
    }
  });
});
