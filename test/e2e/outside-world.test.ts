import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * Failures of the process's surroundings, on the built bin: exit 2, one line naming the cause and
 * a hint; never "internal error", a stack, or the uncaught-exception dump of the bundle's source.
 */
const ROOT = resolve('.');
const BIN = join(ROOT, 'bin/polyaxon-sso.js');
const META = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');
const ENV = { PATH: process.env.PATH ?? '' };

/** bin/, dist/ and package.json (the CLI bundles are self-contained) copied into `dir`; the copied bin. */
function copyCli(dir: string): string {
  for (const part of ['bin', 'dist', 'package.json']) cpSync(join(ROOT, part), join(dir, 'cli', part), { recursive: true });
  return join(dir, 'cli', 'bin', 'polyaxon-sso.js');
}

function expectOneLineAndHint(stderr: string, cause: RegExp): void {
  const lines = stderr.trimEnd().split('\n');
  expect(lines, stderr).toHaveLength(2);
  expect(lines[0]).toMatch(cause);
  expect(lines[1]).toMatch(/^ {2}hint: /);
  expect(stderr).not.toMatch(/internal error|use strict|\n\s+at |Node\.js v/);
}

describe.skipIf(!existsSync(join(ROOT, 'dist/cli.cjs')))('built bin: the outside world fails', () => {
  it.each([
    ['urls', ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json']],
    ['validate-metadata', ['validate-metadata', META, ...NOW, '--json']],
    ['lint', ['lint', join(ROOT, 'fixtures/configs-lint'), ...NOW, '--format', 'sarif']],
  ])('a full disk on stdout (/dev/full): %s exits 2 with ENOSPC', (_name, args) => {
    const out = `exec node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')} > /dev/full`;
    const r = spawnSync('sh', ['-c', out], { encoding: 'utf8', env: ENV, timeout: 30_000 });
    expect(r.status, r.stderr).toBe(2);
    expectOneLineAndHint(r.stderr, /^polyaxon-sso: cannot write to stdout: no space left on device \(ENOSPC\)/);
  });

  it('a reader that went away (EPIPE): exit 2, not 0 (the output is incomplete)', async () => {
    const child = spawn(process.execPath, [BIN, 'lint', join(ROOT, 'fixtures/configs-lint'), ...NOW, '--format', 'json'], {
      env: ENV,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code, stderr).toBe(2);
    expectOneLineAndHint(stderr, /^polyaxon-sso: cannot write to stdout: the reader closed the pipe \(EPIPE\)/);
  }, 30_000);

  it('a deleted working directory', () => {
    const gone = mkdtempSync(join(tmpdir(), 'gone-'));
    for (const args of [
      ['lint', '.'],
      ['validate-metadata', 'metadata.xml'],
      ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme'],
    ]) {
      const script = `cd ${JSON.stringify(gone)} && rmdir ${JSON.stringify(gone)} && exec node ${JSON.stringify(BIN)} ${args.map((a) => JSON.stringify(a)).join(' ')}`;
      mkdirSync(gone, { recursive: true });
      const r = spawnSync('sh', ['-c', script], { encoding: 'utf8', env: ENV, timeout: 30_000 });
      expect([args[0], r.status], r.stderr).toEqual([args[0], 2]);
      expectOneLineAndHint(r.stderr, /^polyaxon-sso: the current directory no longer exists/);
    }
  });

  it('an invalid glob: a usage error', () => {
    const r = spawnSync(process.execPath, [BIN, 'lint', 'deploy/[z-a].yaml'], {
      encoding: 'utf8',
      env: ENV,
      cwd: tmpdir(),
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^polyaxon-sso: invalid glob "deploy\/\[z-a\]\.yaml": range z-a is out of order\n {2}hint: /);
  });

  // A real EACCES: as root, the run drops to nobody (root reads everything); otherwise chmod 000 is enough.
  it('a folder lint cannot read (EACCES): exit 2, in text and SARIF', () => {
    const root = process.getuid?.() === 0;
    const top = mkdtempSync(join(tmpdir(), 'eacces-'));
    chmodSync(top, 0o755);
    mkdirSync(join(top, 'deploy/locked'), { recursive: true });
    chmodSync(join(top, 'deploy'), 0o755);
    writeFileSync(join(top, 'deploy/values.yaml'), readFileSync(join(ROOT, 'fixtures/configs-lint/clean.yaml')));
    writeFileSync(join(top, 'deploy/locked/prod.yaml'), 'x: 1\n');
    chmodSync(join(top, 'deploy/values.yaml'), 0o644);
    chmodSync(join(top, 'deploy/locked'), root ? 0o700 : 0o000);
    // nobody may not be able to reach the checkout (a clone under a root-only folder): run a copy
    // of the built CLI from the world-readable temp folder instead
    const bin = root ? copyCli(top) : BIN;
    const run = (format: string) =>
      spawnSync(process.execPath, [bin, 'lint', 'deploy', ...NOW, '--format', format], {
        encoding: 'utf8',
        env: ENV,
        cwd: top,
        timeout: 30_000,
        ...(root ? { uid: 65534, gid: 65534 } : {}),
      });
    const text = run('text');
    chmodSync(join(top, 'deploy/locked'), 0o700);
    if (text.error) throw text.error;
    expect(text.status, text.stderr).toBe(2);
    expect(text.stdout).toContain('deploy/locked  error  cannot read directory deploy/locked: permission denied  [INPUT_UNREADABLE]');
    expect(text.stdout).toMatch(/1 file linted, 1 unreadable/);
    chmodSync(join(top, 'deploy/locked'), root ? 0o700 : 0o000);
    const sarif = run('sarif');
    chmodSync(join(top, 'deploy/locked'), 0o700);
    expect(sarif.status).toBe(2);
    expect(JSON.parse(sarif.stdout).runs[0].invocations[0]).toMatchObject({
      executionSuccessful: false,
      toolExecutionNotifications: [{ message: { text: 'cannot read directory deploy/locked: permission denied' } }],
    });
  }, 30_000);
});
