import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cancelled, usageError } from '../../src/core/errors.js';
import { asksJson, errorDocument, fromOperational } from '../../src/cli/error-envelope.js';
import { runCli } from '../support/run-cli.js';
import { expectMatchesSchema, schemaErrors } from '../support/expect-matches-schema.js';
import { NOW_ARGS as NOW } from '../support/clock.js';

/**
 * The --json contract: one document on stdout for every exit code of every command, matching
 * schemas/<command>.schema.json (runCli validates each --json run; this file adds a matrix).
 */
const META = 'fixtures/metadata/valid/okta-acme.xml';
const COMMANDS = readdirSync('src/commands', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);
const dir = mkdtempSync(join(tmpdir(), 'polyaxon-sso-json-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('schemas/', () => {
  it('every command that takes --json publishes a schema, and each accepts the shared error form', async () => {
    const error = JSON.parse(readFileSync('schemas/error.schema.json', 'utf8')) as { definitions: { error: unknown } };
    for (const name of COMMANDS) {
      const help = await runCli([name, '--help']);
      if (!help.stdout.includes('--json')) continue;
      const schema = JSON.parse(readFileSync(`schemas/${name}.schema.json`, 'utf8')) as { definitions: { error: unknown } };
      expect(schema.definitions.error, name).toEqual(error.definitions.error);
      expect(schemaErrors(name, { schemaVersion: 1, exitCode: 2, error: { code: 'USAGE', message: 'm', hint: 'h' } }), name).toEqual([]);
      expect(schemaErrors(name, { schemaVersion: 1, exitCode: 2, error: { code: 'USAGE', message: 'm' } }), name).not.toEqual([]);
      expect(schemaErrors(name, { schemaVersion: 1, exitCode: 0 }), name).not.toEqual([]);
    }
  });

  it('a cancelled run (130) is the error form too', () => {
    const err = fromOperational(cancelled(), 'init');
    expect(err).toMatchObject({ code: 'CANCELLED', exitCode: 130, hint: expect.any(String) });
    const doc = JSON.parse(errorDocument('init', err!));
    expect(doc).toEqual({
      schemaVersion: 1,
      exitCode: 130,
      error: { code: 'CANCELLED', message: 'cancelled, nothing written', hint: 'Run the command again when ready.' },
    });
    expectMatchesSchema('init', doc);
    expectMatchesSchema(undefined, doc);
  });

  it('a multi-line message keeps its first line as the message, the rest joins the hint', () => {
    const err = fromOperational(usageError('first\nsecond', 'USAGE', 'fix it'), 'urls');
    expect(err).toMatchObject({ message: 'first', hint: 'second fix it' });
  });

  it('asksJson reads --json, --format json and --format=json, not after --', () => {
    expect(asksJson(['urls', '--json'])).toBe(true);
    expect(asksJson(['lint', 'x', '--format', 'json'])).toBe(true);
    expect(asksJson(['lint', 'x', '--format=json'])).toBe(true);
    expect(asksJson(['lint', 'x', '--format', 'sarif'])).toBe(false);
    expect(asksJson(['lint', '--', '--json'])).toBe(false);
  });
});

describe('one document for every exit code', () => {
  const config = (): string => {
    const p = join(dir, `values-${Math.random().toString(36).slice(2)}.yaml`);
    copyFileSync('fixtures/demo/values.yaml', p);
    return p;
  };
  it.each<[string, () => string[], number]>([
    ['urls ok', () => ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json'], 0],
    [
      'urls --format json, host from config',
      () => ['urls', '--config', 'fixtures/demo/values.yaml', '--org', 'acme', '--format', 'json'],
      0,
    ],
    ['urls usage', () => ['urls', '--json'], 2],
    ['validate-metadata ok', () => ['validate-metadata', META, '--json', ...NOW], 0],
    ['validate-metadata findings', () => ['validate-metadata', 'fixtures/metadata/invalid/truncated.xml', '--json', ...NOW], 1],
    ['validate-metadata could not read', () => ['validate-metadata', join(dir, 'none.xml'), '--json'], 2],
    ['patch --diff', () => ['patch', config(), '--metadata', META, '--diff', '--json', ...NOW], 0],
    ['patch --check pending', () => ['patch', config(), '--metadata', META, '--check', '--json', ...NOW], 1],
    ['patch write', () => ['patch', config(), '--metadata', META, '--json', ...NOW], 0],
    ['patch metadata with errors', () => ['patch', config(), '--metadata', 'fixtures/metadata/invalid/truncated.xml', '--json', ...NOW], 1],
    ['patch --output - --json', () => ['patch', config(), '--metadata', META, '--output', '-', '--json'], 2],
    ['lint clean', () => ['lint', 'fixtures/configs-lint/clean.yaml', '--json', ...NOW], 0],
    ['lint findings', () => ['lint', 'fixtures/configs-lint/auth-enabled-quoted.yaml', '--format', 'json', ...NOW], 1],
    ['lint unreadable input', () => ['lint', 'fixtures/configs-lint/clean.yaml', join(dir, 'none.yaml'), '--json', ...NOW], 2],
    ['lint usage', () => ['lint', 'x.yaml', '--json', '--max-warnings', 'many'], 2],
    ['init scripted', () => ['init', '--config', config(), '--org', 'acme', '--metadata', META, '--yes', '--json', ...NOW], 0],
    [
      'init bad metadata',
      () => [
        'init',
        '--config',
        config(),
        '--org',
        'acme',
        '--metadata',
        'fixtures/metadata/invalid/truncated.xml',
        '--yes',
        '--json',
        ...NOW,
      ],
      1,
    ],
    ['init missing flags', () => ['init', '--yes', '--json'], 2],
    [
      'check-response findings (metadata is no response)',
      () => ['check-response', META, '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', '--json', ...NOW],
      1,
    ],
    [
      'check-response could not read',
      () => ['check-response', join(dir, 'none.xml'), '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', '--json', ...NOW],
      2,
    ],
    ['check-response usage', () => ['check-response', META, '--json'], 2],
    ['unknown option', () => ['validate-metadata', META, '--jsn', '--json'], 2],
    ['unknown command', () => ['nope', '--json'], 2],
  ])('%s', async (_name, args, code) => {
    const r = await runCli(args());
    expect(r.code, r.stderr).toBe(code);
    const doc = JSON.parse(r.stdout) as { exitCode: number; error?: { hint: string } };
    expect(doc.exitCode).toBe(code);
    if (code === 2) expect(doc.error?.hint).toMatch(/\S/);
  });
});
