import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPython, startPyYaml, type PyYamlReader } from '../support/python.js';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from '../support/guarded-run.js';
import { ENTITY_ID, metadata } from '../support/xml-fixtures.js';
import { TEST_NOW as NOW } from '../support/clock.js';

/**
 * Hostile deployment configs through `lint` and `patch` (docs/design.md §6/§8): the config is
 * YAML 1.1 read by PyYAML safe_load. lint reports (exit 1); patch refuses to run (exit 2) and
 * leaves the file byte-identical; what patch writes reads back through PyYAML exactly as meant.
 */
const OKTA_OK = 'externalServices:\n  auth:\n    okta:\n      enabled: false\n';

// One python process for the whole file (JSON lines), not one per case.
const HAS_PYYAML = findPython() !== null;
let py: PyYamlReader | null = null;
beforeAll(() => {
  py = startPyYaml();
});
afterAll(() => py?.close());

/** What Polyaxon would see: PyYAML safe_load of the file (the auth keys and the okta block). */
async function pyyamlLoad(file: string): Promise<{ authKeys: string[]; okta: { enabled: unknown; options: { xml: unknown } } }> {
  const [r] = await (py as PyYamlReader).load([readFileSync(file, 'utf8')]);
  if (!r?.ok) throw new Error(`PyYAML cannot read ${file}: ${r?.error}`);
  const o = r.okta;
  return {
    authKeys: r.authKeys ?? [],
    okta: o?.map ? { enabled: o.enabled, options: { xml: o.xml } } : { enabled: undefined, options: { xml: undefined } },
  };
}

async function both(yaml: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'values.yaml'), yaml);
  writeFileSync(join(dir, 'idp.xml'), metadata());
  const before = snapshotDir(dir);
  const lint = await runGuarded(['lint', 'values.yaml', '--json', '--now', NOW], { cwd: dir });
  expectUnchanged(before, snapshotDir(dir));
  const patch = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });
  expect(lint.requests).toEqual([]);
  expect(patch.requests).toEqual([]);
  return { dir, before, lint: { ...lint, codes: findingCodes(lint.json) }, patch };
}

const bomb = (target: string) =>
  `a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n${Array.from({ length: 8 }, (_, i) => {
    const n = String.fromCharCode(98 + i);
    return `${n}: &${n} [${Array(9)
      .fill(`*${String.fromCharCode(97 + i)}`)
      .join(',')}]\n`;
  }).join('')}externalServices:\n  auth:\n    okta:\n      enabled: ${target}\n`;

describe('YAML: hostile configs are reported by lint and refused by patch (nothing written)', () => {
  it.each([
    ['alias bomb (9^9 expansion) reaching the okta block', bomb('*i'), 'AUTH_ENABLED_NOT_BOOL', 'PATCH_ALIAS'],
    [
      'custom tag !!python/object/apply in the okta block',
      `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: !!python/object/apply:os.system ["id"]\n`,
      'OKTA_XML_NOT_STRING',
      'PATCH_CUSTOM_TAG',
    ],
    [
      'duplicate keys',
      'externalServices:\n  auth:\n    okta:\n      enabled: false\n      enabled: true\n',
      'YAML_DUPLICATE_KEY',
      'PATCH_DUPLICATE_KEY',
    ],
    ['duplicate top-level keys', `${OKTA_OK}externalServices: {}\n`, 'YAML_DUPLICATE_KEY', 'PATCH_DUPLICATE_KEY'],
    ['multi-document', `hostName: polyaxon.acme.com\n---\n${OKTA_OK}`, 'YAML_MULTI_DOCUMENT', 'PATCH_MULTI_DOCUMENT'],
    ['10 000-deep flow nesting', `x: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n${OKTA_OK}`, 'YAML_SYNTAX', 'PATCH_NOT_YAML'],
  ])('%s → lint %s (exit 1), patch %s (exit 2)', async (_n, yaml, lintCode, patchCode) => {
    const r = await both(yaml);
    expect(r.lint.code).toBe(1);
    expect(r.lint.codes).toContain(lintCode);
    expect({ code: r.patch.code, errorCode: r.patch.errorCode }).toEqual({ code: 2, errorCode: patchCode });
    expectUnchanged(r.before, snapshotDir(r.dir));
  });

  it.each([
    ['!!python/object/apply outside the okta block', 'x: !!python/object/apply:os.system ["id"]\n', [1, 4]],
    ['a local custom tag', 'hostName: !host polyaxon.acme.com\n', [1, 11]],
  ])('%s: lint YAML_UNSAFE_TAG (PyYAML safe_load would refuse the file)', async (_n, head, [line, column]) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), `${head}${OKTA_OK}`);
    const before = snapshotDir(dir);
    const r = await runGuarded(['lint', 'values.yaml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(1);
    const f = (r.json as { files: { findings: { code: string; location: { line: number; column: number } }[] }[] }).files[0]?.findings.find(
      (x) => x.code === 'YAML_UNSAFE_TAG',
    );
    expect(f?.location).toMatchObject({ line, column });
    expectUnchanged(before, snapshotDir(dir));
  });

  it('__proto__ / constructor keys: lint flags unknown providers, nothing is polluted, patch keeps them', async () => {
    const yaml =
      '__proto__:\n  polluted: true\nexternalServices:\n  auth:\n    __proto__:\n      enabled: true\n    constructor:\n      enabled: true\n';
    const r = await both(yaml);
    expect(r.lint.code).toBe(1);
    expect(r.lint.codes.filter((c) => c === 'AUTH_UNKNOWN_PROVIDER')).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    expect(r.patch.code).toBe(0);
    const text = readFileSync(join(r.dir, 'values.yaml'), 'utf8');
    expect(
      text.startsWith(
        '__proto__:\n  polluted: true\nexternalServices:\n  auth:\n    __proto__:\n      enabled: true\n    constructor:\n      enabled: true\n',
      ),
    ).toBe(true);
    if (HAS_PYYAML) expect((await pyyamlLoad(join(r.dir, 'values.yaml'))).authKeys).toEqual(['__proto__', 'constructor', 'okta']);
  });
});

