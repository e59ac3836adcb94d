/**
 * check-response from the command line: --request-id, --redact of every attribute (a `Name`
 * attribute included) in text and JSON, times that need a zone and verdicts that do not move with
 * the machine's TZ (a child process per zone, as a user runs it), hints that fit a response.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { ISSUED, SP, makeResponse, metadataXml, type ResponseSpec } from '../support/make-response.js';

const dir = mkdtempSync(join(tmpdir(), 'check-response-semantics-'));
let n = 0;
const write = (text: string) => {
  const p = join(dir, `r${n++}.xml`);
  writeFileSync(p, text);
  return p;
};
const META = write(metadataXml());
const BASE = ['--metadata', META, '--host', SP.host, '--org', SP.org, '--now', ISSUED];
const run = async (spec: ResponseSpec, extra: string[] = []) => {
  const r = await runCli(['check-response', write(makeResponse(spec)), ...BASE, ...extra]);
  const json = r.stdout.trim().startsWith('{') ? JSON.parse(r.stdout) : undefined;
  const errors: string[] = json
    ? json.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { code: string }) => f.code)
    : [];
  return { ...r, json, errors };
};

describe('check-response --request-id', () => {
  it('the AuthnRequest ID it answers: exit 0; another: exit 1 with IN_RESPONSE_TO_MISMATCH', async () => {
    expect((await run({}, ['--request-id', 'id-req-42', '--json'])).code).toBe(0);
    const other = await run({}, ['--request-id', 'id-req-1', '--json']);
    expect([other.code, other.errors]).toEqual([1, ['IN_RESPONSE_TO_MISMATCH']]);
  });
});

describe('check-response --redact', () => {
  const attributes = {
    email: ['jane.doe@acme.com'],
    firstName: ['Jane'],
    lastName: ['Doe'],
    groups: ['ml-team'],
    Name: ['Jane Doe'],
    Phone: ['555-0100'],
  };
  it('masks every attribute and the NameID, in text and JSON', async () => {
    const json = await run({ attributes }, ['--redact', '--json']);
    expect(json.json.attributes).toEqual({
      email: ['j***@acme.com'],
      firstName: ['J***'],
      lastName: ['D***'],
      groups: ['m***'],
      Name: ['J***'],
      Phone: ['5***'],
    });
    expect(json.json.nameId).toBe('j***@acme.com');
    const text = await run({ attributes }, ['--redact']);
    expect(text.stdout).toContain('Name = J***');
    for (const out of [json.stdout, text.stdout])
      for (const secret of ['jane.doe', 'Jane Doe', '555-0100', 'ml-team']) expect(out).not.toContain(secret);
  });
});

describe('check-response: hints fit the input', () => {
  it('a broken response file never points at "View IdP metadata"', async () => {
    for (const bytes of [Buffer.from([0xff, 0xfe, 0x3c]), Buffer.from(makeResponse().slice(0, 400)), Buffer.from('<a>\0</a>')]) {
      const p = join(dir, `bad${n++}.xml`);
      writeFileSync(p, bytes);
      const r = await runCli(['check-response', p, ...BASE]);
      expect(r.code).not.toBe(0);
      expect(`${r.stdout}${r.stderr}`).not.toContain('View IdP metadata');
    }
  });
});

describe('check-response: no verdict depends on the machine time zone (child processes)', () => {
  const bin = join(process.cwd(), 'bin', 'polyaxon-sso.js');
  const built = existsSync(join(process.cwd(), 'dist', 'cli.cjs'));
  const cases: [string, ResponseSpec][] = [
    ['expired, written in +14:00', { notOnOrAfter: '2026-06-01T13:57:00+14:00' }],
    ['zoneless', { notOnOrAfter: '2026-06-01T00:05:00' }],
  ];
  it.skipIf(!built)(
    'TZ=Pacific/Kiritimati and TZ=Etc/GMT+12 give the exit codes and findings of UTC',
    () => {
      const files = cases.map(([, spec]) => write(makeResponse(spec)));
      const verdicts = (tz: string) =>
        files.map((f) => {
          const r = spawnSync(process.execPath, [bin, 'check-response', f, ...BASE, '--json'], {
            env: { ...process.env, TZ: tz },
            encoding: 'utf8',
            timeout: 20_000,
          });
          const doc = JSON.parse(r.stdout) as { findings: { code: string; severity: string }[] };
          return [r.status, doc.findings.filter((x) => x.severity === 'error').map((x) => x.code)];
        });
      const utc = verdicts('UTC');
      expect(utc).toEqual([
        [1, ['ASSERTION_EXPIRED']],
        [1, ['TIME_INVALID']],
      ]);
      expect(verdicts('Pacific/Kiritimati')).toEqual(utc);
      expect(verdicts('Etc/GMT+12')).toEqual(utc);
    },
    90_000,
  ); // a hang guard for six child processes on a loaded machine
});
