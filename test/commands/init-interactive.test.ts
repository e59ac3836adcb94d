import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { guardPrompter } from '../../src/cli/prompter.js';
import { run, type InitDeps } from '../../src/commands/init/run.js';
import { isOperationalError } from '../../src/core/errors.js';
import { fakeIo } from '../support/run-cli.js';
import { CANCEL, fakePrompter, type Answer } from '../support/fake-prompter.js';
import { TEST_NOW as NOW } from '../support/clock.js';
import { INIT_FLAGS } from '../../src/commands/init/flags.js';
import { flagDefaults } from '../support/flag-defaults.js';

/**
 * The prompt loop with injected prompt functions ("Tests"): each branch, each cancel.
 * guardPrompter is the same Ctrl-C mapping the inquirer prompts go through.
 */
const ROOT = resolve('.');
const DEMO = join(ROOT, 'fixtures/demo/values.yaml');
const ACME = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');
const EC = join(ROOT, 'fixtures/metadata/valid/okta-ec-cert.xml');
const EXPIRED = join(ROOT, 'fixtures/metadata/invalid/expired-cert.xml');
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden', name), 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'init-i-'));
  copyFileSync(DEMO, join(dir, 'values.yaml'));
});
const read = (f: string) => readFileSync(join(dir, f), 'utf8');

async function wizard(answers: Answer[], opts: Record<string, unknown> = {}, deps: InitDeps = {}) {
  const io = fakeIo({ cwd: dir, tty: true, env: { NO_COLOR: '1' } });
  const fake = fakePrompter(answers);
  let code: number;
  let error = '';
  try {
    code = await run(io, { ...flagDefaults(INIT_FLAGS), now: NOW, ...opts }, { prompter: guardPrompter(fake.prompter), ...deps });
  } catch (e) {
    if (!isOperationalError(e)) throw e;
    code = e.exitCode;
    error = e.message;
  }
  return { code, error, out: io.out(), err: io.err(), asked: fake.asked, rejected: fake.rejected, left: fake.left() };
}

// config, host (Enter: the config's), org, Terraform?, metadata source, path, fingerprint ok?, write?
const HAPPY: Answer[] = ['values.yaml', '', 'acme', false, 'file', ACME, true, true];

