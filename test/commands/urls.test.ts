import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const golden = (name: string) => readFileSync(join('test', 'golden', 'urls', name), 'utf8');

describe('urls', () => {
  it('prints the Okta form values as text', async () => {
    const r = await runCli(['urls', '--host', 'polyaxon.acme.com', '--org', 'acme']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('acme.txt'));
    expect(r.stderr).toBe('');
  });

  it('prints one JSON document with schemaVersion', async () => {
    const r = await runCli(['urls', '--host', 'https://polyaxon.acme.com/', '--org', 'acme', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      hostSource: '--host',
      host: 'polyaxon.acme.com',
      org: 'acme',
      singleSignOnUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme',
      recipientUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme',
      destinationUrl: 'https://polyaxon.acme.com/sso/okta/acs/acme',
      audienceUri: 'https://polyaxon.acme.com/sso/okta/metadata/acme',
      nameIdFormatUrn: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
    });
    expect(doc).toEqual(JSON.parse(golden('acme.json')));
  });

  it('--format json equals --json', async () => {
    const a = await runCli(['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--format', 'json']);
    const b = await runCli(['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('writes terraform in terraform fmt style (golden file)', async () => {
    const r = await runCli(['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--format', 'terraform']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(golden('acme.tf'));
  });

  it('honours attribute overrides, the groups filter, --no-groups and --label', async () => {
    const r = await runCli([
      'urls',
      '--host',
      'p.acme.com',
      '--org',
      'ml-team',
      '--format',
      'terraform',
      '--label',
      'Polyaxon "prod"',
      '--attr-email',
      'mail',
      '--attr-groups',
      'teams',
      '--groups-filter',
      '^polyaxon-.*$',
    ]);
    expect(r.stdout).toBe(golden('custom.tf'));
    const none = await runCli(['urls', '--host', 'p.acme.com', '--org', 'x', '--json', '--no-groups']);
    expect(JSON.parse(none.stdout).groupAttributeStatements).toEqual([]);
  });

  it('takes the host from the config, says so, and a flag still wins', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'urls-'));
    writeFileSync(join(dir, 'values.yaml'), 'ingress:\n  enabled: true\n  hostName: ml.acme.com\n  tls:\n    - secretName: t\n');
    const fromConfig = await runCli(['urls', '--config', 'values.yaml', '--org', 'acme', '--json'], { cwd: dir });
    expect(fromConfig.code).toBe(0);
    expect(JSON.parse(fromConfig.stdout)).toMatchObject({
      hostSource: 'ingress.hostName in values.yaml',
      singleSignOnUrl: 'https://ml.acme.com/sso/okta/acs/acme',
    });
    const flagWins = await runCli(['urls', '--config', 'values.yaml', '--host', 'other.acme.com', '--org', 'acme', '--json'], { cwd: dir });
    expect(JSON.parse(flagWins.stdout).host).toBe('other.acme.com');
  });

  it('warns when the config has no TLS', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'urls-'));
    writeFileSync(join(dir, 'values.yaml'), 'hostName: ml.acme.com\n');
    const r = await runCli(['urls', '--config', 'values.yaml', '--org', 'acme'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('[CONFIG_TLS_EMPTY]');
  });

  it.each([
    [['urls', '--host', 'evil.com/x', '--org', 'acme'], '--host: '],
    [['urls', '--host', 'http://p.acme.com', '--org', 'acme'], '--allow-http'],
    [['urls', '--host', 'p.acme.com', '--org', '../x'], '--org: '],
    [['urls', '--host', 'p.acme.com', '--org', ''], '--org: '],
    [['urls', '--org', 'acme'], 'missing --host'],
    [['urls', '--host', 'p.acme.com'], 'missing --org'],
    [['urls', '--host', 'p.acme.com', '--org', 'acme', '--bogus'], "unknown option '--bogus'"],
    [['urls', '--host', 'p.acme.com', '--org', 'acme', '--format', 'xml'], "argument 'xml' is invalid"],
    [['urls', '--host', 'p.acme.com', '--org', 'acme', '--json', '--format', 'terraform'], 'disagree'],
    [['urls', '--config', 'no-such.yaml', '--org', 'acme'], 'config file not found'],
    [['urls', '--host', 'p.acme.com', '--org', 'acme', '--groups-filter', '(['], '--groups-filter'],
    [['nope'], "unknown command 'nope'"],
  ])('usage error %j → exit 2, one message, no stack', async (args, text) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    // --json: the error document on stdout (schemas/error.schema.json); otherwise nothing
    if (args.includes('--json')) expect(JSON.parse(r.stdout).error.message).toContain(text);
    else expect(r.stdout).toBe('');
    expect(r.stderr).toContain(text);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--allow-http permits an http host', async () => {
    const r = await runCli(['urls', '--host', 'http://localhost:8000', '--org', 'lab', '--allow-http', '--json']);
    expect(JSON.parse(r.stdout).singleSignOnUrl).toBe('http://localhost:8000/sso/okta/acs/lab');
  });
});

describe('global behaviour', () => {
  it('--help lists the commands and the exit codes', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['urls', 'validate-metadata', 'patch', 'lint', 'init', 'check-response']) expect(r.stdout).toContain(cmd);
    expect(r.stdout).toContain('130  cancelled');
  });

  it.each(['urls', 'validate-metadata', 'patch', 'lint', 'init', 'check-response'])('%s --help has examples', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain(`$ polyaxon-sso ${cmd}`);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    const r = await runCli(['--version']);
    expect(r.stdout.trim()).toBe(pkg.version);
  });
});
