import { chmodSync, linkSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * patch's write rules seen from the command (README "patch"): read-only and hard-linked configs,
 * the plain-text-secret summary and its flag, positions after a write, and the disabled, empty
 * `auth.saml` block of Polyaxon 1.x that patch removes instead of refusing.
 */
const ACME = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');

function workdir(content: string, mode = 0o644): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'patch-rules-'));
  const file = join(dir, 'values.yaml');
  writeFileSync(file, content);
  chmodSync(file, mode);
  return { dir, file };
}
const patch = (dir: string, ...args: string[]) =>
  runCli(['patch', 'values.yaml', '--metadata', ACME, '--now', NOW.toISOString(), ...args], { cwd: dir, now: NOW, env: { NO_COLOR: '1' } });

// The secrets come after externalServices, so the okta block written above them moves them down.
const SECRETS = [
  'hostName: polyaxon.acme.com',
  'externalServices:',
  '  auth:',
  '    github:',
  '      enabled: false',
  'postgresql:',
  '  auth:',
  '    password: hunter2',
  '    postgresPassword: rootpw',
  'redis:',
  '  password: "r3d1s"',
  '',
].join('\n');

describe('patch: read-only and hard-linked configs', () => {
  it('chmod 444: exit 2 with a hint, nothing written; --force writes it and keeps 0444', async () => {
    const { dir, file } = workdir('hostName: polyaxon.acme.com\n', 0o444);
    const refused = await patch(dir);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /values\.yaml is read-only for its owner \(mode 0444\); nothing written\n {2}hint: .*chmod u\+w.*--force/,
    );
    expect(readFileSync(file, 'utf8')).toBe('hostName: polyaxon.acme.com\n');
    const forced = await patch(dir, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('    okta:\n');
    expect(statSync(file).mode & 0o777).toBe(0o444);
  });

  it('two hard links: exit 2 naming the links; --force writes, the other link keeps the old content', async () => {
    const { dir, file } = workdir('hostName: polyaxon.acme.com\n');
    linkSync(file, join(dir, 'deploy.yaml'));
    const refused = await patch(dir, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stderr + refused.stdout).toContain('WRITE_HARD_LINKS');
    expect(statSync(file).nlink).toBe(2);
    const forced = await patch(dir, '--force');
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, 'deploy.yaml'), 'utf8')).toBe('hostName: polyaxon.acme.com\n');
  });
});

describe('patch: plain-text secrets', () => {
  it('one summary line with the count and the lines of the file as written; --json lists each', async () => {
    const { dir, file } = workdir(SECRETS);
    const r = await patch(dir);
    expect(r.code).toBe(0);
    const written = readFileSync(file, 'utf8').split('\n');
    const lineOf = (key: string) => written.findIndex((l) => l.trimStart().startsWith(`${key}:`)) + 1;
    const lines = [lineOf('password'), lineOf('postgresPassword'), lineOf('redis') + 1];
    expect(lines[0]).toBeGreaterThan(40); // below the okta block: the lines of the file as read were 8, 9, 11
    const summary = r.stderr.split('\n').filter((l) => l.includes('PLAINTEXT_SECRET'));
    expect(summary).toEqual([
      `values.yaml: warning: 3 values look like secrets in plain text at lines ${lines.join(', ')} (values not shown; \`polyaxon-sso lint\` lists them, --no-secret-warnings hides this) [PLAINTEXT_SECRET]`,
    ]);
    expect(r.stderr).not.toMatch(/hunter2|rootpw|r3d1s/);

    const lint = await runCli(['lint', 'values.yaml', '--json', '--now', NOW.toISOString()], { cwd: dir, now: NOW });
    const linted = (
      JSON.parse(lint.stdout).files[0].findings as { code: string; severity: string; location: { line: number; column: number } }[]
    )
      .filter((f) => f.code === 'PLAINTEXT_SECRET')
      .map((f) => [f.severity, f.location.line, f.location.column]);
    expect(linted).toEqual([
      ['warning', lines[0], 5],
      ['warning', lines[1], 5],
      ['warning', lines[2], 3],
    ]);
  });

  it('--json: one finding per secret, at the same positions as lint', async () => {
    const { dir } = workdir(SECRETS);
    const r = await patch(dir, '--json');
    const secrets = (JSON.parse(r.stdout).findings as { code: string; location: { line: number } }[]).filter(
      (f) => f.code === 'PLAINTEXT_SECRET',
    );
    expect(secrets).toHaveLength(3);
  });

  it('--no-secret-warnings turns them off in patch and in lint', async () => {
    const { dir } = workdir(SECRETS);
    const r = await patch(dir, '--no-secret-warnings', '--json');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('PLAINTEXT_SECRET');
    const lint = await runCli(['lint', 'values.yaml', '--no-secret-warnings', '--json', '--now', NOW.toISOString()], {
      cwd: dir,
      now: NOW,
    });
    expect(lint.stdout).not.toContain('PLAINTEXT_SECRET');
    const text = await patch(dir, '--no-secret-warnings', '--check');
    expect(text.stderr + text.stdout).not.toContain('PLAINTEXT_SECRET');
  });
});

describe('patch: the auth.saml block of Polyaxon 1.x', () => {
  const V1 = (saml: string) => `hostName: polyaxon.acme.com\nexternalServices:\n  auth:\n${saml}    github:\n      enabled: false\n# end\n`;

  for (const [name, saml] of [
    ['enabled: false, options: {}', '    saml:\n      enabled: false\n      options: {}\n'],
    ['an empty key', '    saml:\n'],
    ['null with a comment', '    saml: ~  # unused since 1.x\n'],
    ['a flow mapping', '    saml: {enabled: false}\n'],
  ] as const) {
    it(`disabled and empty (${name}): removed as part of the patch, shown in the diff`, async () => {
      const { dir, file } = workdir(V1(saml));
      const diff = await patch(dir, '--diff');
      expect(diff.code).toBe(0);
      for (const l of saml.trimEnd().split('\n')) expect(diff.stdout).toContain(`-${l}\n`);
      expect(diff.stdout).toContain('+    okta:');
      const r = await patch(dir);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/removed\s+externalServices\.auth\.saml/);
      const text = readFileSync(file, 'utf8');
      expect(text).not.toContain('saml:');
      expect(text).toMatch(/^hostName: polyaxon\.acme\.com\nexternalServices:\n {2}auth:\n {4}github:\n {6}enabled: false\n {4}okta:\n/);
      expect(text.endsWith('# end\n')).toBe(true);
      const again = await patch(dir);
      expect(again.stdout).toContain('already up to date');
      const lint = await runCli(['lint', 'values.yaml', '--json', '--now', NOW.toISOString()], { cwd: dir, now: NOW });
      expect(lint.stdout).not.toContain('AUTH_SAML_REMOVED');
    });
  }

  for (const [name, saml] of [
    ['enabled', '    saml:\n      enabled: true\n'],
    ['disabled but holding metadata', '    saml:\n      enabled: false\n      options:\n        idpMetadata: x\n'],
    ['enabled: "false" (a string)', '    saml:\n      enabled: "false"\n'],
  ] as const) {
    it(`${name}: still refused with PATCH_SAML_REMOVED and its hint, nothing written`, async () => {
      const { dir, file } = workdir(V1(saml));
      const r = await patch(dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('externalServices.auth.saml was removed in Polyaxon 2.0.1');
      expect(r.stderr).toMatch(/hint: .*disabled and empty/);
      expect(readFileSync(file, 'utf8')).toBe(V1(saml));
    });
  }
});