describe('init, interactive (injected prompts)', () => {
  it('the happy path: the config is patched like the golden file', async () => {
    const r = await wizard(HAPPY);
    expect(r.code).toBe(0);
    expect(r.left).toBe(0);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    expect(r.asked.map((a) => a.kind)).toEqual(['input', 'input', 'input', 'confirm', 'select', 'input', 'confirm', 'confirm']);
    // The host found in the config is offered as the default.
    expect(r.asked[1]?.default).toBe('polyaxon.acme.com');
    expect(r.out).toContain('Single sign-on URL                https://polyaxon.acme.com/sso/okta/acs/acme');
    expect(r.out).toContain('SHA-256  73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53');
    expect(r.out).toContain('+    okta:');
    expect(r.out).toContain('polyaxon admin deploy -f values.yaml --check');
  });

  it('a bad host, then a good one: the reason is shown and the prompt asked again', async () => {
    // new.yaml does not exist: "Create a new minimal config at new.yaml? (y/N)" is answered yes
    const r = await wizard(['new.yaml', true, 'evil.com/admin', 'polyaxon.acme.com', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.rejected).toHaveLength(1);
    expect(r.rejected[0]).toContain('contains a path');
    expect(read('new.yaml')).toBe(golden('init/new-config.yaml'));
  });

  it("a host other than the config's is accepted with a warning", async () => {
    const r = await wizard(['values.yaml', 'ml.acme.com', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[INIT_HOST_DIFFERS]');
    expect(r.out).toContain('https://ml.acme.com/sso/okta/acs/acme');
    const same = await wizard(['values.yaml', '', 'acme', false, 'file', ACME, true]);
    expect(same.out).not.toContain('[INIT_HOST_DIFFERS]');
  });

  it('a bad org, then a good one', async () => {
    const r = await wizard(['values.yaml', '', '../x', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.rejected).toHaveLength(1);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('bad metadata, then a missing file, then good metadata: errors explained, the same question asked again', async () => {
    const r = await wizard(['values.yaml', '', 'acme', false, 'file', EXPIRED, 'nope.xml', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[CERT_EXPIRED]');
    expect(r.out).toContain('metadata file not found: nope.xml');
    // the file question is asked three times; the menu above it once
    expect(r.asked.filter((a) => a.kind === 'select')).toHaveLength(1);
    expect(r.asked.filter((a) => a.message.startsWith('Metadata file'))).toHaveLength(3);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('pasted XML (terminal paste or editor) is checked the same way', async () => {
    const xml = readFileSync(ACME, 'utf8');
    const pasted = await wizard(['values.yaml', '', 'acme', false, 'paste', xml, true, true]);
    expect(pasted.code).toBe(0);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    copyFileSync(DEMO, join(dir, 'values.yaml'));
    const edited = await wizard(['values.yaml', '', 'acme', false, 'editor', `${xml}\n\n`, true, true]);
    expect(edited.code).toBe(0);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('"the fingerprint does not match" goes back to the metadata question', async () => {
    const r = await wizard(['values.yaml', '', 'acme', false, 'file', ACME, false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.asked.filter((a) => a.kind === 'select')).toHaveLength(2);
  });

  it('declining the write: exit 130, "cancelled, nothing written", file byte-identical', async () => {
    const r = await wizard(['values.yaml', '', 'acme', false, 'file', ACME, true, false]);
    expect(r.code).toBe(130);
    expect(r.error).toBe('cancelled, nothing written');
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it.each(HAPPY.map((_a, i) => [i]))('Ctrl-C at prompt %i: exit 130, nothing written', async (i) => {
    const before = statSync(join(dir, 'values.yaml')).mtimeMs;
    const r = await wizard([...HAPPY.slice(0, i), CANCEL]);
    expect(r.code).toBe(130);
    expect(r.error).toBe('cancelled, nothing written');
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
    expect(statSync(join(dir, 'values.yaml')).mtimeMs).toBe(before);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('Terraform asked for: written at once; a later cancel says so', async () => {
    const r = await wizard(['values.yaml', '', 'acme', true, 'okta.tf', CANCEL]);
    expect(r.code).toBe(130);
    expect(r.error).toBe('cancelled, nothing written to values.yaml (okta.tf was written earlier)');
    expect(read('okta.tf')).toBe(golden('urls/acme.tf'));
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('flags answer their prompts: only the remaining questions are asked', async () => {
    // The host is still offered (from the config) since --host was not given.
    const r = await wizard(['', false, true, true], { config: 'values.yaml', org: 'acme', metadata: ACME });
    expect(r.code).toBe(0);
    expect(r.asked.map((a) => a.kind)).toEqual(['input', 'confirm', 'confirm', 'confirm']);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('the config changed while the wizard waited: the write is refused, the other edit kept; declining to plan again: exit 130', async () => {
    const r = await wizard(
      [...HAPPY, false],
      {},
      {
        services: (base) => ({
          ...base,
          planPatch: (config, xml) => {
            const plan = base.planPatch(config, xml);
            appendFileSync(join(dir, 'values.yaml'), '# edited meanwhile\n');
            return plan;
          },
        }),
      },
    );
    expect(r.code).toBe(130);
    expect(r.out).toContain('values.yaml changed since it was read; nothing written');
    expect(read('values.yaml')).toBe(`${readFileSync(DEMO, 'utf8')}# edited meanwhile\n`);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('the config changed while the wizard waited: planned again on the new content with the answers kept, then written', async () => {
    let edits = 0;
    const r = await wizard(
      [...HAPPY, true, true],
      {},
      {
        services: (base) => ({
          ...base,
          planPatch: (config, xml) => {
            const plan = base.planPatch(config, xml);
            if (edits++ === 0) appendFileSync(join(dir, 'values.yaml'), '# edited meanwhile\n');
            return plan;
          },
        }),
      },
    );
    expect(r.code).toBe(0);
    expect(r.left).toBe(0);
    expect(r.asked.at(-2)?.message).toBe('Read values.yaml again and show the changes for its new content? (your answers are kept)');
    // host, org and metadata were not asked again: one select, three inputs in all
    expect(r.asked.filter((a) => a.kind === 'select')).toHaveLength(1);
    expect(read('values.yaml')).toBe(`${golden('init/values.acme.yaml')}# edited meanwhile\n`);
  });

  it('--json: prompts and text on stderr, one JSON document on stdout', async () => {
    const r = await wizard(HAPPY, { json: true });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ schemaVersion: 1, config: 'values.yaml', written: ['values.yaml'], changed: true });
    expect(r.err).toContain('Next steps');
  });
});

describe('init, interactive re-run on a configured file', () => {
  beforeEach(() => copyFileSync(join(ROOT, 'test/golden/init/values.acme.yaml'), join(dir, 'values.yaml')));

  it('shows what is set, offers rotation, shows old and new fingerprints, writes the new metadata', async () => {
    const r = await wizard(['values.yaml', '', 'acme', true, false, 'file', EC, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('already has Okta SSO set up');
    expect(r.asked[3]?.message).toContain('certificate rotation');
    expect(r.out).toMatch(/current +73:DC:D0:9C/);
    expect(r.out).toMatch(/new +58:31:74:3D/);
    expect(r.out).not.toContain('Create App Integration');
    const xml = readFileSync(EC, 'utf8');
    expect(read('values.yaml')).toContain(xml.split('\n')[2]?.trim());
  });

  it('the same metadata again: "already up to date", nothing written, exit 0', async () => {
    const before = statSync(join(dir, 'values.yaml')).mtimeMs;
    const r = await wizard(['values.yaml', '', 'acme', true, false, 'file', ACME, true]);
    expect(r.code).toBe(0);
    expect(r.left).toBe(0);
    expect(r.out).toContain('already up to date');
    expect(r.out).toContain('same signing certificate');
    expect(statSync(join(dir, 'values.yaml')).mtimeMs).toBe(before);
  });

  it('declining the rotation: exit 130, file untouched', async () => {
    const r = await wizard(['values.yaml', '', 'acme', false]);
    expect(r.code).toBe(130);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });
});
