import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built CLI with flags only and no TTY ("Tests"): the same result as the tmux run. */
const ROOT = resolve('.');
const BIN = join(ROOT, 'bin/polyaxon-sso.js');

describe.skipIf(!existsSync(join(ROOT, 'dist/cli.cjs')))('init, built CLI, flags only, no TTY', () => {
  it('writes the golden config and prints the next steps', () => {
    const dir = mkdtempSync(join(tmpdir(), 'init-flags-'));
    copyFileSync(join(ROOT, 'fixtures/demo/values.yaml'), join(dir, 'values.yaml'));
    const r = spawnSync(
      process.execPath,
      [
        BIN,
        'init',
        '--config',
        'values.yaml',
        '--org',
        'acme',
        '--metadata',
        join(ROOT, 'fixtures/metadata/valid/okta-acme.xml'),
        '--now',
        '2026-06-01T00:00:00Z',
      ],
      { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH ?? '' }, timeout: 45_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('polyaxon admin deploy -f values.yaml --check');
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(readFileSync(join(ROOT, 'test/golden/init/values.acme.yaml'), 'utf8'));
    expect(readdirSync(dir)).toEqual(['values.yaml']);
  }, 60_000);

  it('missing flags with stdin left open: one usage error, exit 2, no prompt, no hang', async () => {
    const child = spawn(process.execPath, [BIN, 'init'], {
      cwd: tmpdir(),
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    // stdin stays open: a prompt would wait forever; the hang guard is the test timeout.
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    child.stdin.destroy();
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')[0]).toBe(
      'polyaxon-sso: missing --config, --host, --org, --metadata (no prompts without a terminal or with --yes)',
    );
  }, 60_000);
});
