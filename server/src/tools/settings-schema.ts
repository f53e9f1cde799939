/**
 * Keeps the rule-ID settings in package.json (`iryoGuard.rules.disabled`, `iryoGuard.severityOverrides`) in step with
 * the catalog, so settings.json completes rule IDs and flags misspelt ones: `npm run docs`. A test checks it is
 * current.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from '../engine';
import { defaultCatalog } from '../host/resources';

/** The part of package.json this tool writes: the `iryoGuard.*` setting schemas. */
interface Manifest {
  contributes: { configuration: { properties: Record<string, Record<string, unknown>> } };
}

/** package.json with the rule-ID enums of the given catalog (other content untouched). */
export function withRuleIdSchemas<T extends object>(pkg: T, catalog: Catalog): T {
  const ids = [...catalog.rules.keys()].sort();
  const titles = ids.map(id => {
    const t = catalog.rules.get(id)!.title;
    return `${t.en} / ${t.ja}`;
  });
  const out = JSON.parse(JSON.stringify(pkg)) as T & Manifest;
  const props = out.contributes.configuration.properties;
  props['iryoGuard.rules.disabled'].items = { type: 'string', enum: ids, enumDescriptions: titles };
  props['iryoGuard.severityOverrides'].propertyNames = { enum: ids };
  return out;
}

export const PACKAGE_JSON = path.resolve(__dirname, '../../../../package.json');

if (require.main === module) {
  const pkg = JSON.parse(fs.readFileSync(PACKAGE_JSON, 'utf8'));
  fs.writeFileSync(PACKAGE_JSON, JSON.stringify(withRuleIdSchemas(pkg, defaultCatalog()), null, 2) + '\n');
  console.log(
    `wrote ${path.relative(process.cwd(), PACKAGE_JSON)} (rule IDs in iryoGuard.rules.disabled / severityOverrides)`,
  );
}
