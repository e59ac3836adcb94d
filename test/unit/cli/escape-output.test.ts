import type { KnownCode } from '../../../src/core/finding-codes.js';
/**
 * Input cannot forge output: every text renderer gets hostile values (ESC sequences, C1 CSI,
 * DEL, U+2028, bidi overrides) through entityIDs, NameIDs, attribute values, file names and YAML
 * keys, and the text it prints never holds a raw control character; the escaped form is visible.
 * `--format github` never lets a file name start a workflow command; JSON and SARIF keep the exact
 * value (JSON.stringify escapes it).
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../../../src/cli/escape-terminal.js';
import { renderFindingLines } from '../../../src/cli/render-finding-lines.js';
import { renderFindings } from '../../../src/cli/render-findings.js';
import type { Finding } from '../../../src/core/findings.js';
import { runCli } from '../../support/run-cli.js';
import { ISSUED, SP, makeResponse, metadataXml } from '../../support/make-response.js';

/** Anything a terminal could act on; tab and line feed are the renderers' own layout. */

const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const clean = (s: string) => expect(RAW.exec(s)?.[0]).toBeUndefined();

const ESC = '\u001b[2J\u001b[32mOK';
const CSI = '\u009b31m';
const RLO = 'evil\u202egnp.exe';

describe('escapeForTerminal', () => {
  it('escapes C0, DEL, C1, line separators and bidi controls; keeps every other character', () => {
    expect(escapeForTerminal('a\u001b[31mb')).toBe('a\\x1b[31mb');
    expect(escapeForTerminal('\u0000\u0007\t\n\r\u007f\u0085\u009b')).toBe('\\x00\\x07\\x09\\x0a\\x0d\\x7f\\x85\\x9b');
    expect(escapeForTerminal('\u2028\u2029')).toBe('\\u2028\\u2029');
    const bidi = [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069].map((c) => String.fromCharCode(c)).join('');
    expect(escapeForTerminal(bidi)).toBe('\\u202a\\u202b\\u202c\\u202d\\u202e\\u2066\\u2067\\u2068\\u2069');
    expect(escapeForTerminal('Zoë Ğ 日本 — “x” https://a.b/c?d=e')).toBe('Zoë Ğ 日本 — “x” https://a.b/c?d=e');
    for (let c = 0; c < 0x3000; c++) clean(escapeForTerminal(String.fromCharCode(c)));
  });

  it('the shared finding renderers escape message, hint and file', () => {
    const f: Finding = {
      code: 'X_CODE' as KnownCode,
      severity: 'error',
      message: `entity ${ESC} ${RLO}`,
      hint: `fix ${CSI}\nnext`,
      location: { file: `a${ESC}.yaml`, line: 1, column: 2 },
    };
    for (const out of [renderFindings([f], { color: false }), renderFindingLines([f], false)]) {
      clean(out);
      expect(out).toContain('\\x1b[2J');
      expect(out).toContain('\\u202e');
      expect(out).toContain('\\x9b31m');
      expect(out).toContain('\\x0anext');
    }
  });
});

const dir = mkdtempSync(join(tmpdir(), 'escape-output-'));
const put = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('init next steps: shell words', () => {
  it('a path with control or bidi characters is ANSI-C quoted, and bash reads back the exact name', async () => {
    const { shellWord } = await import('../../../src/core/init/init-result.js');
    const { spawnSync } = await import('node:child_process');
    expect(shellWord('a\u001bb')).toBe("$'a\\x1bb'");
    expect(shellWord("it's\u009b")).toBe("$'it\\'s\\u009b'");
    expect(shellWord("it's")).toBe("'it'\\''s'");
    for (const name of [`v${ESC}.yaml`, `it's ${CSI}`, RLO, 'back\\slash\u2028x', 'plain.yaml']) {
      const word = shellWord(name);
      clean(word);
      const r = spawnSync('bash', ['-c', `printf %s ${word}`], { encoding: 'utf8', env: { LC_ALL: 'C.UTF-8' } });
      expect(r.stdout).toBe(name);
    }
  });
});

