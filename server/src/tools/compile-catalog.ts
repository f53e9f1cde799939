/**
 * Build-time compiler: reads `catalog/**.yaml`, validates each file against its JSON Schema and the cross-references
 * between files, and returns the compiled data. Every fault names the file, the JSON path and the line.
 */
import * as fs from 'fs';
import * as path from 'path';
import Ajv, { ErrorObject } from 'ajv';
import { isMap, isSeq, LineCounter, parseDocument, Node as YNode } from 'yaml';
import { CatalogData } from '../engine/catalog/types';
import { Catalog } from '../engine/catalog/catalog';

export interface CatalogFault {
  file: string;
  path: string;
  line: number;
  column: number;
  message: string;
}
export interface CompileResult {
  data?: CatalogData;
  faults: CatalogFault[];
}

const SINGLE: Record<string, string> = {
  'scenarios.yaml': 'scenarios',
  'threats.yaml': 'threats',
  'services.yaml': 'services',
  'risk-model.yaml': 'risk-model',
};

export function compileCatalog(dir: string): CompileResult {
  const faults: CatalogFault[] = [];
  const ajv = new Ajv({ allErrors: true, strict: false });
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  const schema = (name: string) => {
    if (!compiled.has(name))
      compiled.set(
        name,
        ajv.compile(JSON.parse(fs.readFileSync(path.join(dir, 'schema', `${name}.schema.json`), 'utf8'))),
      );
    return compiled.get(name)!;
  };
  const load = (rel: string, schemaName: string): unknown => {
    const file = path.join(dir, rel);
    const text = fs.readFileSync(file, 'utf8');
    const lc = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true });
    for (const e of doc.errors) {
      const p = lc.linePos(e.pos[0]);
      faults.push({ file: rel, path: '', line: p.line, column: p.col, message: e.message.split('\n')[0] });
    }
    if (doc.errors.length) return undefined;
    const value = doc.toJS({ maxAliasCount: 100 });
    const validate = schema(schemaName);
    if (!validate(value)) {
      for (const err of validate.errors ?? []) {
        const { line, col } = locate(doc.contents as YNode, err.instancePath, lc);
        faults.push({ file: rel, path: err.instancePath || '/', line, column: col, message: describe(err) });
      }
    }
    return value;
  };

  const out: Partial<CatalogData> = { guidelines: [], rules: [] };
  for (const [file, name] of Object.entries(SINGLE)) {
    if (!fs.existsSync(path.join(dir, file))) {
      faults.push({ file, path: '', line: 0, column: 0, message: 'file missing' });
      continue;
    }
    const v = load(file, name) as Record<string, unknown> | undefined;
    if (!v) continue;
    if (name === 'scenarios') out.scenarios = v.scenarios as CatalogData['scenarios'];
    if (name === 'threats') out.threats = v.threats as CatalogData['threats'];
    if (name === 'services') out.services = v.services as CatalogData['services'];
    if (name === 'risk-model') out.riskModel = v as unknown as CatalogData['riskModel'];
  }
  for (const f of listYaml(path.join(dir, 'guidelines'))) {
    const v = load(path.join('guidelines', f), 'guideline') as CatalogData['guidelines'][number] | undefined;
    if (v) out.guidelines!.push(v);
  }
  for (const f of listYaml(path.join(dir, 'rules'))) {
    const v = load(path.join('rules', f), 'rules') as { rules: CatalogData['rules'] } | undefined;
    if (!v) continue;
    // One family, one file: catalog/rules/<family>.yaml beside server/src/engine/rules/<family>/.
    const family = f.replace(/\.ya?ml$/, '');
    v.rules.forEach((r, i) => {
      if (r.family === family) return;
      const message = `${r.id}: family "${r.family}" belongs in rules/${r.family}.yaml`;
      faults.push({ file: path.join('rules', f), path: `/rules/${i}/family`, line: 0, column: 0, message });
    });
    out.rules!.push(...v.rules);
  }
  if (fs.existsSync(path.join(dir, DELIVERIES))) {
    const v = load(DELIVERIES, 'aws-delivery') as Pick<CatalogData, 'deliveries' | 'resourceRules'> | undefined;
    out.deliveries = v?.deliveries;
    out.resourceRules = v?.resourceRules;
  }
  if (fs.existsSync(path.join(dir, AWS_DEFAULTS))) {
    const v = load(AWS_DEFAULTS, 'aws-defaults') as { defaults: CatalogData['awsDefaults'] } | undefined;
    out.awsDefaults = v?.defaults;
  }
  if (faults.length || !out.scenarios || !out.threats || !out.services || !out.riskModel) return { faults };
  const data = out as CatalogData;
  faults.push(...crossCheck(data));
  return faults.length ? { faults } : { data, faults };
}

