import type { KnownCode } from '../finding-codes.js';
import { finding, type Finding, type Location } from '../findings.js';
import { humanizeDuration } from '../humanize-duration.js';
import { parseSamlTime } from './saml-time.js';
import type { CheckResponseOptions } from './types.js';

/** An xs:dateTime with an explicit zone, or TIME_INVALID (saml-time.ts says why). */
export function formatCheck(out: Finding[], what: string, value: string, at: Location | undefined): void {
  const t = parseSamlTime(value);
  if (!t.ok)
    out.push(
      finding(
        'TIME_INVALID',
        'error',
        `${what} "${value}" ${t.reason}`,
        'Okta writes UTC times such as 2026-06-01T00:05:00.000Z; the response was damaged or not written by Okta.',
        at,
      ),
    );
}

/** `before`: the instant must not be later than now + skew; `after`: now - skew must be before it. */
export function timeCheck(
  out: Finding[],
  code: KnownCode,
  what: string,
  iso: string | null,
  kind: 'before' | 'after',
  opts: CheckResponseOptions,
  at: Location | undefined,
): void {
  if (iso === null) return;
  const parsed = parseSamlTime(iso);
  if (!parsed.ok) return; // reported once by formatCheck
  const t = parsed.ms;
  const now = opts.now.getTime();
  const skew = opts.clockSkewSeconds * 1000;
  const late = kind === 'before' ? t - (now + skew) : now - skew - t + 1;
  if (late <= 0) return;
  const span = humanizeDuration(t - now);
  const verdict = kind === 'before' ? `is ${span} in the future` : `passed ${span} ago`;
  out.push(
    finding(
      code,
      'error',
      `${what} ${iso} ${verdict} (now ${opts.now.toISOString()}, skew ${opts.clockSkewSeconds}s)`,
      'If the response is old, pass --now with the time it was captured. Otherwise the clocks differ: sync the Polyaxon hosts with NTP, or raise --clock-skew to measure by how much.',
      at,
    ),
  );
}