describe.skipIf(!HAS_PYYAML)('YAML: what patch writes reads back through PyYAML exactly (YAML 1.1 traps)', () => {
  const traps = [
    'yes',
    'on',
    'NO',
    'off',
    '1:20',
    '2001-12-14',
    '=',
    '<<',
    '~',
    'null',
    '0012',
    '1e3',
    '0x1F',
    '# not a comment',
    'key: value',
    '&a',
    '*a',
    "'single'",
    '"double"',
    '---',
    '...',
    '%YAML 1.1',
    '- item',
    '? q',
    '| block',
    '> folded',
    '@',
    '`',
    '\t tab',
  ];

  it.each(traps)('a metadata line reading %j survives the round trip', async (trap) => {
    const xml = metadata({
      rootFirst: `<md:Extensions><x:t xmlns:x="urn:x">\n${trap.replace(/&/g, '&amp;').replace(/</g, '&lt;')}\n</x:t></md:Extensions>`,
    });
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), `# deployment\nhostName: polyaxon.acme.com\n`);
    writeFileSync(join(dir, 'idp.xml'), xml);
    const r = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(0);
    const okta = (await pyyamlLoad(join(dir, 'values.yaml'))).okta;
    expect(okta.enabled).toBe(true);
    expect(okta.options.xml).toBe(xml);
  });

  it('metadata whose first line starts with a space is written with an indentation indicator', async () => {
    const xml = `  ${metadata({ declaration: false })}`;
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    writeFileSync(join(dir, 'idp.xml'), xml);
    const r = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toMatch(/xml: \|2-\n/);
    expect((await pyyamlLoad(join(dir, 'values.yaml'))).okta.options.xml).toBe(xml);
  });

  it('CRLF metadata is stored with LF, and lint then reads the same entityID', async () => {
    const xml = metadata().replace(/></g, '>\r\n<');
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    writeFileSync(join(dir, 'idp.xml'), xml);
    expect((await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--now', NOW], { cwd: dir })).code).toBe(0);
    expect((await pyyamlLoad(join(dir, 'values.yaml'))).okta.options.xml).toBe(xml.replace(/\r\n/g, '\n'));
    const lint = await runGuarded(['lint', 'values.yaml', '--json', '--now', NOW], { cwd: dir });
    expect(lint.code).toBe(0);
    expect(JSON.stringify(lint.json)).toContain(ENTITY_ID);
  });
});

describe('YAML: injection through --host / --org never reaches a config or a URL', () => {
  const injections: [string, string][] = [
    ['newline', 'polyaxon.acme.com\nplatformSecret: x'],
    ['#', 'polyaxon.acme.com#x'],
    [': ', 'polyaxon.acme.com: x'],
    ['double quote', 'polyaxon.acme.com"'],
    ['single quote', "polyaxon.acme.com'"],
    ['&a', '&a'],
    ['*a', '*a'],
  ];

  it.each(injections)('lint --host with %s → HOST_INVALID, exit 2', async (_n, host) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), OKTA_OK);
    const before = snapshotDir(dir);
    const r = await runGuarded(['lint', 'values.yaml', '--host', host, '--json'], { cwd: dir });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'HOST_INVALID' });
    expectUnchanged(before, snapshotDir(dir));
  });

  it.each(injections)('init --yes --org with %s → ORG_INVALID, exit 2, nothing created', async (_n, org) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'idp.xml'), metadata());
    const before = snapshotDir(dir);
    const r = await runGuarded(
      ['init', '--yes', '--config', 'values.yaml', '--host', 'polyaxon.acme.com', '--org', org, '--metadata', 'idp.xml', '--now', NOW],
      { cwd: dir },
    );
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'ORG_INVALID' });
    expect(r.requests).toEqual([]);
    expectUnchanged(before, snapshotDir(dir));
  });

  it.each(injections)('check-response --host with %s → HOST_INVALID, exit 2', async (_n, host) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resp.xml'), '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>');
    writeFileSync(join(dir, 'idp.xml'), metadata());
    const r = await runGuarded(['check-response', 'resp.xml', '--metadata', 'idp.xml', '--host', host, '--org', 'acme', '--json'], {
      cwd: dir,
    });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'HOST_INVALID' });
  });
});

