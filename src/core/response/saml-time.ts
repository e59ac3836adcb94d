/**
 * SAML times are xs:dateTime (SAML core §1.3.3, which asks for UTC, written with `Z`). An explicit
 * offset (`+14:00`) still names one instant and is accepted. A time without any zone is refused: it
 * has no instant of its own, and Date.parse would read it in the machine's zone, so one response
 * could pass on a host in UTC+14 and fail on one in UTC-12. Times are converted with UTC arithmetic
 * only, so no verdict depends on the process's TZ.
 */
const XS_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/;
const ZONELESS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?$/;

export type SamlTime = { ok: true; ms: number } | { ok: false; reason: string };

export function parseSamlTime(text: string): SamlTime {
  const m = XS_DATETIME.exec(text);
  if (!m) {
    return {
      ok: false,
      reason: ZONELESS.test(text)
        ? "has no time zone (Z or ±hh:mm): its instant would depend on the machine's time zone"
        : 'is not an xs:dateTime (YYYY-MM-DDThh:mm:ss[.fff]Z)',
    };
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Number(((m[7] ?? '') + '000').slice(0, 3));
  const zone = m[8] as string;
  // XML Schema 1.1 §D.2.1: 24:00:00 is the first instant of the next day; no leap seconds.
  const midnight = h === 24 && mi === 0 && s === 0 && ms === 0;
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || (h > 23 && !midnight) || mi > 59 || s > 59)
    return { ok: false, reason: 'is not a valid date and time' };
  let offset = 0;
  if (zone !== 'Z') {
    const zh = Number(zone.slice(1, 3));
    const zm = Number(zone.slice(4, 6));
    if (zh > 14 || zm > 59 || (zh === 14 && zm > 0)) return { ok: false, reason: 'has a time zone offset beyond ±14:00' };
    offset = (zone[0] === '-' ? -1 : 1) * (zh * 60 + zm) * 60000;
  }
  return { ok: true, ms: utc(y, mo - 1, d, h, mi, s, ms) - offset };
}

/** Date.UTC, without its mapping of years 0-99 to 1900-1999. */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo, d);
  t.setUTCHours(h, mi, s, ms);
  return t.getTime();
}

function daysIn(y: number, mo: number): number {
  return new Date(utc(y, mo, 0)).getUTCDate();
}
