import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
  chmodSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../src/cli/unified-diff.js';
import { normalizeStoredXml } from '../../src/core/patch/normalize-stored-xml.js';
import { corpusPath } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/** `patch` end to end, in-process: modes, exit codes, JSON, and what is (not) written. */
const ACME = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');
const METADATA = existsSync(ACME) ? ACME : corpusPath('okta-metadata', 'boot-saml-3-dev2148273-pretty.xml');
const STORED = normalizeStoredXml(readFileSync(METADATA, 'utf8').replace(/^\uFEFF/, ''));
const BAD_METADATA = join(process.cwd(), 'fixtures', 'configs', 'okta-metadata.xml'); // its certificate is not a certificate
const CONFIGS = join(process.cwd(), 'fixtures', 'configs');
const OLD = new Date('2020-01-01T00:00:00Z');

function workdir(fixture = 'full-platform.yaml'): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'patch-cmd-'));
  const file = join(dir, 'values.yaml');
  copyFileSync(join(CONFIGS, fixture), file);
  utimesSync(file, OLD, OLD); // a rewrite would show in the mtime
  return { dir, file };
}
const cli = (dir: string, ...args: string[]) => runCli(['patch', 'values.yaml', ...args], { cwd: dir, now: NOW });
const xmlIn = (file: string) =>
  parseDocument(readFileSync(file, 'utf8'), { version: '1.1' }).getIn(['externalServices', 'auth', 'okta', 'options', 'xml']);

