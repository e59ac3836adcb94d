import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findingCodes, runGuarded, tempDir } from '../support/guarded-run.js';
import { HOST, assertion, metadata, response, signAssertion } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * --groups-filter is an admin's regex run against untrusted group values: a catastrophic
 * backtracking filter plus a hostile value must not block check-response. Values over 256
 * characters are never matched; the match runs in a worker under a time limit. Each case runs
 * under the suite's hang guard (10 s), which also fails a run that blocked the event loop.
 */

async function check(resp: string, extra: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'idp.xml'), metadata());
  writeFileSync(join(dir, 'resp.xml'), resp);
  const r = await runGuarded(
    ['check-response', 'resp.xml', '--metadata', 'idp.xml', '--host', HOST, '--org', 'acme', '--json', '--now', NOW, ...extra],
    { cwd: dir },
  );
  return { ...r, codes: findingCodes(r.json?.findings ?? []) };
}

const withGroup = (g: string) => signAssertion(response(assertion().replace('>Everyone<', `>${g}<`)));
const HOSTILE = `${'a'.repeat(34)}!`;

describe('--groups-filter ReDoS', () => {
  it('the known-bugs case: (a+)+$ on a hostile value edited after signing → finishes, exit 1 (the signature)', async () => {
    const r = await check(signAssertion(response(assertion())).replace('>Everyone<', `>${HOSTILE}<`), ['--groups-filter', '(a+)+$']);
    expect(r.code).toBe(1);
    expect(r.codes).toEqual(expect.arrayContaining(['XML_SIGNATURE_INVALID', 'GROUPS_FILTER_TIMEOUT']));
  });

  it('a signed hostile value: GROUPS_FILTER_TIMEOUT (warning), signatureValid true, exit 0; --strict exit 1', async () => {
    const r = await check(withGroup(HOSTILE), ['--groups-filter', '(a+)+$']);
    expect(r.json?.signatureValid).toBe(true);
    expect(
      (r.json?.findings as { code: string; severity: string }[])
        .filter((f) => f.code.startsWith('GROUPS_'))
        .map((f) => [f.code, f.severity]),
    ).toEqual([['GROUPS_FILTER_TIMEOUT', 'warning']]);
    expect(r.code).toBe(0);
    expect((await check(withGroup(HOSTILE), ['--groups-filter', '(a+)+$', '--strict'])).code).toBe(1);
  });

  it('a 257-character value is not matched (GROUPS_FILTER_VALUE_TOO_LONG); 256 characters still are', async () => {
    const long = await check(withGroup('a'.repeat(257)), ['--groups-filter', 'b+']);
    expect(long.codes.filter((c) => c.startsWith('GROUPS_'))).toEqual(['GROUPS_FILTER_VALUE_TOO_LONG']);
    const edge = await check(withGroup('a'.repeat(256)), ['--groups-filter', 'b+']);
    expect(edge.codes.filter((c) => c.startsWith('GROUPS_'))).toEqual(['GROUPS_OUTSIDE_FILTER']);
  });

  it('a sane filter still reports groups outside it, and none when they match', async () => {
    expect((await check(withGroup('ml-team'), ['--groups-filter', 'ml-.*'])).codes.filter((c) => c.startsWith('GROUPS_'))).toEqual([]);
    expect((await check(withGroup('Everyone'), ['--groups-filter', 'ml-.*'])).codes.filter((c) => c.startsWith('GROUPS_'))).toEqual([
      'GROUPS_OUTSIDE_FILTER',
    ]);
  });
});
