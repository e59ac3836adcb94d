import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/** init without a terminal (or with --yes): every answer from flags, never a prompt. */
const ROOT = resolve('.');
const DEMO = join(ROOT, 'fixtures/demo/values.yaml');
const ACME = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');
const EC = join(ROOT, 'fixtures/metadata/valid/okta-ec-cert.xml');
const EXPIRED = join(ROOT, 'fixtures/metadata/invalid/expired-cert.xml');
const PREVIEW = join(ROOT, 'fixtures/metadata/valid/okta-preview.xml');
const ACME_SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';
const PREVIEW_SHA256 = ACME_SHA256; // okta-preview.xml: the same test certificate, another IdP host
const EC_SHA256 = '58:31:74:3D:91:CB:A4:BD:11:26:30:E4:A9:E2:29:85:9D:EA:66:07:8A:7A:B3:8F:EF:08:A8:AF:CE:49:CF:40';
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden', name), 'utf8');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'init-'));
  copyFileSync(DEMO, join(dir, 'values.yaml'));
});
const read = (f: string) => readFileSync(join(dir, f), 'utf8');
const init = (args: string[], tty = false, fetch?: typeof globalThis.fetch) =>
  runCli(['init', ...args], { cwd: dir, tty, ...(fetch ? { fetch } : {}) });

