import { LinkedFile } from './links';
import { RiskDocument } from './model';

/** What a risk-file Analysis carries in `model` for the editor features. */
export interface RiskModel {
  doc: RiskDocument;
  links: LinkedFile[];
}