describe('check-response text', () => {
  it('NameID, attribute names and values, audience and the file name are escaped', async () => {
    const meta = put('meta.xml', metadataXml());
    const hostile = makeResponse({
      nameId: `jane${CSI}@acme.com\u2028OK`,
      attributes: { email: [`a\u202e@b.c`], [`x\u0085y`]: [`v\u009b2J`, 'w\u2066z'] },
    });
    const file = put(`resp${ESC}.xml`, hostile);
    const r = await runCli(['check-response', file, '--metadata', meta, '--host', SP.host, '--org', SP.org, '--now', ISSUED]);
    clean(r.stdout);
    clean(r.stderr);
    // xmldom reads U+2028 as a line break: either way it must not reach the terminal raw.
    expect(r.stdout).toMatch(/jane\\x9b31m@acme\.com\\(u2028|x0a)OK/);
    // (an attribute's value normalisation turns NEL into a space in xmldom)
    expect(r.stdout).toMatch(/x(\\x85| )y = v\\x9b2J, w\\u2066z/);
    expect(r.stdout).toContain('email = a\\u202e@b.c');
    expect(r.stdout).toContain('resp\\x1b[2J');
    const json = await runCli(['check-response', file, '--metadata', meta, '--host', SP.host, '--org', SP.org, '--now', ISSUED, '--json']);
    expect(JSON.parse(json.stdout).nameId).toMatch(/^jane\u009b31m@acme\.com(\u2028|\n)OK$/);
  });
});

describe('validate-metadata text', () => {
  it('an entityID with an ESC sequence or a bidi override is escaped, the file name too', async () => {
    const entity = `http://www.okta.com/exk1${RLO}${CSI}`;
    const file = put(`md${ESC}.xml`, metadataXml(['okta-like'], entity));
    const r = await runCli(['validate-metadata', file, '--now', ISSUED]);
    clean(r.stdout);
    clean(r.stderr);
    expect(r.stdout).toContain('exk1evil\\u202egnp.exe\\x9b31m');
    const json = await runCli(['validate-metadata', file, '--now', ISSUED, '--json']);
    expect(JSON.parse(json.stdout).entityId).toBe(entity);
  });
});