describe('init, scripted', () => {
  it('flags only, no TTY: the config is patched byte for byte like the golden file', async () => {
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW]);
    expect(r.code).toBe(0);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    expect(r.stdout).toContain('https://polyaxon.acme.com/sso/okta/acs/acme');
    expect(r.stdout).toContain('73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53');
    expect(r.stdout).toContain('polyaxon admin deploy -f values.yaml --check');
    expect(r.stdout).toContain('polyaxon admin upgrade -f values.yaml');
    expect(r.stdout).toContain('polyaxon-sso lint values.yaml --host polyaxon.acme.com --org acme');
    expect(readdirSync(dir).sort()).toEqual(['values.yaml']);
  });

  it('--json: one document with the fixed shape', async () => {
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, '--json', ...NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      schemaVersion: 1,
      exitCode: 0,
      config: 'values.yaml',
      written: ['values.yaml'],
      urls: { acsUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme', spEntityId: 'https://polyaxon.acme.com/sso/okta/metadata/acme' },
      certificate: {
        subject: 'C=US, ST=California, L=San Francisco, O=Okta, OU=SSOProvider, CN=dev-000000, emailAddress=info@okta.com',
        notAfter: '2035-01-01T00:00:00.000Z',
        sha256: '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53',
      },
      changed: true,
    });
    expect(r.stderr).toContain('Next steps');
  });

  it('a second run is "already up to date": nothing written, mtime kept, changed false', async () => {
    const args = ['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW];
    expect((await init(args)).code).toBe(0);
    const before = statSync(join(dir, 'values.yaml')).mtimeMs;
    const r = await init([...args, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ written: [], changed: false });
    expect(r.stderr).toContain('already up to date');
    expect(statSync(join(dir, 'values.yaml')).mtimeMs).toBe(before);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('a rotation by flags replaces the metadata when --fingerprint pins the new certificate', async () => {
    expect((await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW])).code).toBe(0);
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', EC, '--fingerprint', EC_SHA256, '--json', ...NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      changed: true,
      certificate: { sha256: '58:31:74:3D:91:CB:A4:BD:11:26:30:E4:A9:E2:29:85:9D:EA:66:07:8A:7A:B3:8F:EF:08:A8:AF:CE:49:CF:40' },
    });
    expect(read('values.yaml')).toContain(readFileSync(EC, 'utf8').trim().split('\n')[1]?.trim());
    expect(r.stderr).toMatch(/current +73:DC:D0/);
    expect(r.stderr).toMatch(/new +58:31:74/);
  });

  it('a rotation without a pin is refused: exit 1, the change summary, nothing written', async () => {
    expect((await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW])).code).toBe(0);
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', EC, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trust change: rotation');
    expect(r.stderr).toBe(
      'polyaxon-sso: init: the signing certificates change and no --fingerprint pins the new ones; nothing written\n' +
        '  hint: Compare with Okta (app → Sign On → SAML Signing Certificates) and pass --fingerprint <SHA-256> for each new certificate.\n',
    );
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('a refused rotation with --json: one document, exitCode 1, outcome and change, --terraform-out not written', async () => {
    expect((await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW])).code).toBe(0);
    const r = await init([
      '--config',
      'values.yaml',
      '--org',
      'acme',
      '--metadata',
      EC,
      '--terraform-out',
      'okta.tf',
      '--yes',
      '--json',
      ...NOW,
    ]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      exitCode: 1,
      config: 'values.yaml',
      written: [],
      changed: false,
      outcome: 'trust-change-refused',
    });
    expect(doc.change.kind).toBe('rotation');
    expect(doc.change.certs.added.map((c: { sha256: string }) => c.sha256)).toEqual([EC_SHA256]);
    expect(r.stderr).toContain('Trust change: rotation');
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    expect(existsSync(join(dir, 'okta.tf'))).toBe(false);
  });

  it('a rotation with --allow-idp-change and no pin is written', async () => {
    expect((await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW])).code).toBe(0);
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', EC, '--allow-idp-change', ...NOW]);
    expect(r.code).toBe(0);
    expect(read('values.yaml')).toContain(readFileSync(EC, 'utf8').trim().split('\n')[1]?.trim());
  });

  it('another IdP (replacement) needs --allow-idp-change even when pinned', async () => {
    expect((await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, ...NOW])).code).toBe(0);
    const pinned = await init([
      '--config',
      'values.yaml',
      '--org',
      'acme',
      '--metadata',
      PREVIEW,
      '--fingerprint',
      PREVIEW_SHA256,
      '--yes',
      ...NOW,
    ]);
    expect(pinned.code).toBe(1);
    expect(pinned.stdout).toContain('Trust change: replacement');
    expect(pinned.stderr).toContain(
      'polyaxon-sso: init: the new metadata is from another IdP (entityID or IdP host changes); nothing written',
    );
    expect(pinned.stderr).toContain('--allow-idp-change');
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
    const allowed = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', PREVIEW, '--allow-idp-change', '--json', ...NOW]);
    expect(allowed.code).toBe(0);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ exitCode: 0, changed: true, written: ['values.yaml'] });
  });

  it('unreadable stored metadata counts as a replacement: refused without --allow-idp-change', async () => {
    writeFileSync(
      join(dir, 'values.yaml'),
      golden('init/values.acme.yaml').replace(/<md:EntityDescriptor[\s\S]*<\/md:EntityDescriptor>/, '<not-metadata/>'),
    );
    const before = read('values.yaml');
    expect(before).toContain('<not-metadata/>');
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, '--fingerprint', ACME_SHA256, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Trust change: replacement');
    expect(read('values.yaml')).toBe(before);
  });

  it('--metadata as an https URL goes through readSource (fetched once, validated the same)', async () => {
    const urls: string[] = [];
    const fetch = (async (u: URL | string) => {
      urls.push(String(u));
      return new Response(readFileSync(ACME), { status: 200, headers: { 'content-type': 'application/xml' } });
    }) as typeof globalThis.fetch;
    const url = 'https://acme.okta.com/app/exk1fcia6d6EMsf2S5d7/sso/saml/metadata';
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', url, ...NOW], false, fetch);
    expect(r.code).toBe(0);
    expect(urls).toEqual([url]);
    expect(read('values.yaml')).toBe(golden('init/values.acme.yaml'));
  });

  it('a plain-http metadata URL is refused: exit 2, nothing fetched or written', async () => {
    const r = await init([
      '--config',
      'values.yaml',
      '--org',
      'acme',
      '--metadata',
      'http://acme.okta.com/app/x/sso/saml/metadata',
      ...NOW,
    ]);
    expect(r.code).toBe(2);
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('a missing config is created as a minimal config with --create (without it: exit 2, nothing created)', async () => {
    const refused = await init(['--config', 'new.yaml', '--host', 'polyaxon.acme.com', '--org', 'acme', '--metadata', ACME, ...NOW]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/config file not found: new\.yaml\n {2}hint: .*--create/);
    expect(existsSync(join(dir, 'new.yaml'))).toBe(false);
    const r = await init([
      '--config',
      'new.yaml',
      '--create',
      '--host',
      'polyaxon.acme.com',
      '--org',
      'acme',
      '--metadata',
      ACME,
      '--json',
      ...NOW,
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ config: 'new.yaml', written: ['new.yaml'], changed: true });
    expect(read('new.yaml')).toBe(golden('init/new-config.yaml'));
  });

  it('--terraform-out writes the Okta app as Terraform, like `urls --format terraform`', async () => {
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, '--terraform-out', 'okta.tf', '--json', ...NOW]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).written).toEqual(['okta.tf', 'values.yaml']);
    expect(read('okta.tf')).toBe(golden('urls/acme.tf'));
  });

  it.each([
    ['nothing', [], false, ['--config', '--host', '--org', '--metadata']],
    ['a config with a host', ['--config', 'values.yaml'], false, ['--org', '--metadata']],
    ['a config that does not exist', ['--config', 'nope.yaml', '--org', 'acme'], false, ['--host', '--metadata']],
    ['--yes on a terminal', ['--yes', '--metadata', ACME], true, ['--config', '--host', '--org']],
  ])('missing flags with %s: one usage error listing them all (exit 2)', async (_n, args, tty, flags) => {
    const r = await init(args, tty);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const first = r.stderr.split('\n')[0] ?? '';
    expect(first).toBe(`polyaxon-sso: missing ${flags.join(', ')} (no prompts without a terminal or with --yes)`);
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('bad metadata: exit 1, the findings on stderr, the config untouched', async () => {
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', EXPIRED, ...NOW]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toContain('[CERT_EXPIRED]');
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('bad metadata with --json: still one JSON document, with the findings and nothing written', async () => {
    const r = await init(['--config', 'values.yaml', '--org', 'acme', '--metadata', EXPIRED, '--json', ...NOW]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      config: 'values.yaml',
      written: [],
      changed: false,
      urls: { acsUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme' },
    });
    expect(doc.findings.map((f: { code: string }) => f.code)).toContain('CERT_EXPIRED');
  });

  it('a second run with --terraform-out rewrites neither file', async () => {
    const args = ['--config', 'values.yaml', '--org', 'acme', '--metadata', ACME, '--terraform-out', 'okta.tf', '--json', ...NOW];
    expect((await init(args)).code).toBe(0);
    const mtimes = ['okta.tf', 'values.yaml'].map((f) => statSync(join(dir, f)).mtimeMs);
    const r = await init(args);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ written: [], changed: false });
    expect(['okta.tf', 'values.yaml'].map((f) => statSync(join(dir, f)).mtimeMs)).toEqual(mtimes);
  });

  it('a --fingerprint that matches no signing cert: exit 1, nothing written', async () => {
    const r = await init([
      '--config',
      'values.yaml',
      '--org',
      'acme',
      '--metadata',
      ACME,
      '--fingerprint',
      'AA'.repeat(32),
      '--terraform-out',
      'okta.tf',
      ...NOW,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[MD_FINGERPRINT_MISMATCH]');
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it.each([
    ['a bad --host', ['--host', 'evil.com/path', '--org', 'acme'], '--host: '],
    ['a bad --org', ['--host', 'a.example', '--org', '../x'], '--org: '],
    ['a missing metadata file', ['--org', 'acme', '--metadata', 'missing.xml'], 'metadata file not found: missing.xml'],
  ])('%s: exit 2, nothing written', async (_n, args, said) => {
    const r = await init(['--config', 'values.yaml', '--metadata', ACME, ...args, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(said);
    expect(read('values.yaml')).toBe(readFileSync(DEMO, 'utf8'));
  });

  it('a config that is not YAML: exit 2 with line:col, untouched', async () => {
    writeFileSync(join(dir, 'values.yaml'), 'a: [1, 2\nb: c\n');
    const r = await init(['--config', 'values.yaml', '--host', 'a.example', '--org', 'acme', '--metadata', ACME, ...NOW]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^polyaxon-sso: values\.yaml:\d+:\d+: /);
    expect(read('values.yaml')).toBe('a: [1, 2\nb: c\n');
  });
});
