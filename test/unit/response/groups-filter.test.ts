import { describe, expect, it } from 'vitest';
import {
  MAX_GROUP_FILTER_LENGTH,
  anchoredFilter,
  checkGroupsFilter,
  inThreadGroupsMatcher,
  type GroupsMatcher,
} from '../../../src/core/response/groups-filter.js';
import { boundedGroupsMatcher } from '../../../src/commands/check-response/bounded-groups-matcher.js';

/** --groups-filter against untrusted group values, bounded in length and (in the CLI) in time. */
const codes = (groups: string[], filter: string, m: GroupsMatcher = inThreadGroupsMatcher) =>
  checkGroupsFilter(groups, filter, m, undefined).map((f) => [f.code, f.severity]);

describe('checkGroupsFilter', () => {
  it('the filter must match the whole value, as Okta\'s "Matches regex" does', () => {
    expect(anchoredFilter('ml|ops')).toBe('^(?:ml|ops)$');
    expect(codes(['ml', 'ops'], 'ml|ops')).toEqual([]);
    expect(codes(['ml-team'], 'ml|ops')).toEqual([['GROUPS_OUTSIDE_FILTER', 'warning']]);
  });

  it(`values over ${MAX_GROUP_FILTER_LENGTH} characters never reach the matcher`, () => {
    const seen: string[][] = [];
    const spy: GroupsMatcher = (_p, v) => (seen.push(v), v.map(() => true));
    const edge = 'x'.repeat(MAX_GROUP_FILTER_LENGTH);
    expect(codes([`${edge}x`, edge], '.*', spy)).toEqual([['GROUPS_FILTER_VALUE_TOO_LONG', 'warning']]);
    expect(seen).toEqual([[edge]]);
    expect(
      codes([`${edge}x`], 'y', () => {
        throw new Error('never called');
      }),
    ).toEqual([['GROUPS_FILTER_VALUE_TOO_LONG', 'warning']]);
  });

  it('a matcher that gives up is GROUPS_FILTER_TIMEOUT; one that throws (invalid regex) adds nothing', () => {
    expect(codes(['a'], '(a+)+$', () => undefined)).toEqual([['GROUPS_FILTER_TIMEOUT', 'warning']]);
    expect(
      codes(['a'], '(', () => {
        throw new SyntaxError('bad');
      }),
    ).toEqual([]);
  });
});

describe('boundedGroupsMatcher (CLI, worker thread)', () => {
  it('matches like the in-thread matcher', () => {
    const m = boundedGroupsMatcher();
    expect(m('^(?:ml-.*)$', ['ml-a', 'ops', ''])).toEqual([true, false, false]);
    expect(m('^(?:.*)$', ['x'])).toEqual([true]);
  });

  it('gives up on catastrophic backtracking instead of blocking (hang guard)', { timeout: 10_000 }, () => {
    expect(boundedGroupsMatcher(500)(anchoredFilter('(a+)+$'), [`${'a'.repeat(40)}!`])).toBeUndefined();
  });

  it('an invalid pattern throws (the CLI refuses it before any response is read)', () => {
    expect(() => boundedGroupsMatcher()('(', ['x'])).toThrow(SyntaxError);
  });
});
