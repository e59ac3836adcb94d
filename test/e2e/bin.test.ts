import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { asksJson } from '../../src/cli/error-envelope.js';
import { checkJsonRun } from '../support/expect-matches-schema.js';

/** The built CLI as users run it (npm test builds first). */
function bin(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['bin/polyaxon-sso.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', ...env },
    timeout: 15_000,
  });
  // the built CLI's --json documents match their schemas too (exit code included)
  if (asksJson(args) && r.status !== null) checkJsonRun(args, r.status, r.stdout);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync('dist/cli.cjs'))('built bin/polyaxon-sso.js', () => {
  it('--version', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(bin(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('--help shows the exit codes', () => {
    const r = bin(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('2    could not run');
  });

  it.each([
    ['text', 'acme.txt', []],
    ['json', 'acme.json', ['--json']],
    ['terraform', 'acme.tf', ['--format', 'terraform']],
  ])('urls as %s matches the golden output', (_name, file, extra) => {
    const host = file === 'acme.json' ? 'https://polyaxon.acme.com/' : 'polyaxon.acme.com';
    const r = bin(['urls', '--host', host, '--org', 'acme', ...extra]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(`test/golden/urls/${file}`, 'utf8'));
  });

  it('no colour when piped, colour with FORCE_COLOR, none with NO_COLOR', () => {
    expect(bin(['urls', '--host', 'a.example', '--org', 'x']).stdout).not.toContain('\u001b[');
    expect(bin(['urls', '--host', 'a.example', '--org', 'x'], { FORCE_COLOR: '1' }).stdout).toContain('\u001b[');
    expect(bin(['urls', '--host', 'a.example', '--org', 'x'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toContain('\u001b[');
    expect(bin(['urls', '--host', 'a.example', '--org', 'x', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });

  it('a usage error: exit 2, one line and a hint, no stack trace', () => {
    const r = bin(['urls', '--host', 'evil.com/', '--org', '../x']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(/^polyaxon-sso: --org: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('an unknown flag: exit 2 with a usage hint', () => {
    const r = bin(['urls', '--hots', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--hots'");
    expect(r.stderr).toContain('--help');
  });
});