/**
 * Resource use stays near PyYAML's: the built CLI in a child process, so that a hang is cut by the
 * spawn timeout (a hang guard, not a performance assertion). Every command ends with a verdict or
 * a one-line user error, never an "internal error".
 */
describe('YAML: alias bombs and big configs through every command (built CLI, hang guard)', () => {
  const cli = (args: string[], cwd: string) => {
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/polyaxon-sso.js'), ...args], {
      cwd,
      encoding: 'utf8',
      timeout: 15_000,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: r.status, signal: r.signal, out: `${r.stdout}${r.stderr}` };
  };
  // "billion laughs": 10 levels of 10 aliases, 1.5 KB, 10^10 nodes once expanded (PyYAML: 0.1 s)
  const laughs = `l0: &l0 "lol"\n${Array.from({ length: 9 }, (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(',')}]\n`).join('')}`;
  const commands = (dir: string): [string, string[]][] => [
    ['lint', ['lint', 'values.yaml', '--now', NOW]],
    ['patch --dry-run', ['patch', 'values.yaml', '--metadata', 'idp.xml', '--dry-run', '--now', NOW]],
    ['patch --check', ['patch', 'values.yaml', '--metadata', 'idp.xml', '--check', '--now', NOW]],
    ['patch', ['patch', join(dir, 'copy.yaml'), '--metadata', 'idp.xml', '--now', NOW]],
    [
      'init --yes',
      ['init', '--yes', '--config', 'init.yaml', '--host', 'polyaxon.acme.com', '--org', 'acme', '--metadata', 'idp.xml', '--now', NOW],
    ],
    ['urls --config', ['urls', '--config', 'values.yaml', '--org', 'acme']],
    [
      'check-response --config',
      ['check-response', 'idp.xml', '--config', 'values.yaml', '--host', 'polyaxon.acme.com', '--org', 'acme', '--now', NOW],
    ],
  ];

  it.each([
    ['okta outside the bomb', `${laughs}hostName: polyaxon.acme.com\n${OKTA_OK}`],
    ['enabled is the bomb', `${laughs}hostName: polyaxon.acme.com\nexternalServices:\n  auth:\n    okta:\n      enabled: *l9\n`],
  ])('%s: every command ends (no internal error)', (_n, yaml) => {
    expect(yaml.length).toBeLessThan(1600);
    const dir = tempDir();
    for (const name of ['values.yaml', 'copy.yaml', 'init.yaml']) writeFileSync(join(dir, name), yaml);
    writeFileSync(join(dir, 'idp.xml'), metadata());
    for (const [name, args] of commands(dir)) {
      const r = cli(args, dir);
      expect({ name, signal: r.signal, internal: /internal error|at .*\.cjs:\d+/.test(r.out) }).toEqual({
        name,
        signal: null,
        internal: false,
      });
      expect([0, 1, 2], `${name}: ${r.out.slice(0, 300)}`).toContain(r.code);
    }
  });

  it('8 000 aliases of one 1 MB string (PyYAML reads it): lint and patch read it, no YAML finding', () => {
    const dir = tempDir();
    const yaml = `big: &s "${'x'.repeat(1_000_000)}"\nhostName: polyaxon.acme.com\n${OKTA_OK}list:\n${'  - *s\n'.repeat(8000)}`;
    writeFileSync(join(dir, 'values.yaml'), yaml);
    writeFileSync(join(dir, 'idp.xml'), metadata());
    const lint = cli(['lint', 'values.yaml', '--json', '--now', NOW], dir);
    expect(lint.signal).toBeNull();
    expect(lint.out).not.toMatch(/"code": "YAML_/);
    const patch = cli(['patch', 'values.yaml', '--metadata', 'idp.xml', '--now', NOW], dir);
    expect({ code: patch.code, signal: patch.signal }).toEqual({ code: 0, signal: null });
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toContain('enabled: true');
  });

  it('100 000 keys (2.5 MB): lint reads it and reports the one duplicate key at its line', () => {
    const dir = tempDir();
    const keys = Array.from({ length: 100_000 }, (_, i) => `  key${String(i).padStart(6, '0')}: value${String(i).padStart(6, '0')}\n`).join(
      '',
    );
    writeFileSync(join(dir, 'values.yaml'), `hostName: polyaxon.acme.com\n${OKTA_OK}labels:\n${keys}  key000007: again\n`);
    const r = spawnSync(process.execPath, [join(process.cwd(), 'bin/polyaxon-sso.js'), 'lint', 'values.yaml', '--json', '--now', NOW], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.signal).toBeNull();
    const dup = (
      JSON.parse(r.stdout) as { files: { findings: { code: string; location: { line: number } }[] }[] }
    ).files[0]?.findings.filter((f) => f.code === 'YAML_DUPLICATE_KEY');
    expect(dup?.map((f) => f.location.line)).toEqual([100_007]);
  }, 150_000);
});
