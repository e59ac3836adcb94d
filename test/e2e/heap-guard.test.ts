import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A document too big for the heap fails with exit 2 and a two-line message, never a V8
 * "heap out of memory" crash. A small heap (--max-old-space-size=128) stands in for a huge file.
 */
function bin(args: string[], heapMb: number) {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, 'bin/polyaxon-sso.js', ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '' },
    timeout: 60_000,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!existsSync('dist/cli.cjs'))('heap guard (built bin)', () => {
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'polyaxon-sso-heap-'));
    const entity = '<md:EntityDescriptor entityID="https://idp.example.org/x"><md:Extensions/></md:EntityDescriptor>\n';
    const body = entity.repeat(Math.ceil((6 * 2 ** 20) / entity.length));
    writeFileSync(
      join(dir, 'big.xml'),
      `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n${body}</md:EntitiesDescriptor>\n`,
    );
    writeFileSync(
      join(dir, 'small.xml'),
      `<md:EntitiesDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata">\n${entity}</md:EntitiesDescriptor>\n`,
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a 6 MB document in a 128 MB heap before parsing: exit 2, message and hint, no crash', () => {
    const r = bin(['validate-metadata', join(dir, 'big.xml'), '--json'], 128);
    expect([r.code, r.signal]).toEqual([2, null]);
    // --json: still one document, the error form (schemas/error.schema.json)
    expect(JSON.parse(r.stdout)).toMatchObject({ exitCode: 2, error: { code: 'INPUT_TOO_LARGE' } });
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^polyaxon-sso: /);
    expect(lines[1]).toContain('NODE_OPTIONS=--max-old-space-size=');
    expect(r.stderr).not.toMatch(/FATAL ERROR|internal error/);
  });

  it('the same from stdin', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=128', 'bin/polyaxon-sso.js', 'validate-metadata', '-'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' },
      input: '<x/>'.repeat(1_600_000),
      timeout: 60_000,
    });
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(2);
  });

  it('a document that fits is checked as usual in the same heap', () => {
    const r = bin(['validate-metadata', join(dir, 'small.xml'), '--json'], 128);
    expect(r.code).toBe(1); // checked: the entity has no IdP descriptor
    expect(JSON.parse(r.stdout).schemaVersion).toBe(1);
  });
});