/** AWS delivery facts that decide which fixes deploy, relative to the catalog directory. */
const DELIVERIES = path.join('aws', 'delivery.yaml');
const AWS_DEFAULTS = path.join('aws', 'defaults.yaml');

function listYaml(d: string): string[] {
  return fs.existsSync(d)
    ? fs
        .readdirSync(d)
        .filter(f => /\.ya?ml$/.test(f))
        .sort()
    : [];
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown key "${(e.params as { additionalProperty: string }).additionalProperty}"`;
  if (e.keyword === 'enum')
    return `${e.message}: ${(e.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
  return e.message ?? e.keyword;
}

/** Line/column (1-based) of the YAML node at a JSON pointer. */
function locate(root: YNode | null, pointer: string, lc: LineCounter): { line: number; col: number } {
  let node: unknown = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find(p => String((p.key as { value?: unknown })?.value) === key);
      node = pair?.value ?? node;
    } else if (isSeq(node)) node = node.items[Number(key)] ?? node;
    else break;
  }
  const off = (node as { range?: number[] })?.range?.[0] ?? 0;
  return lc.linePos(off);
}

/** References between catalog files: every ID a file names must exist where it points. */
function crossCheck(d: CatalogData): CatalogFault[] {
  const faults: CatalogFault[] = [];
  const fault = (file: string, p: string, message: string) =>
    faults.push({ file, path: p, line: 0, column: 0, message });
  const cat = new Catalog(d);
  const dup = (file: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) fault(file, `/${i}/id`, `duplicate id "${id}"`);
      seen.add(id);
    });
  };
  dup(
    'scenarios.yaml',
    d.scenarios.map(s => s.id),
  );
  dup(
    'threats.yaml',
    d.threats.map(s => s.id),
  );
  dup(
    'services.yaml',
    d.services.map(s => s.id),
  );
  dup(
    'rules/*.yaml',
    d.rules.map(s => s.id),
  );
  const has = (kind: 'scenario' | 'threat' | 'service' | 'guideline', id: string) => !!cat.lookup(id, kind);
  d.scenarios.forEach((s, i) => {
    s.threats.forEach(
      (t, j) => has('threat', t) || fault('scenarios.yaml', `/scenarios/${i}/threats/${j}`, `unknown threat "${t}"`),
    );
    s.services.forEach(
      (t, j) => has('service', t) || fault('scenarios.yaml', `/scenarios/${i}/services/${j}`, `unknown service "${t}"`),
    );
    s.mhlw.forEach(
      (t, j) =>
        cat.guidelineItems.has(`mhlw-5.2:${t}`) ||
        fault('scenarios.yaml', `/scenarios/${i}/mhlw/${j}`, `"${t}" is not an item of guidelines/mhlw-5.2.yaml`),
    );
    s.mhlw6.forEach(
      (t, j) =>
        cat.guidelineItems.has(`mhlw-6.0:${t}`) ||
        fault('scenarios.yaml', `/scenarios/${i}/mhlw6/${j}`, `"${t}" is not an item of guidelines/mhlw-6.0.yaml`),
    );
  });
  // MHLW 6.0 is catalogued from the published text: every entry names its part, heading, page and address, and says
  // what it covers in our own words.
  const six = d.guidelines.find(g => g.edition.id === 'mhlw-6.0');
  six?.items.forEach((it, i) => {
    const where = `/items/${i}`;
    const missing = (
      [
        ['part', it.part],
        ['chapterTitle', it.chapterTitle],
        ['summary', it.summary],
        ['source.page', it.source.page],
        ['source.url', it.source.url],
      ] as const
    ).filter(([, v]) => v === undefined);
    for (const [k] of missing)
      fault('guidelines/mhlw-6.0.yaml', where, `${it.id}: ${k} is required for MHLW 6.0 entries`);
    const m = /^(経営管理編|企画管理編|システム運用編) (\d{1,2})(?: [①-⑳])?$/.exec(it.id);
    if (!m)
      fault('guidelines/mhlw-6.0.yaml', where, `"${it.id}" is not of the form "<編> <chapter>[ <circled number>]"`);
    else {
      if (it.part !== m[1]) fault('guidelines/mhlw-6.0.yaml', where, `${it.id}: part should be ${m[1]}`);
      if (it.chapter !== `${m[1]} ${m[2]}`)
        fault('guidelines/mhlw-6.0.yaml', where, `${it.id}: chapter should be "${m[1]} ${m[2]}"`);
      if ((it.kind === 'chapter') !== (it.id === it.chapter))
        fault('guidelines/mhlw-6.0.yaml', where, `${it.id}: kind chapter is for chapter headings only`);
      if (it.kind !== 'chapter' && !six.items.some(c => c.kind === 'chapter' && c.id === it.chapter))
        fault('guidelines/mhlw-6.0.yaml', where, `${it.id}: no heading entry for ${it.chapter}`);
    }
  });
  dup(
    'guidelines/mhlw-6.0.yaml',
    (six?.items ?? []).map(x => x.id),
  );
  // MHLW 5.2 items name their 6.0 counterparts (the migration aid): each must be catalogued in 6.0.
  const five = d.guidelines.find(g => g.edition.id === 'mhlw-5.2');
  five?.items.forEach((it, i) =>
    it.successors?.ids.forEach((id, j) => {
      if (!cat.guidelineItems.has(`mhlw-6.0:${id}`))
        fault(
          'guidelines/mhlw-5.2.yaml',
          `/items/${i}/successors/ids/${j}`,
          `"${id}" is not an item of guidelines/mhlw-6.0.yaml`,
        );
    }),
  );
  d.services.forEach((s, i) =>
    s.scenarios.forEach(
      (t, j) =>
        has('scenario', t) || fault('services.yaml', `/services/${i}/scenarios/${j}`, `unknown scenario "${t}"`),
    ),
  );
  // services[].scenarios is the exact inverse of scenarios[].services.
  const linked = new Map<string, Set<string>>();
  d.scenarios.forEach(s => s.services.forEach(v => linked.set(v, (linked.get(v) ?? new Set()).add(s.id))));
  d.services.forEach((s, i) => {
    const want = linked.get(s.id) ?? new Set<string>();
    const have = new Set(s.scenarios);
    for (const id of want)
      if (!have.has(id))
        fault(
          'services.yaml',
          `/services/${i}/scenarios`,
          `scenario "${id}" lists ${s.id}, but ${s.id} does not list it`,
        );
    for (const id of have)
      if (!want.has(id) && has('scenario', id))
        fault(
          'services.yaml',
          `/services/${i}/scenarios`,
          `${s.id} lists scenario "${id}", which does not list ${s.id}`,
        );
  });
  d.rules.forEach(r => {
    r.scenarios.forEach(t => has('scenario', t) || fault(`rules (${r.id})`, '/scenarios', `unknown scenario "${t}"`));
    const where = `rules (${r.id})`;
    const seenRefs = new Set<string>();
    r.guidelines.forEach((g, j) => {
      const key = `${g.edition}:${g.id}`;
      const hit = cat.guidelineItems.get(key);
      if (seenRefs.has(key)) fault(where, `/guidelines/${j}`, `${g.edition} "${g.id}" is listed twice`);
      seenRefs.add(key);
      if (!hit) fault(where, `/guidelines/${j}`, `"${g.id}" is not an item of guidelines/${g.edition}.yaml`);
      else if (g.edition === 'mhlw-6.0' && hit.item.kind !== 'minimum')
        fault(
          where,
          `/guidelines/${j}`,
          `"${g.id}" is not a 遵守事項 of MHLW 6.0 (rules cite requirements, not chapters)`,
        );
    });
    // Every template rule names the MHLW 6.0 遵守事項 it serves (6.0 is the edition hospitals audit against).
    if (r.family !== 'core' && r.family !== 'risk' && !r.guidelines.some(g => g.edition === 'mhlw-6.0'))
      fault(
        where,
        '/guidelines',
        'cites no MHLW 6.0 遵守事項 ({ edition: mhlw-6.0, id: "システム運用編 …", reason: … })',
      );
    r.services.forEach(t => has('service', t) || fault(`rules (${r.id})`, '/services', `unknown service "${t}"`));
  });
  return faults;
}

export function formatFault(f: CatalogFault): string {
  return `catalog/${f.file}${f.line ? `:${f.line}:${f.column}` : ''}: ${f.path ? `${f.path}: ` : ''}${f.message}`;
}
