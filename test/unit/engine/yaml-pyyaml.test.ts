/**
 * The YAML reader against PyYAML, the reader of CloudFormation's own tooling (cfn-lint, the AWS CLI). The corpus and
 * PyYAML's verdicts come from test/yaml-corpus/generate.py; this test needs no Python. Every case PyYAML accepts must
 * parse without a problem into the same tree with the same offsets; every case it rejects must be reported, except the
 * deliberate differences the corpus notes (see the generator).
 */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Node } from '../../../server/src/engine/model/node';
import { parseYaml } from '../../../server/src/engine/parse/yaml';
import { parseYamlIncremental } from '../../../server/src/engine/parse/yaml-chunks';
import { ROOT } from '../../helpers';

interface PyNode {
  kind: 'scalar' | 'seq' | 'map';
  start: number;
  end: number;
  tag?: string;
  value?: string;
  style?: string;
  items?: PyNode[];
  entries?: [PyNode, PyNode][];
}
interface Case {
  name: string;
  text: string;
  note?: 'lenient' | 'reported' | 'duplicate' | 'multi-doc' | 'verdict';
  pyyaml: { ok: boolean; error?: string; offset?: number; tree?: PyNode | null };
}

const corpus = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/yaml-pyyaml/corpus.json'), 'utf8')) as {
  cases: Case[];
};

const SHORT_FORMS = new Set(
  [
    'Ref',
    'Condition',
    'Sub',
    'GetAtt',
    'If',
    'Join',
    'Select',
    'Split',
    'FindInMap',
    'ImportValue',
    'Base64',
    'Cidr',
    'GetAZs',
    'Equals',
    'And',
    'Or',
    'Not',
    'Transform',
    'ToJsonString',
    'Length',
  ].map(f => `!${f}`),
);

/** PyYAML keeps every pair of a mapping; CloudFormation (and our reader) keep the last value of a key. */
function lastWins(entries: [PyNode, PyNode][]): [PyNode, PyNode][] {
  return entries.filter(([k], i) => !entries.slice(i + 1).some(([k2]) => k2.value === k.value));
}

/** Differences between PyYAML's node and ours, as readable paths; empty when they agree. */
function compare(text: string, py: PyNode, ours: Node | undefined, at: string, out: string[]): void {
  if (!ours) return void out.push(`${at}: missing`);
  if (py.tag && SHORT_FORMS.has(py.tag)) {
    if (ours.kind !== 'map' || ours.tag !== py.tag) return void out.push(`${at}: expected ${py.tag} intrinsic`);
    if (ours.start !== py.start) out.push(`${at}: starts at ${ours.start}, PyYAML ${py.start}`);
    const inner = ours.entries[0].value;
    // PyYAML's node starts at the tag; ours for the value starts at the value itself.
    return compare(text, { ...py, tag: undefined, start: inner.start }, inner, `${at}/${py.tag}`, out);
  }
  if (ours.kind !== py.kind) return void out.push(`${at}: ${ours.kind}, PyYAML ${py.kind}`);
  const emptyPlain = py.kind === 'scalar' && py.value === '' && !py.style;
  // A standard (`!!str`) or verbatim (`!<…>`) tag: PyYAML's node starts at the tag, ours at the value.
  const stdTag = /^!(!|<)\S*\s+$/.test(text.slice(py.start, ours.start));
  if (!emptyPlain && !stdTag && ours.start !== py.start) out.push(`${at}: starts at ${ours.start}, PyYAML ${py.start}`);
  if (py.kind === 'scalar' && ours.kind === 'scalar') {
    if (!emptyPlain && ours.end !== py.end) out.push(`${at}: ends at ${ours.end}, PyYAML ${py.end}`);
    // Plain scalars are resolved by schema (YAML 1.1 there, 1.2 core here), tagged ones by their tag; strings must
    // be the same text.
    if (((py.style && !stdTag) || typeof ours.value === 'string') && ours.value !== py.value)
      out.push(`${at}: ${JSON.stringify(ours.value)}, PyYAML ${JSON.stringify(py.value)}`);
  } else if (py.kind === 'seq' && ours.kind === 'seq') {
    if (ours.items.length !== py.items!.length) return void out.push(`${at}: ${ours.items.length} items`);
    py.items!.forEach((it, i) => compare(text, it, ours.items[i], `${at}[${i}]`, out));
  } else if (py.kind === 'map' && ours.kind === 'map') {
    const entries = lastWins(py.entries!);
    if (ours.entries.length !== entries.length) return void out.push(`${at}: ${ours.entries.length} entries`);
    entries.forEach(([k, v], i) => {
      const e = ours.entries[i];
      const where = `${at}/${k.value}`;
      if (e.key !== k.value) out.push(`${where}: key ${JSON.stringify(e.key)}`);
      if (e.keyStart !== k.start || e.keyEnd !== k.end)
        out.push(`${where}: key at ${e.keyStart}-${e.keyEnd}, PyYAML ${k.start}-${k.end}`);
      compare(text, v, e.value, where, out);
    });
  }
}

describe('YAML reader agrees with PyYAML (CloudFormation tooling)', () => {
  for (const c of corpus.cases) {
    const verdict = c.pyyaml.ok ? 'accepted' : 'rejected';
    it(`${c.name} (${verdict} by PyYAML${c.note ? `, ${c.note}` : ''})`, () => {
      const r = parseYaml(c.text);
      const codes = r.problems.map(p => p.code);
      switch (c.note) {
        case 'lenient':
          assert.ok(!c.pyyaml.ok);
          assert.deepStrictEqual(codes, []);
          return;
        case 'reported':
          assert.ok(!c.pyyaml.ok);
          assert.ok(r.root, 'still analysed');
          assert.strictEqual(codes.length, 1, JSON.stringify(r.problems));
          return;
        case 'multi-doc':
          assert.ok(!c.pyyaml.ok);
          assert.deepStrictEqual(codes, ['YAML_MULTI_DOC']);
          return;
        case 'duplicate':
          assert.ok(c.pyyaml.ok);
          assert.ok(codes.length > 0 && codes.every(x => x === 'DUPLICATE_KEY'), JSON.stringify(r.problems));
          break;
        case 'verdict':
          assert.deepStrictEqual(codes, c.pyyaml.ok ? [] : codes.slice(0, 1));
          assert.strictEqual(!!r.root || !c.pyyaml.tree, c.pyyaml.ok);
          return;
        default:
          if (!c.pyyaml.ok) {
            assert.strictEqual(codes.length, 1, `PyYAML: ${c.pyyaml.error}; ours: ${JSON.stringify(r.problems)}`);
            assert.strictEqual(r.root, undefined);
            return;
          }
          assert.deepStrictEqual(r.problems, [], `PyYAML accepts it`);
      }
      const diffs: string[] = [];
      if (c.pyyaml.tree) compare(c.text, c.pyyaml.tree, r.root, '', diffs);
      else if (r.root && !(r.root.kind === 'scalar' && r.root.value === null)) diffs.push('PyYAML read nothing');
      assert.deepStrictEqual(diffs, []);
    });
  }

  it('the incremental parser agrees with the full parser on every case, inside a large template', () => {
    const pad = '# ' + 'padding '.repeat(520) + '\n';
    for (const c of corpus.cases) {
      for (const text of [pad + c.text, c.text + pad]) {
        assert.deepStrictEqual(parseYamlIncremental(text), parseYaml(text), c.name);
      }
    }
  });
});
