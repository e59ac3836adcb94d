import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The built CLI's lazily loaded files: `urls --config` reads dist/lazy/host-from-config.js,
 * a separate bundle, whose errors must still be usage/input errors (exit 2, one line), not bugs.
 */
function bin(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/polyaxon-sso.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync('dist/cli.cjs'))('lazily loaded files of the built bin', () => {
  it('urls --config takes the host from the config', () => {
    const r = bin(['urls', '--config', 'fixtures/configs/bom.yaml', '--org', 'acme', '--json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(JSON.parse(r.stdout)).toMatchObject({
      schemaVersion: 1,
      host: 'polyaxon.acme.com',
      hostSource: 'hostName in fixtures/configs/bom.yaml',
    });
  });

  it('an error thrown in the lazy file is an input error: exit 2, one line, no internal error', () => {
    const r = bin(['urls', '--config', 'fixtures/configs/no-such-file.yaml', '--org', 'acme']);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.trimEnd().split('\n')).toEqual([
      'polyaxon-sso: config file not found: fixtures/configs/no-such-file.yaml',
      '  hint: Check the path.',
    ]);
    expect(r.stderr).not.toContain('internal error');
  });
});
