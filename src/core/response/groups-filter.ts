/**
 * --groups-filter against the group values of a response. The filter is an admin's
 * regex, the values come from an untrusted capture: a backtracking regex such as `(a+)+$` on a
 * hostile value blocks a JavaScript thread for minutes. Two bounds, both reported:
 * - values longer than MAX_GROUP_FILTER_LENGTH are never matched (Okta group names are at most 255
 *   characters, so a longer one is not an Okta group name anyway);
 * - the match itself goes through a GroupsMatcher, which may give up (undefined). The CLI passes
 *   one that runs in a worker thread under a time limit (src/cli/bounded-groups-matcher.ts); the
 *   default, for library callers, runs in the calling thread with the length bound only.
 */
import { finding, type Finding, type Location } from '../findings.js';

export const MAX_GROUP_FILTER_LENGTH = 256;

/** true/false per value, in order; undefined when the match could not finish in time. */
export type GroupsMatcher = (pattern: string, values: string[]) => boolean[] | undefined;

/** Okta's "Matches regex" must match the whole group name, hence the anchors. */
export const anchoredFilter = (filter: string): string => `^(?:${filter})$`;

export const inThreadGroupsMatcher: GroupsMatcher = (pattern, values) => {
  const re = new RegExp(pattern);
  return values.map((v) => re.test(v));
};

export function checkGroupsFilter(groups: string[], filter: string, matcher: GroupsMatcher, at: Location | undefined): Finding[] {
  const out: Finding[] = [];
  const long = groups.filter((g) => g.length > MAX_GROUP_FILTER_LENGTH);
  const short = groups.filter((g) => g.length <= MAX_GROUP_FILTER_LENGTH);
  if (long.length > 0)
    out.push(
      finding(
        'GROUPS_FILTER_VALUE_TOO_LONG',
        'warning',
        `${long.length} group value(s) longer than ${MAX_GROUP_FILTER_LENGTH} characters were not matched against --groups-filter`,
        'Okta group names are at most 255 characters: a longer value did not come from an Okta group. Check the Group Attribute Statement in Okta (app → General → SAML Settings).',
        at,
      ),
    );
  if (short.length === 0) return out;
  let matched: boolean[] | undefined;
  try {
    matched = matcher(anchoredFilter(filter), short);
  } catch {
    return out; // an invalid regex is refused as a usage error before any response is read
  }
  if (matched === undefined) {
    out.push(
      finding(
        'GROUPS_FILTER_TIMEOUT',
        'warning',
        `--groups-filter ${filter} did not finish on the group values in time; they were not matched`,
        "The regex backtracks catastrophically on these values (nested quantifiers such as (a+)+): simplify it, in Okta's Group Attribute Statement too.",
        at,
      ),
    );
    return out;
  }
  const outside = short.filter((_, i) => matched[i] !== true);
  if (outside.length > 0)
    out.push(
      finding(
        'GROUPS_OUTSIDE_FILTER',
        'warning',
        `${outside.length} group(s) do not match the filter ${filter}`,
        'The Okta group filter and --groups-filter differ: align the Group Attribute Statement filter.',
        at,
      ),
    );
  return out;
}
