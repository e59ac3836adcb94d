import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

const FIX = 'fixtures/configs-lint';
const lint = (args: string[], opts: Parameters<typeof runCli>[1] = {}) => runCli(['lint', ...args, ...NOW], opts);
const json = (stdout: string) =>
  JSON.parse(stdout) as {
    schemaVersion: number;
    exitCode: number;
    files: {
      file: string;
      skipped?: string;
      unreadable?: boolean;
      findings: { code: string; severity: string; location?: { line: number; column: number } }[];
    }[];
    summary: Record<string, number>;
  };

describe('lint: exit codes', () => {
  it('0 for a clean config (info notes only)', async () => {
    const r = await lint([`${FIX}/clean.yaml`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/1 file linted: 0 errors, 0 warnings, \d+ info\n$/);
  });

  it('1 for errors; a YAML syntax error is a finding, not "could not run"', async () => {
    expect((await lint([`${FIX}/yaml-syntax.yaml`])).code).toBe(1);
    expect((await lint([`${FIX}/okta-xml-missing.yaml`])).code).toBe(1);
  });

  it('warnings: 0 by default, 1 with --strict, 1 above --max-warnings N, 0 at N', async () => {
    const f = `${FIX}/schema-coerced.yaml`;
    expect((await lint([f])).code).toBe(0);
    expect((await lint([f, '--strict'])).code).toBe(1);
    expect((await lint([f, '--max-warnings', '0'])).code).toBe(1);
    expect((await lint([f, '--max-warnings', '1'])).code).toBe(0);
  });

  it('--require-okta turns a missing okta block into an error', async () => {
    expect((await lint([`${FIX}/okta-absent.yaml`])).code).toBe(0);
    const r = await lint([`${FIX}/okta-absent.yaml`, '--require-okta', '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]?.findings).toMatchObject([{ code: 'OKTA_ABSENT', severity: 'error', location: { line: 7, column: 3 } }]);
  });

  it('--host compared with the config host: mismatch is an error', async () => {
    expect((await lint([`${FIX}/clean.yaml`, '--host', 'https://POLYAXON.acme.com/'])).code).toBe(0);
    const r = await lint([`${FIX}/clean.yaml`, '--host', 'polyaxon.example.com', '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]?.findings.find((f) => f.code === 'HOST_MISMATCH')?.location).toEqual({
      file: `${FIX}/clean.yaml`,
      line: 5,
      column: 13,
    });
  });

  it('2 for usage errors: bad --host, --org, --max-warnings, --now, --format', async () => {
    for (const args of [
      ['--host', 'evil.com/x'],
      ['--org', 'a b'],
      ['--max-warnings', '-1'],
      ['--now', 'yesterday'],
      ['--format', 'xml'],
      ['--format', 'sarif', '--json'],
    ]) {
      const r = await runCli(['lint', `${FIX}/clean.yaml`, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      // with --json, the error document; otherwise nothing on stdout
      if (args.includes('--json')) expect(JSON.parse(r.stdout)).toMatchObject({ exitCode: 2, error: { code: 'USAGE' } });
      else expect(r.stdout).toBe('');
    }
  });

  it('one missing input among several: lints the rest, prints everything, exits 2', async () => {
    const r = await lint([`${FIX}/clean.yaml`, `${FIX}/does-not-exist.yaml`, `${FIX}/okta-xml-missing.yaml`, '--json']);
    expect(r.code).toBe(2);
    const doc = json(r.stdout);
    expect(doc.exitCode).toBe(2);
    expect(doc.files.map((f) => [f.file, f.unreadable ?? false])).toEqual([
      [`${FIX}/clean.yaml`, false],
      [`${FIX}/does-not-exist.yaml`, true],
      [`${FIX}/okta-xml-missing.yaml`, false],
    ]);
    expect(doc.files[1]?.findings[0]?.code).toBe('INPUT_NOT_FOUND');
    expect(doc.files[2]?.findings[0]?.code).toBe('OKTA_XML_MISSING');
    expect(r.stderr).toContain('does-not-exist.yaml');
  });

  it('a glob that matches nothing is an input problem (exit 2)', async () => {
    const r = await lint([`${FIX}/*.nothing`]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('[INPUT_NO_MATCH]');
  });
});

describe('lint: inputs', () => {
  function tree(): string {
    const root = mkdtempSync(join(tmpdir(), 'lint-inputs-'));
    for (const d of ['deploy/prod', 'deploy/node_modules/pkg', 'deploy/.git', 'k8s']) mkdirSync(join(root, d), { recursive: true });
    const okta = readFileSync(`${FIX}/okta-xml-missing.yaml`, 'utf8');
    writeFileSync(join(root, 'deploy/prod/values.yaml'), okta);
    writeFileSync(
      join(root, 'deploy/staging.yml'),
      'deploymentChart: platform\nexternalServices:\n  auth:\n    github:\n      enabled: false\n',
    );
    writeFileSync(join(root, 'deploy/node_modules/pkg/values.yaml'), okta);
    writeFileSync(join(root, 'deploy/.git/config.yaml'), okta);
    writeFileSync(join(root, 'deploy/README.md'), '# not yaml\n');
    writeFileSync(join(root, 'k8s/configmap.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    writeFileSync(join(root, 'k8s/all.yaml'), 'kind: A\n---\nkind: B\n');
    return root;
  }

  it('directories: every *.yaml/*.yml recursively, skipping node_modules and .git, sorted by path', async () => {
    const cwd = tree();
    const r = await lint(['deploy', 'k8s', '--json'], { cwd });
    const doc = json(r.stdout);
    expect(doc.files.map((f) => [f.file, f.skipped === undefined])).toEqual([
      ['deploy/prod/values.yaml', true],
      ['deploy/staging.yml', true],
      ['k8s/all.yaml', false],
      ['k8s/configmap.yaml', false],
    ]);
    expect(doc.summary).toMatchObject({ files: 4, linted: 2, skipped: 2, error: 1 });
    expect(r.code).toBe(1);
  });

  it('globs: ** and {yaml,yml}; a file named explicitly is linted even if it is not a Polyaxon config', async () => {
    const cwd = tree();
    const g = json((await lint(['deploy/**/*.{yaml,yml}', '--json'], { cwd })).stdout);
    expect(g.files.map((f) => f.file)).toEqual(['deploy/prod/values.yaml', 'deploy/staging.yml']);
    const e = json((await lint(['k8s/configmap.yaml', '--json'], { cwd })).stdout);
    expect(e.files[0]?.skipped).toBeUndefined();
    // Named explicitly, it is checked as a deployment config: none of its keys is Polyaxon's.
    expect(e.files[0]?.findings.map((f) => f.code)).toEqual([
      'SCHEMA_UNKNOWN_KEY',
      'OKTA_ABSENT',
      'SCHEMA_UNKNOWN_KEY',
      'SCHEMA_UNKNOWN_KEY',
    ]);
  });

  it('stdin with -', async () => {
    const r = await lint(['-', '--json'], { stdin: readFileSync(`${FIX}/auth-enabled-quoted.yaml`) });
    const doc = json(r.stdout);
    expect(doc.files[0]?.file).toBe('<stdin>');
    expect(doc.files[0]?.findings.find((f) => f.code === 'AUTH_ENABLED_QUOTED')?.location).toMatchObject({ line: 9, column: 16 });
    expect(r.code).toBe(1);
  });

  it('the same XML in many files is validated once and reported in each', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lint-many-'));
    const text = readFileSync(`${FIX}/cert-expired.yaml`, 'utf8');
    for (let i = 0; i < 12; i++) writeFileSync(join(cwd, `v${String(i).padStart(2, '0')}.yaml`), text);
    const doc = json((await lint(['.', '--json'], { cwd })).stdout);
    expect(doc.files).toHaveLength(12);
    expect(doc.files.every((f) => f.findings.some((x) => x.code === 'CERT_EXPIRED' && x.location?.line === 18))).toBe(true);
  });
});

describe('lint: formats', () => {
  it('auto is github under GITHUB_ACTIONS=true, text otherwise', async () => {
    const gh = await lint([`${FIX}/auth-enabled-quoted.yaml`], { env: { GITHUB_ACTIONS: 'true' } });
    expect(gh.stdout).toMatch(/^::error file=fixtures\/configs-lint\/auth-enabled-quoted.yaml,line=9,col=16,title=AUTH_ENABLED_QUOTED::/m);
    const text = await lint([`${FIX}/auth-enabled-quoted.yaml`]);
    expect(text.stdout).toMatch(/^fixtures\/configs-lint\/auth-enabled-quoted.yaml:9:16 {2}error {2}.* {2}\[AUTH_ENABLED_QUOTED\]$/m);
    expect(text.stdout).toMatch(/^ {4}hint: Helm treats/m);
  });

  it('--json is --format json: one document with schemaVersion 1', async () => {
    const r = await lint([`${FIX}/clean.yaml`, '--json']);
    const doc = json(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.summary).toMatchObject({ files: 1, linted: 1, skipped: 0, unreadable: 0, error: 0, warning: 0 });
  });

  it('no colour unless asked; FORCE_COLOR gives ANSI in text', async () => {
    expect((await lint([`${FIX}/okta-xml-missing.yaml`])).stdout).not.toContain('\u001b[');
    expect((await lint([`${FIX}/okta-xml-missing.yaml`], { env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[31merror');
  });
});

describe('lint --skip-non-polyaxon (pre-commit passes changed files by name)', () => {
  it('skips named files that are not Polyaxon configs, still lints the configs', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lint-precommit-'));
    writeFileSync(join(cwd, 'ci.yml'), 'name: ci\non: push\njobs: {}\n');
    writeFileSync(join(cwd, 'manifests.yaml'), 'kind: A\n---\nkind: B\n');
    writeFileSync(join(cwd, 'values.yaml'), readFileSync(`${FIX}/okta-xml-missing.yaml`));
    const r = await lint(['ci.yml', 'manifests.yaml', 'values.yaml', '--skip-non-polyaxon', '--json'], { cwd });
    const doc = json(r.stdout);
    expect(doc.files.map((f) => [f.file, f.skipped !== undefined])).toEqual([
      ['ci.yml', true],
      ['manifests.yaml', true],
      ['values.yaml', false],
    ]);
    expect(r.code).toBe(1);
  });

  it('.pre-commit-hooks.yaml runs lint with that flag on YAML files', () => {
    const hooks = readFileSync('.pre-commit-hooks.yaml', 'utf8');
    expect(hooks).toContain('entry: polyaxon-sso lint --skip-non-polyaxon');
    expect(hooks).toContain('files: \\.ya?ml$');
  });
});

describe('lint: certificate checks inside options.xml', () => {
  const SHA256 = '73:DC:D0:9C:65:52:55:AF:06:F6:39:C3:D4:22:00:6F:75:D3:8F:A9:A0:BF:83:0E:8B:E8:87:40:46:AE:04:53';
  it('--fingerprint pins the signing cert, as in validate-metadata', async () => {
    expect((await lint([`${FIX}/clean.yaml`, '--fingerprint', SHA256])).code).toBe(0);
    const r = await lint([`${FIX}/clean.yaml`, '--fingerprint', SHA256.replace('73:DC', '00:00'), '--json']);
    expect(r.code).toBe(1);
    expect(json(r.stdout).files[0]?.findings.map((f) => f.code)).toContain('MD_FINGERPRINT_MISMATCH');
  });

  it('--min-days and --now: a cert expiring within the window is a warning on its line', async () => {
    const run = (days: string) => runCli(['lint', `${FIX}/clean.yaml`, '--now', '2034-12-15T00:00:00Z', '--min-days', days, '--json']);
    const soon = json((await run('30')).stdout).files[0]?.findings.find((f) => f.code === 'CERT_EXPIRING_SOON');
    expect(soon).toMatchObject({ severity: 'warning', location: { line: 18 } });
    expect(json((await run('10')).stdout).files[0]?.findings.map((f) => f.code)).not.toContain('CERT_EXPIRING_SOON');
  });
});

describe('lint: a file name with glob characters', () => {
  it('is taken literally when it exists', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lint-literal-'));
    writeFileSync(join(cwd, 'values[prod].yaml'), readFileSync(`${FIX}/okta-xml-missing.yaml`));
    const doc = json((await lint(['values[prod].yaml', '--json'], { cwd })).stdout);
    expect(doc.files.map((f) => f.file)).toEqual(['values[prod].yaml']);
    expect(doc.files[0]?.findings[0]?.code).toBe('OKTA_XML_MISSING');
  });
});
