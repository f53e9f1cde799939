/** Risk levels: the matrix in force (catalog or the assessment's own), scores and level order. */
import { Catalog } from '../catalog/catalog';
import { toHalfWidth } from '../catalog/ids';
import { Localized } from '../catalog/types';
import { Assessment, RiskDocument } from './model';

export type Thresholds = { level: string; min: number }[];

export function normalizeLevel(raw: string): string {
  return toHalfWidth(raw).trim().toUpperCase();
}

export function levelIds(catalog: Catalog): string[] {
  return catalog.data.riskModel.levels.map(l => l.id);
}

/** Lower is more severe (S = 0). Unknown levels rank below every known one. */
export function levelRank(catalog: Catalog, level: string): number {
  const i = levelIds(catalog).indexOf(normalizeLevel(level));
  return i < 0 ? Number.MAX_SAFE_INTEGER : i;
}

/** Problems of an assessment-local matrix; empty when it is usable. */
export function matrixProblems(
  catalog: Catalog,
  m: NonNullable<Assessment['matrix']>,
): { start: number; end: number; detail: Localized }[] {
  const out: { start: number; end: number; detail: Localized }[] = [];
  const ids = levelIds(catalog);
  const seen = new Set<string>();
  let previous: { rank: number; min: number } | undefined;
  const sorted = [...m.thresholds].sort(
    (a, b) => ids.indexOf(normalizeLevel(a.level.text)) - ids.indexOf(normalizeLevel(b.level.text)),
  );
  for (const t of m.thresholds) {
    const lv = normalizeLevel(t.level.text);
    if (!ids.includes(lv))
      out.push({
        start: t.level.start,
        end: t.level.end,
        detail: {
          ja: `レベル「${t.level.text}」はカタログにありません（${ids.join(', ')}）`,
          en: `level "${t.level.text}" is not a catalog level (${ids.join(', ')})`,
        },
      });
    else if (seen.has(lv))
      out.push({
        start: t.level.start,
        end: t.level.end,
        detail: { ja: `レベル ${lv} が二度あります`, en: `level ${lv} appears twice` },
      });
    seen.add(lv);
    if (t.min.value < 1 || t.min.value > 25)
      out.push({
        start: t.min.start,
        end: t.min.end,
        detail: { ja: `最小値 ${t.min.value} は 1〜25 の範囲外です`, en: `minimum ${t.min.value} is outside 1–25` },
      });
  }
  for (const t of sorted) {
    const rank = ids.indexOf(normalizeLevel(t.level.text));
    if (rank < 0) continue;
    if (previous && t.min.value >= previous.min)
      out.push({
        start: t.min.start,
        end: t.min.end,
        detail: {
          ja: `${t.level.text} の最小値は上位のレベルより小さくします`,
          en: `the minimum of ${t.level.text} must be below that of the higher levels`,
        },
      });
    previous = { rank, min: t.min.value };
  }
  const lowest = sorted.filter(t => ids.includes(normalizeLevel(t.level.text))).pop();
  if (!out.length && lowest && lowest.min.value !== 1)
    out.push({
      start: lowest.min.start,
      end: lowest.min.end,
      detail: {
        ja: '最も低いレベルの最小値は 1 にします（すべての点数にレベルが付くように）',
        en: 'the lowest level must start at 1 so every score has a level',
      },
    });
  if (!out.length && !m.thresholds.length)
    out.push({
      start: m.entry.keyStart,
      end: m.entry.keyEnd,
      detail: { ja: 'レベルが一つもありません', en: 'no levels are given' },
    });
  return out;
}

/** The thresholds in force: the assessment's matrix when valid, else the catalog's. */
export function thresholdsOf(catalog: Catalog, doc: RiskDocument): Thresholds {
  const m = doc.assessment?.matrix;
  if (m && !matrixProblems(catalog, m).length) {
    return m.thresholds
      .map(t => ({ level: normalizeLevel(t.level.text), min: t.min.value }))
      .sort((a, b) => b.min - a.min);
  }
  return catalog.data.riskModel.matrix.thresholds;
}

export function levelOf(thresholds: Thresholds, impact: number, likelihood: number): string | undefined {
  const score = impact * likelihood;
  return [...thresholds].sort((a, b) => b.min - a.min).find(t => score >= t.min)?.level;
}

export function inScale(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= 5;
}
