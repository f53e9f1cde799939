/**
 * JSON Schema of risk files for other YAML tools, generated from the key table and the catalog so it never drifts.
 * Regenerate with: node out/server/src/tools/risk-schema.js > catalog/schema/risk-file.schema.json
 */
import { Catalog } from '../engine/catalog/catalog';
import { defaultCatalog } from '../host/resources';
import { KEYS, KeySpec, ObjectKind } from '../engine/risk/keys';

type Schema = Record<string, unknown>;

function valueSchema(spec: KeySpec, kind: ObjectKind, catalog: Catalog): Schema {
  const labelled = (k: 'treatments' | 'perspectives' | 'owners' | 'classifications') => ({
    type: 'string',
    enum: [...new Set(catalog.data.riskModel[k].flatMap(x => [x.id, x.label.ja, x.label.en, ...(x.aliases ?? [])]))],
  });
  const levels = { type: 'string', enum: catalog.data.riskModel.levels.map(l => l.id) };
  const scalar = { type: ['string', 'number'] };
  const strings = { oneOf: [scalar, { type: 'array', items: scalar }] };
  if (spec.key === 'treatment' || spec.key === 'perspective' || spec.key === 'owner' || spec.key === 'classification') {
    const kind =
      spec.key === 'classification' ? 'classifications' : spec.key === 'treatment' ? 'treatments' : spec.key + 's';
    return labelled(kind as never);
  }
  if (spec.key === 'level' || spec.key === 'acceptance') return levels;
  if (kind === 'assessment' && spec.key === 'guideline') return { type: 'string', enum: [...catalog.editions.keys()] };
  if (spec.key === 'scenarios')
    return {
      oneOf: [{ $ref: '#/definitions/scenarioId' }, { type: 'array', items: { $ref: '#/definitions/scenarioId' } }],
    };
  switch (spec.type) {
    case 'integer':
      return { type: 'integer', minimum: 1, maximum: 5 };
    case 'boolean':
      return { oneOf: [{ type: 'boolean' }, { enum: ['要', '不要'] }] };
    case 'date':
      return {
        type: 'string',
        pattern:
          '^(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日|(令和|平成)(元|\\d{1,2})年\\d{1,2}月\\d{1,2}日)$',
      };
    case 'strings':
      return strings;
    case 'map':
      return { $ref: `#/definitions/${spec.child}` };
    case 'maps':
      return { type: 'array', items: { $ref: `#/definitions/${spec.child}` } };
    default:
      return scalar;
  }
}

/** A risk marked not applicable (対象外) needs no impact or likelihood: the alternatives that waive them. */
function notApplicable(catalog: Catalog): Schema[] {
  const na = catalog.data.riskModel.treatments.find(t => t.id === 'not-applicable');
  const spec = KEYS.risk.find(s => s.key === 'treatment');
  if (!na || !spec) return [];
  const values = [...new Set([na.id, na.label.ja, na.label.en, ...(na.aliases ?? [])])];
  return [...new Set([spec.key, ...spec.ja])].map(n => ({ required: [n], properties: { [n]: { enum: values } } }));
}

function objectSchema(kind: ObjectKind, catalog: Catalog): Schema {
  const properties: Schema = {};
  const required: Schema[] = [];
  for (const spec of KEYS[kind]) {
    const v = { ...valueSchema(spec, kind, catalog), description: `${spec.doc.en} / ${spec.doc.ja}` };
    const names = [...new Set([spec.key, ...spec.ja])];
    for (const n of names) properties[n] = v;
    const waived =
      kind === 'risk' && (spec.key === 'impact' || spec.key === 'likelihood') ? notApplicable(catalog) : [];
    if (spec.required) required.push({ anyOf: [...names.map(n => ({ required: [n] })), ...waived] });
  }
  return { type: 'object', additionalProperties: false, properties, ...(required.length ? { allOf: required } : {}) };
}

export function riskFileSchema(catalog: Catalog): Schema {
  const definitions: Schema = {
    scenarioId: {
      type: ['string', 'number'],
      description: 'Annex 2 scenario ID such as 3.8② (3.8-2 and 3.8(2) are accepted)',
    },
    matrix: {
      type: 'object',
      additionalProperties: false,
      description: 'level → minimum impact × likelihood score',
      properties: Object.fromEntries(
        catalog.data.riskModel.levels.map(l => [l.id, { type: 'integer', minimum: 1, maximum: 25 }]),
      ),
    },
  };
  for (const kind of Object.keys(KEYS) as ObjectKind[])
    if (kind !== 'root') definitions[kind] = objectSchema(kind, catalog);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://iryo-guard.dev/schema/risk-file.schema.json',
    title: 'iryo-guard risk assessment (*.risk.yaml)',
    description:
      'Keys may be written in English or with the Japanese names of the risk-assessment sheet. Generated ' +
      'from server/src/engine/risk/keys.ts; see docs/risk-dsl.md.',
    ...objectSchema('root', catalog),
    definitions,
  };
}

if (require.main === module) process.stdout.write(JSON.stringify(riskFileSchema(defaultCatalog()), null, 2) + '\n');
