import * as fs from 'fs';
import * as path from 'path';
import { Catalog } from './catalog';
import { CatalogData } from './types';

let cached: Catalog | undefined;

/**
 * The compiled catalog (`catalog.json`, produced by the build from `catalog/*.yaml`). It sits beside the bundles in
 * `dist/`; tests running from `out/` find it in the repository's `dist/`.
 */
export function defaultCatalog(): Catalog {
  if (cached) return cached;
  const candidates = [
    path.join(__dirname, 'catalog.json'),
    path.resolve(__dirname, '../../../../../dist/catalog.json'),
    path.resolve(process.cwd(), 'dist/catalog.json'),
  ];
  const file = candidates.find(f => fs.existsSync(f));
  if (!file) throw new Error(`iryo-guard: catalog.json not found (looked in ${candidates.join(', ')}); run \`npm run build\``);
  cached = new Catalog(JSON.parse(fs.readFileSync(file, 'utf8')) as CatalogData);
  return cached;
}
