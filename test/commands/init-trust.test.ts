import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { guardPrompter } from '../../src/cli/prompter.js';
import { run } from '../../src/commands/init/run.js';
import { isOperationalError } from '../../src/core/errors.js';
import { fakeIo } from '../support/run-cli.js';
import { fakePrompter, type Answer } from '../support/fake-prompter.js';
import { INIT_FLAGS } from '../../src/commands/init/flags.js';
import { flagDefaults } from '../support/flag-defaults.js';

/**
 * init on a configured file shows patch's change summary: "rotation" only when the entityID and
 * the IdP host stay; another IdP is a replacement, confirmed with default No.
 */
const ROOT = resolve('.');
const PREVIEW = join(ROOT, 'fixtures/metadata/valid/okta-preview.xml');
const ROTATION = join(ROOT, 'fixtures/metadata/valid/okta-rotation.xml');
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'init-trust-'));
  copyFileSync(join(ROOT, 'test/golden/init/values.acme.yaml'), join(dir, 'values.yaml'));
});

async function wizard(answers: Answer[], extra: { allowIdpChange?: boolean } = {}) {
  const io = fakeIo({ cwd: dir, tty: true, env: { NO_COLOR: '1' } });
  const fake = fakePrompter(answers);
  let code: number;
  try {
    code = await run(
      io,
      { ...flagDefaults(INIT_FLAGS), now: '2026-06-01T00:00:00Z', ...extra },
      { prompter: guardPrompter(fake.prompter) },
    );
  } catch (e) {
    if (!isOperationalError(e)) throw e;
    code = e.exitCode;
  }
  return { code, out: io.out(), asked: fake.asked };
}

describe('init re-run: the trust change summary', () => {
  it('another IdP host: "replacement", the write question defaults to No, declining writes nothing', async () => {
    const before = readFileSync(join(dir, 'values.yaml'), 'utf8');
    const r = await wizard(['values.yaml', '', 'acme', true, false, 'file', PREVIEW, true, false]);
    expect(r.code).toBe(130);
    expect(r.out).toContain('Trust change: replacement');
    expect(r.out).toContain('acme.okta.com → dev-000000.oktapreview.com');
    expect(r.out).not.toContain('(rotation)');
    const last = r.asked[r.asked.length - 1];
    expect([last?.kind, last?.default]).toEqual(['confirm', false]);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(before);
  });

  it('a terminal run still asks with --allow-idp-change (the flag is for scripts): default No, declining writes nothing', async () => {
    const before = readFileSync(join(dir, 'values.yaml'), 'utf8');
    const r = await wizard(['values.yaml', '', 'acme', true, false, 'file', PREVIEW, true, false], { allowIdpChange: true });
    expect(r.code).toBe(130);
    const last = r.asked[r.asked.length - 1];
    expect([last?.kind, last?.default]).toEqual(['confirm', false]);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(before);
  });

  it('same app, new certificate: "rotation", the write question defaults to Yes', async () => {
    const r = await wizard(['values.yaml', '', 'acme', true, false, 'file', ROTATION, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Trust change: rotation');
    expect(r.out).toContain('the signing certificate changes (rotation)');
    const last = r.asked[r.asked.length - 1];
    expect([last?.kind, last?.default]).toEqual(['confirm', true]);
  });
});
