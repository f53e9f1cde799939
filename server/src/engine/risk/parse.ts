/** YAML text → RiskDocument. Never throws; shape problems become issues with exact ranges. */
import { toHalfWidth } from '../catalog/ids';
import { Entry, isMap, isScalar, isSeq, MapNode, Node } from '../model/node';
import { ParseProblem } from '../parse/limits';
import { parseYamlIncremental } from '../parse/yaml-chunks';
import { canonicalKey, isJapaneseKey, KEYS, KeySpec, ObjectKind, suggestKey } from './keys';
import { parseDate } from './dates';
import {
  Assessment,
  Control,
  DateValue,
  Flow,
  Issue,
  LocalThreat,
  Num,
  Obj,
  Residual,
  Risk,
  RiskDocument,
  Str,
} from './model';

export function parseRiskDocument(text: string): { doc: RiskDocument; problems: ParseProblem[] } {
  const parsed = parseYamlIncremental(text);
  const doc: RiskDocument = {
    keyStyle: 'en',
    threats: [],
    flows: [],
    risks: [],
    issues: [],
    syntaxErrors: !parsed.root && parsed.problems.length > 0,
  };
  if (!parsed.root) {
    if (!doc.syntaxErrors) doc.issues.push({ rule: 'risk-required', start: 0, end: 0, args: { key: 'assessment' } });
    return { doc, problems: parsed.problems };
  }
  new Reader(text, doc).read(parsed.root);
  return { doc, problems: parsed.problems };
}

class Reader {
  constructor(
    private readonly text: string,
    private readonly doc: RiskDocument,
  ) {}

  private issue(
    rule: string,
    start: number,
    end: number,
    args: Issue['args'] = {},
    replacements?: string[],
    required?: Issue['required'],
  ) {
    this.doc.issues.push({ rule, start, end, args, replacements, required });
  }

  read(root: Node) {
    const obj = this.object(root, 'root', root.start, root.start);
    if (!obj) return;
    this.doc.root = obj.node;
    const japanese = obj.node.entries.filter(e => isJapaneseKey(e.key)).length;
    this.doc.keyStyle = japanese * 2 > obj.node.entries.length ? 'ja' : 'en';
    const a = obj.fields.get('assessment');
    if (a) this.doc.assessment = this.assessment(a);
    const threats = obj.fields.get('threats');
    if (threats) this.doc.threats = this.list(threats, 'threat').map(o => this.threat(o));
    const flows = obj.fields.get('flows');
    if (flows) this.doc.flows = this.list(flows, 'flow').map(o => this.flow(o));
    const risks = obj.fields.get('risks');
    if (risks) {
      this.doc.risksEntry = risks;
      if (isSeq(risks.value)) this.doc.risksNode = risks.value;
      this.doc.risks = this.list(risks, 'risk').map(o => this.risk(o));
    }
  }

  /**
   * Reads a mapping against the key table of `kind`: unknown keys, duplicates, wrong types and missing keys are issues.
   */
  object(node: Node, kind: ObjectKind, anchorStart: number, anchorEnd: number): Obj | undefined {
    if (!isMap(node)) {
      this.issue('risk-wrong-type', node.start, Math.max(node.end, node.start + 1), {
        key: kind === 'root' ? 'document' : kind,
        expected: 'map',
      });
      return undefined;
    }
    const obj: Obj = { kind, node, fields: new Map(), empty: new Map() };
    const written = new Set<string>();
    for (const e of node.entries) {
      const spec = canonicalKey(kind, e.key);
      if (!spec) {
        const s = suggestKey(kind, e.key);
        this.issue('risk-unknown-key', e.keyStart, e.keyEnd, { key: e.key, suggestions: s.join(', ') }, s);
        continue;
      }
      if (written.has(spec.key)) {
        this.issue('risk-duplicate-key', e.keyStart, e.keyEnd, { key: e.key, canonical: spec.key });
        continue;
      }
      written.add(spec.key);
      if (isScalar(e.value) && e.value.value === null && !e.value.quote) {
        obj.empty.set(spec.key, e);
        continue;
      }
      if (this.typeOk(spec, e)) obj.fields.set(spec.key, e);
    }
    for (const spec of KEYS[kind]) {
      if (!spec.required || obj.fields.has(spec.key) || (written.has(spec.key) && !obj.empty.has(spec.key))) continue;
      const empty = obj.empty.get(spec.key);
      const required = { key: spec.key, in: node };
      if (empty) this.issue('risk-required', empty.keyStart, empty.keyEnd, { key: empty.key }, undefined, required);
      else this.issue('risk-required', anchorStart, anchorEnd, { key: spec.key }, undefined, required);
    }
    return obj;
  }

