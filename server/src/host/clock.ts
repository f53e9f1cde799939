/** The one place that reads the clock: the engine is given "today" in its settings, never reads it itself. */

/** Today's date on the user's local calendar, as `YYYY-MM-DD`. */
export function localDate(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
