import { regionRule } from '../support/regions';
import { Rule } from '../types';

export const rule: Rule = regionRule('region-outside-japan', false);