  private typeOk(spec: KeySpec, e: Entry): boolean {
    const v = e.value;
    const ok =
      spec.type === 'map'
        ? isMap(v)
        : spec.type === 'maps'
          ? isSeq(v)
          : spec.type === 'strings'
            ? isSeq(v) || isScalar(v)
            : spec.type === 'integer'
              ? isScalar(v) && integerOf(v) !== undefined
              : spec.type === 'boolean'
                ? isScalar(v) && booleanOf(v.value) !== undefined
                : spec.type === 'date'
                  ? isScalar(v) && parseDate(v.value) !== undefined
                  : isScalar(v);
    if (!ok) this.issue('risk-wrong-type', v.start, Math.max(v.end, v.start + 1), { key: e.key, expected: spec.type });
    return ok;
  }

  /** The items of a list of mappings; each item is anchored on its first key for "required" issues. */
  private list(e: Entry, kind: ObjectKind): Obj[] {
    if (!isSeq(e.value)) return [];
    const out: Obj[] = [];
    for (const item of e.value.items) {
      const first = isMap(item) ? item.entries[0] : undefined;
      const o = this.object(item, kind, first?.keyStart ?? item.start, first?.keyEnd ?? item.end);
      if (o) out.push(o);
    }
    return out;
  }

  private str(o: Obj, key: string): Str | undefined {
    const e = o.fields.get(key);
    return e && isScalar(e.value) ? this.scalar(e.value) : undefined;
  }

  private scalar(n: Node): Str | undefined {
    if (!isScalar(n) || n.value === null) return undefined;
    const text = typeof n.value === 'string' ? n.value : this.text.slice(n.start, n.end).trim();
    return { text, start: n.start, end: n.end, quoted: !!n.quote };
  }

  private strs(o: Obj, key: string): Str[] {
    const e = o.fields.get(key);
    if (!e) return [];
    if (isScalar(e.value)) {
      const s = this.scalar(e.value);
      return s ? [s] : [];
    }
    if (!isSeq(e.value)) return [];
    const out: Str[] = [];
    for (const it of e.value.items) {
      const s = this.scalar(it);
      if (s) out.push(s);
      else if (!isScalar(it))
        this.issue('risk-wrong-type', it.start, Math.max(it.end, it.start + 1), { key: e.key, expected: 'string' });
    }
    return out;
  }

  private date(o: Obj, key: string): DateValue | undefined {
    const s = this.str(o, key);
    const iso = s && parseDate(s.text);
    return s && iso ? { ...s, iso } : undefined;
  }

  private num(o: Obj, key: string): Num | undefined {
    const e = o.fields.get(key);
    if (!e || !isScalar(e.value)) return undefined;
    const value = integerOf(e.value);
    return value === undefined ? undefined : { value, start: e.value.start, end: e.value.end };
  }

