/**
 * Calendar dates as people write them in an assessment: `2025-04-01`, `2025/4/1`, `2025年4月1日` and the Japanese
 * eras (`令和7年4月1日`, `令和元年5月1日`, `平成31年4月30日`), full-width digits included. Pure: the engine never asks
 * the clock; "today" comes from the settings.
 */
import { toHalfWidth } from '../catalog/ids';

/** Era name → the Gregorian year of its first year, and its first day (a date before it is not in that era). */
const ERAS: Record<string, { base: number; from: string; to?: string }> = {
  令和: { base: 2018, from: '2019-05-01' },
  平成: { base: 1988, from: '1989-01-08', to: '2019-04-30' },
};

const pad = (n: number) => String(n).padStart(2, '0');

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2999) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days ? `${y}-${pad(m)}-${pad(d)}` : undefined;
}

/** `YYYY-MM-DD` for a date written in one of the accepted forms; undefined for anything else (or no such day). */
export function parseDate(raw: unknown): string | undefined {
  if (typeof raw !== 'string') return undefined;
  const s = toHalfWidth(raw).trim().replace(/\s+/g, '');
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(s) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(令和|平成)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$/.exec(s);
  if (!m) return undefined;
  const era = ERAS[m[1]];
  const year = m[2] === '元' ? 1 : Number(m[2]);
  if (year < 1) return undefined;
  const date = iso(era.base + year, Number(m[3]), Number(m[4]));
  if (!date || date < era.from || (era.to && date > era.to)) return undefined;
  return date;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  const t = (x: string) => Date.UTC(Number(x.slice(0, 4)), Number(x.slice(5, 7)) - 1, Number(x.slice(8, 10)));
  return Math.round((t(to) - t(from)) / 86_400_000);
}
