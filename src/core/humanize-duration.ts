/**
 * Durations the way people say them: "45 seconds", "12 minutes", "5.5 hours", "31 days",
 * "4.2 months", "2.6 years" — never "1374682 min". One humaniser for every report (certificate
 * validity, metadata validUntil, response times), so the same span reads the same everywhere.
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Gregorian averages: a "year" is 365.2425 days, a "month" a twelfth of it. */
const YEAR = 365.2425 * DAY;
const MONTH = YEAR / 12;

/** One decimal below 10 (unless whole), none above: "2.6 years", "1 year", "14 years". */
function amount(n: number, unit: string): string {
  const r = n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
  return `${r} ${unit}${r === 1 ? '' : 's'}`;
}

/** The size of a span, whatever its sign. */
export function humanizeDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < MINUTE) return amount(Math.round(a / SECOND), 'second');
  if (a < HOUR) return amount(Math.round(a / MINUTE), 'minute');
  if (a < 2 * DAY) return amount(a / HOUR, 'hour');
  if (a < 90 * DAY) return amount(Math.floor(a / DAY), 'day');
  if (a < 2 * YEAR) return amount(a / MONTH, 'month');
  return amount(a / YEAR, 'year');
}

/** `then` seen from `now`: "in 31 days", "2.6 years ago", "now". */
export function relativeTime(thenMs: number, nowMs: number): string {
  const d = thenMs - nowMs;
  if (Math.abs(d) < SECOND) return 'now';
  return d > 0 ? `in ${humanizeDuration(d)}` : `${humanizeDuration(d)} ago`;
}