  private assessment(e: Entry): Assessment | undefined {
    const o = this.object(e.value, 'assessment', e.keyStart, e.keyEnd);
    if (!o) return undefined;
    const a: Assessment = {
      obj: o,
      entry: e,
      id: this.str(o, 'id'),
      title: this.str(o, 'title'),
      guideline: this.str(o, 'guideline'),
      acceptance: this.str(o, 'acceptance'),
      date: this.date(o, 'date'),
      assessor: this.str(o, 'assessor'),
      approver: this.str(o, 'approver'),
      nextReview: this.date(o, 'nextReview'),
      iac: this.strs(o, 'iac'),
    };
    const m = o.fields.get('matrix');
    if (m && isMap(m.value)) a.matrix = this.matrix(m, m.value);
    return a;
  }

  /** `matrix: { S: 20, A: 12, … }`: level → minimum score. Values are validated by check.ts. */
  private matrix(entry: Entry, node: MapNode): Assessment['matrix'] {
    const thresholds: { level: Str; min: Num }[] = [];
    for (const x of node.entries) {
      const min = isScalar(x.value) ? integerOf(x.value) : undefined;
      if (min === undefined) {
        this.issue('risk-wrong-type', x.value.start, Math.max(x.value.end, x.value.start + 1), {
          key: x.key,
          expected: 'integer',
        });
        continue;
      }
      thresholds.push({
        level: { text: x.key, start: x.keyStart, end: x.keyEnd, quoted: false },
        min: { value: min, start: x.value.start, end: x.value.end },
      });
    }
    return { node, entry, thresholds };
  }

  private threat(o: Obj): LocalThreat {
    return { obj: o, id: this.str(o, 'id'), title: this.str(o, 'title'), description: this.str(o, 'description') };
  }

  private flow(o: Obj): Flow {
    return {
      obj: o,
      id: this.str(o, 'id'),
      description: this.str(o, 'description'),
      classification: this.str(o, 'classification'),
    };
  }

  private risk(o: Obj): Risk {
    const r: Risk = {
      obj: o,
      id: this.str(o, 'id'),
      flow: this.str(o, 'flow'),
      threat: this.str(o, 'threat'),
      scenarios: this.strs(o, 'scenarios'),
      description: this.str(o, 'description'),
      impact: this.num(o, 'impact'),
      likelihood: this.num(o, 'likelihood'),
      level: this.str(o, 'level'),
      treatment: this.str(o, 'treatment'),
      controls: [],
      justification: this.str(o, 'justification'),
      acceptedBy: this.str(o, 'acceptedBy'),
    };
    const ar = o.fields.get('actionRequired');
    if (ar && isScalar(ar.value)) r.actionRequired = booleanOf(ar.value.value);
    const controls = o.fields.get('controls');
    if (controls) r.controls = this.list(controls, 'control').map(c => this.control(c));
    const res = o.fields.get('residual');
    if (res) {
      const ro = this.object(res.value, 'residual', res.keyStart, res.keyEnd);
      if (ro)
        r.residual = {
          obj: ro,
          entry: res,
          description: this.str(ro, 'description'),
          impact: this.num(ro, 'impact'),
          likelihood: this.num(ro, 'likelihood'),
          level: this.str(ro, 'level'),
        } as Residual;
    }
    return r;
  }

  private control(o: Obj): Control {
    return {
      obj: o,
      id: this.str(o, 'id'),
      perspective: this.str(o, 'perspective'),
      owner: this.str(o, 'owner'),
      measure: this.str(o, 'measure'),
      services: this.strs(o, 'services'),
      rules: this.strs(o, 'rules'),
      guidelines: this.strs(o, 'guidelines'),
      resources: this.strs(o, 'resources'),
    };
  }
}

/** Integers as written (full-width digits accepted); anything else is not an integer. */
function integerOf(n: { value: unknown; start: number; end: number }): number | undefined {
  if (typeof n.value === 'number') return Number.isInteger(n.value) ? n.value : undefined;
  if (typeof n.value !== 'string') return undefined;
  const s = toHalfWidth(n.value).trim();
  return /^-?\d+$/.test(s) ? Number(s) : undefined;
}

function booleanOf(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === '要' || v === 'yes') return true;
  if (v === '不要' || v === 'no') return false;
  return undefined;
}
