/** Catalog look-ups memoised per catalog: a risk file names the same few hundred IDs again and again. */
import { Catalog } from '../catalog/catalog';
import { CatalogEntry, EntryKind } from '../catalog/types';

const memo = new WeakMap<Catalog, Map<string, CatalogEntry | null>>();

export function lookupId(catalog: Catalog, text: string, kind: EntryKind): CatalogEntry | undefined {
  let m = memo.get(catalog);
  if (!m) {
    m = new Map();
    memo.set(catalog, m);
  }
  const key = `${kind}\u0000${text}`;
  let hit = m.get(key);
  if (hit === undefined) {
    hit = catalog.lookup(text, kind) ?? null;
    if (m.size < 50_000) m.set(key, hit);
  }
  return hit ?? undefined;
}

type LabelKind = 'treatments' | 'perspectives' | 'owners' | 'classifications';
const labelMemo = new WeakMap<Catalog, Map<string, ReturnType<Catalog['labelled']> | null>>();

export function labelledValue(catalog: Catalog, kind: LabelKind, raw: string): ReturnType<Catalog['labelled']> {
  let m = labelMemo.get(catalog);
  if (!m) {
    m = new Map();
    labelMemo.set(catalog, m);
  }
  const key = `${kind}\u0000${raw}`;
  let hit = m.get(key);
  if (hit === undefined) {
    hit = catalog.labelled(kind, raw) ?? null;
    if (m.size < 10_000) m.set(key, hit);
  }
  return hit ?? undefined;
}
