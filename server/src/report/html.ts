/** A self-contained HTML report: summary, the sheet, scenario coverage and before/after heat maps as inline SVG. */
import { t } from '../engine';
import type { PhraseId } from '../engine/i18n/phrases';
import { cellLevel, coverageRisks, coverageSummary, metadataLines, Report } from '../engine/risk/report-model';

export const LEVEL_COLOURS: Record<string, string> = {
  S: '#c0392b',
  A: '#e67e22',
  B: '#f1c40f',
  C: '#a9d18e',
  D: '#6aa84f',
};

const esc = (s: string) =>
  s.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function table(headers: string[], rows: string[][], cls = ''): string {
  return `<table class="${cls}"><thead><tr>${headers.map(h => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map(r => `<tr>${r.map(c => `<td>${esc(c).replace(/\r?\n/g, '<br>')}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * impact (rows, 5 at the top) × likelihood (columns); each cell coloured by its level and showing the number of risks.
 */
export function heatMapSvg(rep: Report, counts: number[][], title: string): string {
  const size = 56,
    left = 40,
    top = 30;
  const cells: string[] = [];
  for (let i = 5; i >= 1; i--)
    for (let l = 1; l <= 5; l++) {
      const x = left + (l - 1) * size,
        y = top + (5 - i) * size;
      const level = cellLevel(rep, i, l);
      const n = counts[i - 1][l - 1];
      cells.push(
        `<rect x="${x}" y="${y}" width="${size}" height="${size}" fill="${LEVEL_COLOURS[level] ?? '#ddd'}" ` +
          `stroke="#fff" stroke-width="2"><title>${esc(`${level} ${i}×${l}=${i * l}: ${n}`)}</title></rect>`,
        `<text x="${x + 6}" y="${y + 14}" font-size="10" fill="#333">${level}</text>`,
        n
          ? `<text x="${x + size / 2}" y="${y + size / 2 + 8}" font-size="20" font-weight="bold" ` +
              `text-anchor="middle" fill="#111">${n}</text>`
          : '',
      );
    }
  const axis: string[] = [];
  for (let k = 1; k <= 5; k++) {
    axis.push(
      `<text x="${left + (k - 0.5) * size}" y="${top + 5 * size + 16}" font-size="12" text-anchor="middle">${k}</text>`,
    );
    axis.push(
      `<text x="${left - 10}" y="${top + (5 - k + 0.5) * size + 4}" font-size="12" text-anchor="end">${k}</text>`,
    );
  }
  const bottom = top + 5 * size;
  const axisTitle = t('heatMapLikelihood', rep.lang);
  return `<figure class="heatmap"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" width="${left + 5 * size + 10}" height="${top + 5 * size + 40}">
<text x="${left}" y="18" font-size="14" font-weight="bold">${esc(title)}</text>${cells.join('')}${axis.join('')}
<text x="${left + 2.5 * size}" y="${bottom + 34}" font-size="12" text-anchor="middle">${axisTitle}</text>
</svg><figcaption>${t('heatMapCaption', rep.lang)}</figcaption></figure>`;
}

export function renderHtml(rep: Report): string {
  const say = (id: PhraseId) => t(id, rep.lang);
  const legend = rep.levels
    .map(l => `<span class="chip" style="background:${LEVEL_COLOURS[l] ?? '#ddd'}">${l}</span>`)
    .join(' ');
  const coverageRows = rep.coverage.map(c => [c.id, c.title, coverageRisks(rep, c) || say('reportNotCovered')]);
  const heatMaps = heatMapSvg(rep, rep.before, say('reportBefore')) + heatMapSvg(rep, rep.after, say('reportResidual'));
  const notCovered = say('reportNotCovered');
  const coverageTable = table(
    [say('reportScenario'), say('reportScenarioTitle'), say('reportCoveredBy')],
    coverageRows,
    'coverage',
  ).replace(new RegExp(`<td>${notCovered}</td>`, 'g'), `<td class="missing">${notCovered}</td>`);
  return `<!DOCTYPE html>
<html lang="${rep.lang}"><head><meta charset="utf-8"><title>${esc(rep.title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Hiragino Sans","Noto Sans JP",sans-serif;margin:24px;color:#222}
table{border-collapse:collapse;font-size:12px;margin:8px 0 24px}
th,td{border:1px solid #bbb;padding:4px 6px;vertical-align:top}
th{background:#eef2f7;position:sticky;top:0}td:empty{background:#fafafa}
.coverage td:last-child{white-space:nowrap}.missing{color:#c0392b;font-weight:bold}
.heatmaps{display:flex;gap:32px;flex-wrap:wrap}
.chip{display:inline-block;padding:2px 8px;border-radius:4px;font-weight:bold}
figure{margin:0}figcaption{font-size:11px;color:#555}.note{font-size:12px;color:#555}
</style></head><body>
<h1>${say('reportAssessment')}: ${esc(rep.title)}</h1>
<ul>
<li>ID: ${esc(rep.assessmentId)}</li>
<li>${say('reportGuideline')}: ${esc(rep.guideline)}</li>
<li>${say('reportAcceptance')}: ${esc(rep.acceptance)}</li>
${metadataLines(rep)
  .map(([k, v]) => `<li>${esc(k)}: ${esc(v)}</li>\n`)
  .join('')}<li>${say('reportMinimumScenarios')}: ${esc(coverageSummary(rep))}</li>
<li>${say('reportOpenIacFindings')}: ${rep.openFindings}</li>
<li>${say('reportFileDiagnostics')}: ${rep.diagnostics.length}</li>
</ul>
${rep.notes.map(n => `<p class="note">${esc(n)}</p>`).join('\n')}
<h2>${say('reportRiskMatrix')}</h2>
<p>${say('reportLevels')}: ${legend}</p>
<div class="heatmaps">${heatMaps}</div>
<h2>${say('reportSheet')}</h2>
${table(rep.headers, rep.rows, 'sheet')}
<h2>${say('reportCoverage')}</h2>
${coverageTable}
${
  rep.diagnostics.length
    ? `<h2>${say('reportDiagnostics')}</h2>${table(
        [say('reportLine'), say('labelSeverity'), say('reportRule'), say('reportMessage')],
        rep.diagnostics.map(d => [String(d.line), d.severity, d.rule, d.message]),
      )}`
    : ''
}
</body></html>
`;
}