describe('lint: text, github, junit, sarif', () => {
  const lintDir = join(dir, 'lint');
  mkdirSync(lintDir);
  const names = {
    stop: '::stop-commands::tok.yaml',
    legacy: '##[add-mask]x.yaml',
    esc: `v${ESC}.yaml`,
    key: 'keys.yaml',
  };
  writeFileSync(join(lintDir, names.stop), 'kind: ConfigMap\n'); // skipped: not a Polyaxon config
  writeFileSync(join(lintDir, names.legacy), 'kind: ConfigMap\n');
  writeFileSync(join(lintDir, names.esc), 'externalServices:\n  auth:\n    github:\n      enabled: "false"\n');
  // PyYAML's reader refuses C0/C1 controls in a config (a finding of its own), not bidi controls.
  writeFileSync(join(lintDir, names.key), `externalServices:\n  auth:\n    "okta${RLO}\u2066":\n      enabled: true\n`);
  const missing = join(dir, '::add-mask::secret.yaml');
  const run = (format: string) => runCli(['lint', lintDir, missing, '--format', format]);

  it('text escapes file names and YAML keys', async () => {
    const r = await run('text');
    clean(r.stdout);
    clean(r.stderr);
    expect(r.stdout).toContain('v\\x1b[2J');
    expect(r.stdout).toContain('oktaevil\\u202egnp.exe\\u2066');
  });

  it('github: no file name starts a workflow command, in any line', async () => {
    // Run from inside the directory so that names start the lines as given (no path prefix).
    const r = await runCli(['lint', '.', missing, '--format', 'github'], { cwd: lintDir });
    clean(r.stdout);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    for (const l of lines) {
      const cmd = /^\s*::([a-z-]+)/.exec(l)?.[1];
      if (cmd !== undefined) expect(['error', 'warning', 'notice']).toContain(cmd);
      expect(l).not.toMatch(/^\s*##\[/);
      // The properties (file=…) hold no raw ':' so the command ends where we end it.
      if (cmd !== undefined) expect(/^\s*::[a-z-]+ ([^:]*)::/.exec(l)?.[1]).toMatch(/^file=/);
      else expect(l).not.toMatch(/^\s*::/);
    }
    expect(lines.some((l) => l.includes('%3A%3Astop-commands%3A%3Atok.yaml: skipped'))).toBe(true);
    expect(lines.some((l) => l.includes('%23#[add-mask]x.yaml: skipped'))).toBe(true);
    expect(lines.some((l) => l.startsWith('::error file=') && l.includes('%3A%3Aadd-mask%3A%3Asecret.yaml'))).toBe(true);
  });

  it('an unreadable file whose name holds a line break cannot start a line on stderr either', async () => {
    const r = await runCli(['lint', join(dir, 'x\n::add-mask::secret\n.yaml'), '--format', 'github']);
    expect(r.code).toBe(2);
    clean(r.stderr);
    clean(r.stdout);
    for (const l of `${r.stdout}${r.stderr}`.split('\n')) if (/^\s*::/.test(l)) expect(l).toMatch(/^::error file=[^:]*::/);
  });

  it('junit: escaped for the log, then for XML', async () => {
    const r = await run('junit');
    clean(r.stdout);
    expect(r.stdout).toContain('v\\x1b[2J');
    expect(r.stdout).toContain('oktaevil\\u202egnp.exe\\u2066');
  });

  it('sarif is JSON: exact values, escaped by JSON itself (URIs percent-encoded)', async () => {
    const r = await run('sarif');
    const text = JSON.stringify(JSON.parse(r.stdout));
    expect(text).toContain(`okta${RLO}\u2066`);
  });
});

describe('errors and the other commands', () => {
  it('an error message quoting a hostile path is escaped (exit 2)', async () => {
    for (const argv of [
      ['patch', join(dir, `nope${ESC}.yaml`), '--metadata', join(dir, 'meta.xml')],
      ['urls', '--config', join(dir, `nope${RLO}.yaml`), '--org', 'acme'],
      ['validate-metadata', join(dir, `nope${CSI}.xml`)],
    ]) {
      const r = await runCli(argv);
      expect(r.code).toBe(2);
      clean(r.stderr);
      clean(r.stdout);
    }
  });

  it('patch and init: config paths and the entityID are escaped in what they print', async () => {
    const meta = put('meta-rlo.xml', metadataXml(['okta-like'], `http://www.okta.com/exk1${RLO}`));
    const config = join(dir, `values${ESC}.yaml`);
    const first = await runCli(['patch', config, '--metadata', meta, '--create', '--now', ISSUED]);
    const again = await runCli(['patch', config, '--metadata', meta, '--now', ISSUED]);
    for (const r of [first, again]) {
      expect(r.code).toBe(0);
      clean(r.stdout);
      clean(r.stderr);
    }
    expect(first.stdout).toContain('values\\x1b[2J');
    expect(again.stdout).toContain('exk1evil\\u202egnp.exe');
    const initConfig = join(dir, `init${CSI}.yaml`);
    const init = await runCli([
      'init',
      '--config',
      initConfig,
      '--host',
      SP.host,
      '--org',
      SP.org,
      '--metadata',
      meta,
      '--yes',
      '--create',
      '--now',
      ISSUED,
    ]);
    expect([init.code, init.stderr]).toEqual([0, '']);
    clean(init.stdout);
    clean(init.stderr);
  });

  it('urls --format terraform and text: a hostile --groups-filter or --label is escaped', async () => {
    for (const format of ['terraform', 'text']) {
      const r = await runCli([
        'urls',
        '--host',
        'polyaxon.acme.com',
        '--org',
        'acme',
        '--groups-filter',
        `^ml\u001bx\u2028${RLO}`,
        '--label',
        `Poly${CSI}`,
        '--format',
        format,
      ]);
      expect([format, r.code]).toEqual([format, 0]);
      clean(r.stdout);
      clean(r.stderr);
    }
  });

  it('urls text from a config whose host key holds hostile text stays clean', async () => {
    const cfg = put('host.yaml', `hostName: "polyaxon.acme.com${ESC}"\n`);
    const r = await runCli(['urls', '--config', cfg, '--org', 'acme']);
    clean(r.stdout);
    clean(r.stderr);
    expect(readFileSync(cfg, 'utf8')).toContain('\u001b');
  });
});
