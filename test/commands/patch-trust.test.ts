import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run as runPatch } from '../../src/commands/patch/run.js';
import { CORPUS_NOW, HAS_CORPUS, corpusPath } from '../support/corpus.js';
import { certBase64 } from '../support/fixture-certs.js';
import { fakeIo, runCli } from '../support/run-cli.js';
import { PATCH_FLAGS } from '../../src/commands/patch/flags.js';
import { flagDefaults } from '../support/flag-defaults.js';

/**
 * A run without a terminal (or with --yes) never changes the trusted IdP or its signing
 * certificates on its own: exit 1, the change summary, the config untouched; a rotation is
 * written when --fingerprint covers the new certificates, a replacement only with
 * --allow-idp-change.
 */
const NOW = ['--now', CORPUS_NOW];
const ROTATED_SHA256 = '55:3A:1A:7F:27:71:0B:53:D8:B9:73:10:3C:4E:B9:D7:1F:DB:1D:CE:71:01:1C:1C:36:53:39:FE:32:E0:2B:53';
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'patch-trust-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (...p: string[]) => readFileSync(corpusPath(...p), 'utf8');
const file = (name: string) => readFileSync(join(dir, name), 'utf8');

/** values.yaml holding `xml` as its okta metadata, written by patch itself. */
async function configWith(xml: string): Promise<string> {
  writeFileSync(join(dir, 'first.xml'), xml);
  writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
  const r = await runCli(['patch', 'values.yaml', '--metadata', 'first.xml', ...NOW], { cwd: dir });
  expect(r.code).toBe(0);
  return file('values.yaml');
}