describe('patch command', () => {
  it('writes the okta block, then a second run says "already up to date" and leaves the mtime alone', async () => {
    const { dir, file } = workdir();
    const first = await cli(dir, '--metadata', METADATA);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('patched values.yaml');
    expect(xmlIn(file)).toBe(STORED);
    utimesSync(file, OLD, OLD);
    const content = readFileSync(file);
    const second = await cli(dir, '--metadata', METADATA);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('already up to date');
    expect(statSync(file).mtimeMs).toBe(OLD.getTime());
    expect(readFileSync(file).equals(content)).toBe(true);
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  });

  it('--check: exit 1 when a change is pending, 0 when up to date; never writes', async () => {
    const { dir, file } = workdir();
    const before = readFileSync(file);
    const pending = await cli(dir, '--metadata', METADATA, '--check');
    expect(pending.code).toBe(1);
    expect(pending.stdout).toContain('would change');
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(OLD.getTime());
    await cli(dir, '--metadata', METADATA);
    expect((await cli(dir, '--metadata', METADATA, '--check')).code).toBe(0);
  });

  it('--diff and --dry-run print the unified diff, exit 0, write nothing', async () => {
    const { dir, file } = workdir();
    const before = readFileSync(file, 'utf8');
    const out = join(dir, 'expected.yaml');
    await runCli(['patch', 'values.yaml', '--metadata', METADATA, '--output', 'expected.yaml'], { cwd: dir, now: NOW });
    const expected = unifiedDiff(before, readFileSync(out, 'utf8'), 'a/values.yaml', 'b/values.yaml');
    for (const flag of ['--diff', '--dry-run']) {
      const r = await cli(dir, '--metadata', METADATA, flag);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(expected);
      expect(r.stdout).toMatch(/^\+ {4}okta:$/m);
      expect(readFileSync(file, 'utf8')).toBe(before);
    }
  });

  it('--output - prints the new file; --output <file> writes elsewhere and leaves the config alone', async () => {
    const { dir, file } = workdir('crlf.yaml');
    const before = readFileSync(file);
    const printed = await cli(dir, '--metadata', METADATA, '--output', '-');
    expect(printed.code).toBe(0);
    expect(printed.stdout.startsWith(before.toString('utf8').split('\r\nuser:')[0] as string)).toBe(true);
    expect(printed.stdout.split('\n').length).toBe(printed.stdout.split('\r\n').length);
    const other = await cli(dir, '--metadata', METADATA, '--output', 'patched.yaml');
    expect(other.code).toBe(0);
    expect(readFileSync(join(dir, 'patched.yaml'), 'utf8')).toBe(printed.stdout);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('--backup keeps values.yaml.bak with the same mode; BOM and CRLF survive', async () => {
    const { dir, file } = workdir('bom.yaml');
    chmodSync(file, 0o600);
    const before = readFileSync(file);
    expect((await cli(dir, '--metadata', METADATA, '--backup')).code).toBe(0);
    expect(readFileSync(`${file}.bak`).equals(before)).toBe(true);
    expect(statSync(`${file}.bak`).mode & 0o777).toBe(0o600);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('--disable sets enabled: false and keeps the metadata, without --metadata', async () => {
    const { dir, file } = workdir();
    await cli(dir, '--metadata', METADATA);
    const r = await cli(dir, '--disable');
    expect(r.code).toBe(0);
    const doc = parseDocument(readFileSync(file, 'utf8'), { version: '1.1' });
    expect(doc.getIn(['externalServices', 'auth', 'okta', 'enabled'])).toBe(false);
    expect(doc.getIn(['externalServices', 'auth', 'okta', 'options', 'xml'])).toBe(STORED);
  });

  it('--json: one document with schemaVersion 1, the change list and the metadata identity', async () => {
    const { dir } = workdir('helm-values.yaml');
    const r = await cli(dir, '--metadata', METADATA, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      schemaVersion: 1,
      file: 'values.yaml',
      mode: 'enable',
      outcome: 'written',
      changed: true,
      written: true,
      forced: false,
      changes: [
        { path: 'externalServices.auth.okta.enabled', action: 'updated', line: 25 },
        { path: 'externalServices.auth.okta.options', action: 'added', line: 26 },
      ],
      metadata: { source: METADATA, sha256: createHash('sha256').update(STORED).digest('hex') },
      config: { eol: 'LF', bom: false, indentStep: 2 },
    });
    expect(json.metadata.entityId).toMatch(/^http:\/\/www\.okta\.com\//);
    const again = JSON.parse((await cli(dir, '--metadata', METADATA, '--json')).stdout);
    expect(again).toMatchObject({ outcome: 'up-to-date', changed: false, written: false, changes: [] });
  });

  it('metadata with errors: exit 1, nothing written; --force writes with a loud warning', async () => {
    const { dir, file } = workdir();
    const before = readFileSync(file);
    const r = await cli(dir, '--metadata', BAD_METADATA);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nothing written');
    expect(readFileSync(file).equals(before)).toBe(true);
    const json = JSON.parse((await cli(dir, '--metadata', BAD_METADATA, '--json')).stdout);
    expect(json).toMatchObject({ schemaVersion: 1, outcome: 'metadata-invalid', written: false });
    expect(json.findings.some((f: { severity: string }) => f.severity === 'error')).toBe(true);
    const forced = await cli(dir, '--metadata', BAD_METADATA, '--force');
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain('WARNING: --force');
    expect(xmlIn(file)).toBe(normalizeStoredXml(readFileSync(BAD_METADATA, 'utf8')));
  });

  it('reads the metadata from stdin with --metadata -', async () => {
    const { dir, file } = workdir('empty.yaml');
    const r = await runCli(['patch', 'values.yaml', '--metadata', '-'], { cwd: dir, now: NOW, stdin: readFileSync(METADATA) });
    expect(r.code).toBe(0);
    expect(xmlIn(file)).toBe(STORED);
  });

  it('a symlinked config is written through: the link stays, the target changes', async () => {
    const { dir, file } = workdir();
    const real = join(dir, 'real.yaml');
    copyFileSync(file, real);
    const link = join(dir, 'link.yaml');
    symlinkSync(real, link);
    const r = await runCli(['patch', 'link.yaml', '--metadata', METADATA], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(xmlIn(real)).toBe(STORED);
  });

  it('usage errors exit 2: no --metadata, --backup with --output, bad --now', async () => {
    const { dir, file } = workdir();
    const before = readFileSync(file);
    expect((await cli(dir)).code).toBe(2);
    expect((await cli(dir, '--metadata', METADATA, '--backup', '--output', 'x.yaml')).code).toBe(2);
    expect((await cli(dir, '--metadata', METADATA, '--now', 'yesterday')).code).toBe(2);
    expect(readFileSync(file).equals(before)).toBe(true);
    writeFileSync(join(dir, 'values.yaml'), 'a: 1\n');
    expect((await cli(dir, '--disable')).code).toBe(2);
  });
});

describe('patch --diff output', () => {
  it('is the diff alone on stdout (empty when up to date; the status goes to stderr) and applies with git apply', async () => {
    const { dir, file } = workdir('helm-values.yaml');
    const r = await cli(dir, '--metadata', METADATA, '--diff');
    const { spawnSync } = await import('node:child_process');
    if (spawnSync('git', ['--version']).status === 0) {
      const applied = spawnSync('git', ['apply', '--unidiff-zero', '-p1', '-'], { cwd: dir, input: r.stdout, encoding: 'utf8' });
      expect(applied.status).toBe(0);
      expect(xmlIn(file)).toBe(STORED);
    }
    const again = await cli(dir, '--metadata', METADATA, '--diff');
    expect(again.code).toBe(0);
    expect(again.stdout).toBe('');
    expect(again.stderr).toContain('already up to date');
  });
});
