/** A risk's threat: one of Table 5-1 (the catalog) or one the file defines under `threats:`. */
import { Catalog } from '../catalog/catalog';
import { Lang } from '../i18n/text';
import { lookupId } from './lookup';
import { LocalThreat, RiskDocument } from './model';

/** The threat the file defines with this ID, if any. */
export function localThreat(doc: RiskDocument, written: string): LocalThreat | undefined {
  const id = written.trim();
  return doc.threats.find(t => t.id?.text.trim() === id);
}

/** How a threat reads in a report: the table's label, the local threat's title, else the text as written. */
export function threatLabel(catalog: Catalog, doc: RiskDocument, written: string | undefined, lang: Lang): string {
  if (!written) return '';
  const local = localThreat(doc, written);
  if (local) return local.title?.text ?? written;
  const e = lookupId(catalog, written, 'threat');
  return e?.kind === 'threat' ? e.entry.label[lang] : written;
}
