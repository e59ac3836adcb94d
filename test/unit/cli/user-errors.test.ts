import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../support/run-cli.js';
import { NOW_ARGS as NOW } from '../../support/clock.js';

/**
 * Every user error (exit 2) is one line and a hint line (docs/design.md: "User errors: one line +
 * a hint"), on stderr, and with --json the same two in the error document. The table enumerates
 * the usage and input errors of every command, commander's own included.
 */
const META = 'fixtures/metadata/valid/okta-acme.xml';
const CONFIG = 'fixtures/demo/values.yaml';
const dir = mkdtempSync(join(tmpdir(), 'polyaxon-sso-usage-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const missing = join(dir, 'missing.xml');

const CASES: [string, string[], RegExp][] = [
  // urls
  ['urls: missing --org', ['urls', '--host', 'polyaxon.acme.com'], /missing --org/],
  ['urls: missing --host', ['urls', '--org', 'acme'], /missing --host/],
  ['urls: bad --host', ['urls', '--host', 'evil.com/x', '--org', 'acme'], /--host/],
  ['urls: bad --org', ['urls', '--host', 'polyaxon.acme.com', '--org', '../x'], /--org/],
  ['urls: --config is a directory', ['urls', '--config', 'fixtures', '--org', 'acme'], /is a directory/],
  ['urls: unknown option', ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--fromat', 'json'], /unknown option '--fromat'/],
  ['urls: --format not a choice', ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--format', 'xml'], /'xml' is invalid/],
  [
    'urls: --json with --format terraform',
    ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json', '--format', 'terraform'],
    /disagree/,
  ],
  ['urls: bad --groups-filter', ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--groups-filter', '(['], /--groups-filter/],
  ['urls: bad --attr-email', ['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--attr-email', 'a b'], /--attr-email/],
  // validate-metadata
  ['validate-metadata: missing file', ['validate-metadata', missing], /not found/],
  ['validate-metadata: a directory', ['validate-metadata', 'fixtures'], /is a directory/],
  ['validate-metadata: missing argument', ['validate-metadata'], /missing required argument/],
  ['validate-metadata: bad --now', ['validate-metadata', META, '--now', 'yesterday'], /--now/],
  ['validate-metadata: bad --min-days', ['validate-metadata', META, '--min-days', 'x'], /--min-days/],
  ['validate-metadata: bad --max-size', ['validate-metadata', META, '--max-size', '0'], /--max-size/],
  ['validate-metadata: bad --fingerprint', ['validate-metadata', META, '--fingerprint', 'zz'], /not a fingerprint/],
  ['validate-metadata: http URL', ['validate-metadata', 'http://acme.okta.com/metadata'], /only https/],
  ['validate-metadata: --signer-cert not PEM', ['validate-metadata', META, '--signer-cert', META], /no PEM certificate/],
  ['validate-metadata: too many arguments', ['validate-metadata', META, META], /too many arguments/],
  // patch
  ['patch: missing --metadata', ['patch', CONFIG], /missing --metadata/],
  ['patch: missing config', ['patch', join(dir, 'none.yaml'), '--metadata', META], /not found/],
  ['patch: config is a directory', ['patch', 'fixtures', '--metadata', META], /directory/],
  ['patch: missing metadata file', ['patch', CONFIG, '--metadata', missing, '--diff'], /not found/],
  ['patch: --backup with --output', ['patch', CONFIG, '--metadata', META, '--backup', '--output', join(dir, 'o.yaml')], /--backup/],
  ['patch: --output - with --json', ['patch', CONFIG, '--metadata', META, '--output', '-', '--json'], /both want stdout/],
  ['patch: bad --now', ['patch', CONFIG, '--metadata', META, '--now', 'soon', '--diff'], /--now/],
  ['patch: --metadata without value', ['patch', CONFIG, '--metadata'], /argument missing/],
  ['patch: unknown option', ['patch', CONFIG, '--metdata', META], /unknown option '--metdata'/],
  // lint
  ['lint: bad --now', ['lint', CONFIG, '--now', 'x'], /--now/],
  ['lint: bad --max-warnings', ['lint', CONFIG, '--max-warnings', '-1'], /--max-warnings/],
  ['lint: bad --fingerprint', ['lint', CONFIG, '--fingerprint', '12'], /not a fingerprint/],
  ['lint: bad --host', ['lint', CONFIG, '--host', 'a b'], /--host/],
  ['lint: --json with --format sarif', ['lint', CONFIG, '--format', 'sarif', '--json'], /disagree/],
  ['lint: no inputs', ['lint'], /missing required argument/],
  ['lint: missing input', ['lint', missing], /not found/],
  // init (scripted: no terminal)
  ['init: missing flags', ['init', '--yes'], /missing/],
  ['init: bad --org', ['init', '--org', 'a/b', '--yes'], /--org/],
  ['init: bad --now', ['init', '--now', 'x', '--yes'], /--now/],
  ['init: bad --fingerprint', ['init', '--fingerprint', 'x', '--yes'], /not a fingerprint/],
  ['init: bad --max-size', ['init', '--max-size', 'big', '--yes'], /--max-size/],
  // check-response
  ['check-response: no trust source', ['check-response', META, '--host', 'polyaxon.acme.com', '--org', 'acme'], /no trust source/],
  ['check-response: missing --host', ['check-response', META, '--metadata', META, '--org', 'acme'], /missing --host/],
  ['check-response: missing --org', ['check-response', META, '--metadata', META, '--host', 'polyaxon.acme.com'], /missing --org/],
  [
    'check-response: missing response',
    ['check-response', missing, '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
    /not found/,
  ],
  [
    'check-response: a directory',
    ['check-response', 'fixtures', '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', ...NOW],
    /is a directory/,
  ],
  [
    'check-response: bad --clock-skew',
    ['check-response', META, '--metadata', META, '--host', 'polyaxon.acme.com', '--org', 'acme', '--clock-skew', 'x'],
    /--clock-skew/,
  ],
  // the program itself
  ['unknown command', ['valdate-metadata', META], /unknown command/],
  ['no command', [], /no command given/],
];

const GENERIC = /^Run 'polyaxon-sso [a-z-]+ --help' for its options and examples\.$/;
/** These used to have no hint at all; they get one that says what to do, not only "see --help". */
const SPECIFIC = new Set([
  'urls: missing --org',
  'urls: missing --host',
  'urls: --config is a directory',
  'validate-metadata: a directory',
  'check-response: a directory',
  'patch: --output - with --json',
  'validate-metadata: bad --max-size',
  'lint: bad --max-warnings',
]);

describe('every user error: one line and a hint (exit 2)', () => {
  it.each(CASES)('%s', async (name, args, message) => {
    const r = await runCli(args, { cwd: process.cwd() });
    expect(r.code).toBe(2);
    // With no command at all, the usage comes first (commander's help, on stderr).
    const last = name === 'no command' ? r.stderr.slice(r.stderr.lastIndexOf('\npolyaxon-sso: ') + 1) : r.stderr;
    expect(last).toMatch(/^polyaxon-sso: [^\n]+\n {2}hint: [^\n]+\n$/);
    expect(last.split('\n')[0]).toMatch(message);
    const hint = /hint: ([^\n]+)/.exec(last)?.[1] ?? '';
    if (SPECIFIC.has(name)) expect(hint).not.toMatch(GENERIC);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    // The same two lines in the --json error document (the run-cli helper also checks the schema).
    // --json right after the command: an option that wants a value must not swallow it.
    const j = await runCli(args.length === 0 ? ['--json'] : [args[0] as string, '--json', ...args.slice(1)], { cwd: process.cwd() });
    expect(j.code).toBe(2);
    const doc = JSON.parse(j.stdout) as { exitCode: number; error: { code: string; message: string; hint: string } };
    expect(doc.exitCode).toBe(2);
    expect(doc.error.code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    if (args.length === 0) return; // `polyaxon-sso --json` alone: --json is no root option (UNKNOWN_OPTION)
    expect(doc.error.message).toMatch(message);
    expect(doc.error.hint).toBe(hint);
  });

  it("commander's did-you-mean goes into the hint", async () => {
    const r = await runCli(['urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--fromat', 'json']);
    expect(r.stderr).toBe(
      "polyaxon-sso: unknown option '--fromat'\n  hint: Did you mean --format? Run 'polyaxon-sso urls --help' for its options and examples.\n",
    );
    const c = await runCli(['valdate-metadata', META, '--json']);
    expect(JSON.parse(c.stdout).error).toEqual({
      code: 'UNKNOWN_COMMAND',
      message: "unknown command 'valdate-metadata'",
      hint: "Did you mean validate-metadata? Run 'polyaxon-sso --help' for the commands; 'polyaxon-sso init' is the place to start.",
    });
  });
});
