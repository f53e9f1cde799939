import { refusalPhrase } from '../links';
import { RiskRule } from './types';

/** Each `iac:` entry names one template that exists and that the host may read. */
export const rule: RiskRule = {
  id: 'risk-iac-missing',
  alsoReports: ['risk-iac-not-a-file', 'risk-iac-not-read', 'risk-iac-not-template'],
  check({ links, report: d }) {
    const canRead = !!d.ctx.analysisOf;
    for (const l of links) {
      const at = [l.path.start, l.path.end] as const;
      const path = l.path.text;
      if (l.notAFile) d.add('risk-iac-not-a-file', ...at, { path: path.trim() || '""', what: l.notAFile });
      else if (l.refused?.refused === 'not-found') {
        if (canRead && l.uri) d.add('risk-iac-missing', ...at, { path });
      } else if (l.refused) d.add('risk-iac-not-read', ...at, { path, why: refusalPhrase(l.refused) });
      else if (l.riskFile || l.analysis?.kind === 'none') d.add('risk-iac-not-template', ...at, { path });
      else if (l.analysis && !l.template && l.analysis.findings.some(f => f.rule === 'file-too-large'))
        d.add('risk-iac-not-read', ...at, { path, why: refusalPhrase({ refused: 'too-large' }) });
    }
  },
};
