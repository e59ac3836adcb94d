import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runGuarded } from '../support/guarded-run.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * --fingerprint is read by one function (src/core/cert/fingerprint.ts) in every command that takes
 * it: an invalid pin is a usage error (exit 2, FINGERPRINT_INVALID) before anything is read or
 * written, never a silent non-match; every accepted form pins the same certificate.
 */
const ROOT = resolve('.');
const ACME = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');
const LINT_CLEAN = join(ROOT, 'fixtures/configs-lint/clean.yaml');
// `openssl x509 -noout -fingerprint -sha256 / -sha1` of the okta-like fixture cert (okta-acme.xml, clean.yaml).
const SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';
const SHA1 = '47:DE:87:B8:CE:10:89:B3:63:E7:E9:E3:0B:FA:E8:60:FE:4B:E1:03';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pin-'));
  copyFileSync(join(ROOT, 'fixtures/demo/values.yaml'), join(dir, 'values.yaml'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS: [string, (pin: string) => string[]][] = [
  ['validate-metadata', (pin) => ['validate-metadata', ACME, '--fingerprint', pin, '--json', ...NOW]],
  ['lint', (pin) => ['lint', LINT_CLEAN, '--fingerprint', pin, '--json', ...NOW]],
  ['patch', (pin) => ['patch', 'values.yaml', '--metadata', ACME, '--fingerprint', pin, '--json', ...NOW]],
  [
    'init (scripted)',
    (pin) => [
      'init',
      '--config',
      'values.yaml',
      '--org',
      'acme',
      '--metadata',
      ACME,
      '--terraform-out',
      'okta.tf',
      '--fingerprint',
      pin,
      '--yes',
      ...NOW,
    ],
  ],
];

const INVALID = [
  ['not hex', 'not-a-fingerprint'],
  ['too short', 'AB:CD'],
  ['between lengths', SHA256.slice(0, 50)],
  ['base64', 'c9zQnGVSVa8G9jnD1CIAb3XTj6mgv4MOi+iHQEauBFM='],
  ['label contradicts length', `sha1:${SHA256}`],
  ['empty', ''],
];

describe.each(COMMANDS)('%s --fingerprint', (_name, args) => {
  it.each(INVALID)('invalid (%s) → exit 2, FINGERPRINT_INVALID, nothing on stdout, nothing written', async (_k, pin) => {
    const before = readFileSync(join(dir, 'values.yaml'), 'utf8');
    const r = await runGuarded(args(pin), { cwd: dir });
    expect([r.code, r.errorCode, r.stdout]).toEqual([2, 'FINGERPRINT_INVALID', '']);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(before);
  });

  it.each([
    ['Okta form', SHA256],
    ['openssl output', `sha256 Fingerprint=${SHA256}`],
    ['lower case, no colons', SHA256.replace(/:/g, '').toLowerCase()],
    ['SHA-1', SHA1],
  ])('valid (%s) → pins the certificate, exit 0', async (_k, pin) => {
    const r = await runGuarded(args(pin), { cwd: dir });
    expect([r.code, r.errorCode]).toEqual([0, undefined]);
  });

  it('a valid pin of another certificate → exit 1 (MD_FINGERPRINT_MISMATCH), not a usage error', async () => {
    const r = await runGuarded(args('AA'.repeat(32)), { cwd: dir });
    expect([r.code, r.errorCode]).toEqual([1, undefined]);
    expect(r.stdout).toContain('MD_FINGERPRINT_MISMATCH');
  });
});

it('init in a terminal refuses an invalid pin before any prompt', async () => {
  const r = await runGuarded(['init', '--fingerprint', 'AB:CD', ...NOW], { cwd: dir, tty: true });
  expect([r.code, r.errorCode, r.stdout]).toEqual([2, 'FINGERPRINT_INVALID', '']);
});
