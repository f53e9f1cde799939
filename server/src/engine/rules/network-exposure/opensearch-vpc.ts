import { branchesAt } from '../../model/evaluate';
import { Rule } from '../types';

export const rule: Rule = {
  id: 'opensearch-vpc',
  runsOn: ['AWS::OpenSearchService::Domain', 'AWS::Elasticsearch::Domain'],
  checkResource(r, ctx) {
    for (const b of branchesAt(r.node, ['Properties', 'VPCOptions'])) {
      if (b.node !== undefined) continue;
      ctx.report({ at: b.via.length && b.anchor ? b.anchor : { start: r.idStart, end: r.idEnd }, via: b.via });
    }
  },
};