describe.skipIf(!HAS_CORPUS)('patch: trust changes', () => {
  const yellow = () => read('okta-metadata', 'yellowrook1-bugcrowd-pam-681.xml');
  const rotated = () => yellow().replace(/(<ds:X509Certificate>)[^<]+(<\/ds:X509Certificate>)/, `$1${certBase64('okta-rotation')}$2`);

  it('another Okta app, no terminal: exit 1, summary "replacement", file unchanged; a pin alone is not enough', async () => {
    const before = await configWith(yellow());
    writeFileSync(join(dir, 'new.xml'), read('okta-metadata', 'ssoready-trial1022863-indented-cert.xml'));
    const r = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', ...NOW], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trust change: replacement');
    expect(r.stdout).toContain('http://www.okta.com/exkjl16j5b8X4N6fS1d7 →');
    expect(r.stderr).toContain('--allow-idp-change');
    expect(file('values.yaml')).toBe(before);

    const json = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', '--json', ...NOW], { cwd: dir });
    const doc = JSON.parse(json.stdout);
    expect([json.code, doc.outcome, doc.written, doc.change.kind, doc.change.entityId.before]).toEqual([
      1,
      'trust-change-refused',
      false,
      'replacement',
      'http://www.okta.com/exkjl16j5b8X4N6fS1d7',
    ]);
    const pin = doc.metadata.signingCertSha256[0];
    const pinned = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', '--fingerprint', pin, ...NOW], { cwd: dir });
    expect(pinned.code).toBe(1);
    expect(file('values.yaml')).toBe(before);

    const allowed = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', '--allow-idp-change', ...NOW], { cwd: dir });
    expect(allowed.code).toBe(0);
    expect(file('values.yaml')).toContain('entityID="http://www.okta.com/');
    expect(file('values.yaml')).not.toContain('exkjl16j5b8X4N6fS1d7');
  });

  it('a rotation: refused without a pin, refused with the old pin, written with the new one', async () => {
    const before = await configWith(yellow());
    writeFileSync(join(dir, 'new.xml'), rotated());
    const none = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', ...NOW], { cwd: dir });
    expect([none.code, file('values.yaml') === before]).toEqual([1, true]);
    expect(none.stdout).toContain('Trust change: rotation');
    expect(none.stdout).toContain(`+ added   SHA-256 ${ROTATED_SHA256}`);
    expect(none.stderr).toContain('--fingerprint');

    const yes = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', '--yes', ...NOW], { cwd: dir, tty: true });
    expect([yes.code, file('values.yaml') === before]).toEqual([1, true]);

    const good = await runCli(['patch', 'values.yaml', '--metadata', 'new.xml', '--fingerprint', ROTATED_SHA256, '--json', ...NOW], {
      cwd: dir,
    });
    const doc = JSON.parse(good.stdout);
    expect([good.code, doc.outcome, doc.change.kind, doc.change.certs.added[0].sha256]).toEqual([0, 'written', 'rotation', ROTATED_SHA256]);
    expect(file('values.yaml')).toContain(certBase64('okta-rotation').slice(0, 60));
  });

  it("the forged copy with an attacker's certificate is refused without a pin; --diff and --check still report", async () => {
    const before = await configWith(yellow());
    writeFileSync(join(dir, 'forged.xml'), read('attacks', 'badcert-forged-okta-metadata-attacker-cert.xml'));
    const r = await runCli(['patch', 'values.yaml', '--metadata', 'forged.xml', ...NOW], { cwd: dir });
    expect([r.code, file('values.yaml') === before]).toEqual([1, true]);
    expect(r.stdout).toContain('Trust change: rotation');
    const diff = await runCli(['patch', 'values.yaml', '--metadata', 'forged.xml', '--diff', ...NOW], { cwd: dir });
    expect(diff.code).toBe(0);
    expect(diff.stdout.startsWith('--- a/values.yaml')).toBe(true);
    expect(diff.stderr).toContain('Trust change: rotation');
    const check = await runCli(['patch', 'values.yaml', '--metadata', 'forged.xml', '--check', ...NOW], { cwd: dir });
    expect([check.code, check.stdout.includes('Trust change: rotation')]).toEqual([1, true]);
    expect(file('values.yaml')).toBe(before);
  });

  it('the same metadata again needs no pin (nothing the SP trusts changes)', async () => {
    await configWith(yellow());
    writeFileSync(join(dir, 'again.xml'), `${yellow()}\n\n`);
    const r = await runCli(['patch', 'values.yaml', '--metadata', 'again.xml', ...NOW], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it('on a terminal it asks: a declined replacement is cancelled (130), an accepted rotation written', async () => {
    const before = await configWith(yellow());
    writeFileSync(join(dir, 'other.xml'), read('okta-metadata', 'ssoready-trial1022863-indented-cert.xml'));
    writeFileSync(join(dir, 'rotated.xml'), rotated());
    const asked: [string, boolean][] = [];
    const io = fakeIo({ cwd: dir, tty: true });
    const confirm = async (message: string, dflt: boolean) => (asked.push([message, dflt]), false);
    await expect(
      runPatch(io, 'values.yaml', { ...flagDefaults(PATCH_FLAGS), metadata: 'other.xml', now: CORPUS_NOW }, { confirm }),
    ).rejects.toMatchObject({
      exitCode: 130,
    });
    expect(file('values.yaml')).toBe(before);
    const yes = async (message: string, dflt: boolean) => (asked.push([message, dflt]), true);
    expect(
      await runPatch(
        fakeIo({ cwd: dir, tty: true }),
        'values.yaml',
        { ...flagDefaults(PATCH_FLAGS), metadata: 'rotated.xml', now: CORPUS_NOW },
        { confirm: yes },
      ),
    ).toBe(0);
    expect(asked.map(([, d]) => d)).toEqual([false, true]);
    expect(file('values.yaml')).not.toBe(before);
  });
});

describe('patch: a rotation with both certificates listed (fixtures)', () => {
  const ACME = join(process.cwd(), 'fixtures/metadata/valid/okta-acme.xml');
  const ROTATION = join(process.cwd(), 'fixtures/metadata/valid/okta-rotation.xml');
  const OLD = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';

  it('kept + added; refused without pins, refused with the new pin only (every certificate must match), written with both', async () => {
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    expect((await runCli(['patch', 'values.yaml', '--metadata', ACME, ...NOW], { cwd: dir })).code).toBe(0);
    const before = file('values.yaml');
    const none = await runCli(['patch', 'values.yaml', '--metadata', ROTATION, '--json', ...NOW], { cwd: dir });
    const doc = JSON.parse(none.stdout);
    expect([none.code, doc.outcome, doc.change.kind]).toEqual([1, 'trust-change-refused', 'rotation']);
    expect([
      doc.change.certs.added.map((c: { sha256: string }) => c.sha256),
      doc.change.certs.kept.map((c: { sha256: string }) => c.sha256),
    ]).toEqual([[ROTATED_SHA256], [OLD]]);
    const newOnly = await runCli(['patch', 'values.yaml', '--metadata', ROTATION, '--fingerprint', ROTATED_SHA256, ...NOW], { cwd: dir });
    expect(newOnly.code).toBe(1);
    expect(file('values.yaml')).toBe(before);
    const both = await runCli(
      ['patch', 'values.yaml', '--metadata', ROTATION, '--fingerprint', ROTATED_SHA256, '--fingerprint', OLD, ...NOW],
      { cwd: dir },
    );
    expect(both.code).toBe(0);
    expect(file('values.yaml')).not.toBe(before);
  });
});
