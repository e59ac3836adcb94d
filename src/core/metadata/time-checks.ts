/**
 * validUntil and cacheDuration (SAML metadata 2.0 §2.3.2, xs:dateTime / xs:duration), judged at
 * the given clock: an expired validUntil is an error (SAML stacks drop the document), within
 * --min-days a warning. Offers timeFindings(element, {now, minDays}, file).
 */
import { finding, type Finding } from '../findings.js';
import { relativeTime } from '../humanize-duration.js';
import { attr } from '../xml/dom.js';
import { locationOf } from '../xml/parse-dom.js';
import { METADATA_CODES as C } from './codes.js';

const DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const DURATION = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const DAY_MS = 86_400_000;

export function timeFindings(el: Element, opts: { now: Date; minDays?: number }, file?: string): Finding[] {
  const out: Finding[] = [];
  const at = locationOf(el, file);
  const validUntil = attr(el, 'validUntil')?.trim();
  if (validUntil !== undefined) {
    // No zone means UTC in SAML (core §1.3.3 requires UTC); Date.parse would read local time.
    const t = DATETIME.test(validUntil) ? Date.parse(/Z|[+-]\d{2}:\d{2}$/.test(validUntil) ? validUntil : `${validUntil}Z`) : NaN;
    if (Number.isNaN(t))
      out.push(
        finding('MD_VALID_UNTIL_INVALID', 'error', `validUntil="${validUntil}" is not a date-time`, C.MD_VALID_UNTIL_INVALID.help, at),
      );
    else if (t <= opts.now.getTime())
      out.push(
        finding(
          'MD_VALID_UNTIL_EXPIRED',
          'error',
          `the document was valid until ${validUntil} (${relativeTime(t, opts.now.getTime())})`,
          C.MD_VALID_UNTIL_EXPIRED.help,
          at,
        ),
      );
    else if (t - opts.now.getTime() < (opts.minDays ?? 30) * DAY_MS)
      out.push(
        finding(
          'MD_VALID_UNTIL_SOON',
          'warning',
          `the document is valid until ${validUntil} (it expires ${relativeTime(t, opts.now.getTime())})`,
          C.MD_VALID_UNTIL_SOON.help,
          at,
        ),
      );
  }
  const cache = attr(el, 'cacheDuration')?.trim();
  if (cache !== undefined) {
    if (DURATION.test(cache)) out.push(finding('MD_CACHE_DURATION', 'info', `cacheDuration ${cache}`, C.MD_CACHE_DURATION.help, at));
    else
      out.push(
        finding(
          'MD_CACHE_DURATION_INVALID',
          'warning',
          `cacheDuration="${cache}" is not an xs:duration`,
          C.MD_CACHE_DURATION_INVALID.help,
          at,
        ),
      );
  }
  return out;
}
