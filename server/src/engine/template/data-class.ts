/**
 * Data classification: a template or a resource says how sensitive the data it holds is, in its Metadata —
 * `iryo-guard: {data: none | personal | patient}` (the older `dataClassification: non-personal` means `none`). Rules
 * whose reason is a kind of data (catalog `dataClass`) stay silent where less sensitive data is declared. Unmarked
 * resources are treated as holding patient data: the safe assumption for a medical system.
 */
import { DataClass } from '../catalog/types';
import { get, Node, scalarString } from '../model/node';
import { Resource, Template } from '../model/template';

const RANK: Record<DataClass, number> = { none: 0, personal: 1, patient: 2 };

/** The class a Metadata map declares under `iryo-guard`, if any. */
export function declaredDataClass(meta: Node | undefined): DataClass | undefined {
  const own = get(meta, 'iryo-guard');
  const data = scalarString(get(own, 'data'));
  if (data === 'none' || data === 'personal' || data === 'patient') return data;
  return scalarString(get(own, 'dataClassification')) === 'non-personal' ? 'none' : undefined;
}

/** The class a resource is marked with (its own Metadata first, then the template's); undefined when unmarked. */
export function dataClassOf(t: Template, r: Resource | undefined): DataClass | undefined {
  return declaredDataClass(r?.metadata) ?? declaredDataClass(t.metadata);
}

/** Whether a rule about data of class `needed` is out of place where `marked` data is declared. */
export function lessSensitive(marked: DataClass | undefined, needed: DataClass | undefined): boolean {
  return marked !== undefined && needed !== undefined && RANK[marked] < RANK[needed];
}
