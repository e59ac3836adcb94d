import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir } from './helpers.js';
import { ENTITY_ID, metadata } from './xml-fixtures.js';

/**
 * Hostile deployment configs through `lint` and `patch` (issue 8, DESIGN.md §6/§8): the config is
 * YAML 1.1 read by PyYAML safe_load. lint reports (exit 1); patch refuses to run (exit 2) and
 * leaves the file byte-identical; what patch writes reads back through PyYAML exactly as meant.
 */
const NOW = '2026-06-01T00:00:00Z';
const OKTA_OK = 'externalServices:\n  auth:\n    okta:\n      enabled: false\n';

function pyyamlAvailable(): boolean {
  try {
    execFileSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const HAS_PYYAML = pyyamlAvailable();

/** What Polyaxon would see: PyYAML safe_load of the file, as JSON. */
function pyyamlLoad(file: string): { auth: Record<string, unknown>; okta: { enabled: unknown; options: { xml: unknown } } } {
  const out = execFileSync('python3', ['-c', 'import json,sys,yaml; d=yaml.safe_load(open(sys.argv[1],encoding="utf-8")); a=d["externalServices"]["auth"]; print(json.dumps({"auth": {k: None for k in a}, "okta": a["okta"]}))', file]);
  return JSON.parse(out.toString('utf8'));
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
    return `${n}: &${n} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]\n`;
  }).join('')}externalServices:\n  auth:\n    okta:\n      enabled: ${target}\n`;

describe('YAML: hostile configs are reported by lint and refused by patch (nothing written)', () => {
  it.each([
    ['alias bomb (9^9 expansion) reaching the okta block', bomb('*i'), 'AUTH_ENABLED_NOT_BOOL', 'PATCH_ALIAS'],
    ['custom tag !!python/object/apply in the okta block', `externalServices:\n  auth:\n    okta:\n      enabled: true\n      options:\n        xml: !!python/object/apply:os.system ["id"]\n`, 'OKTA_XML_NOT_STRING', 'PATCH_CUSTOM_TAG'],
    ['duplicate keys', 'externalServices:\n  auth:\n    okta:\n      enabled: false\n      enabled: true\n', 'YAML_DUPLICATE_KEY', 'PATCH_DUPLICATE_KEY'],
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
    const f = (r.json as { files: { findings: { code: string; location: { line: number; column: number } }[] }[] }).files[0]?.findings.find((x) => x.code === 'YAML_UNSAFE_TAG');
    expect(f?.location).toMatchObject({ line, column });
    expectUnchanged(before, snapshotDir(dir));
  });

  it('__proto__ / constructor keys: lint flags unknown providers, nothing is polluted, patch keeps them', async () => {
    const yaml = '__proto__:\n  polluted: true\nexternalServices:\n  auth:\n    __proto__:\n      enabled: true\n    constructor:\n      enabled: true\n';
    const r = await both(yaml);
    expect(r.lint.code).toBe(1);
    expect(r.lint.codes.filter((c) => c === 'AUTH_UNKNOWN_PROVIDER')).toHaveLength(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).enabled).toBeUndefined();
    expect(r.patch.code).toBe(0);
    const text = readFileSync(join(r.dir, 'values.yaml'), 'utf8');
    expect(text.startsWith('__proto__:\n  polluted: true\nexternalServices:\n  auth:\n    __proto__:\n      enabled: true\n    constructor:\n      enabled: true\n')).toBe(true);
    if (HAS_PYYAML) expect(Object.keys(pyyamlLoad(join(r.dir, 'values.yaml')).auth)).toEqual(['__proto__', 'constructor', 'okta']);
  });
});

describe.skipIf(!HAS_PYYAML)('YAML: what patch writes reads back through PyYAML exactly (YAML 1.1 traps)', () => {
  const traps = ['yes', 'on', 'NO', 'off', '1:20', '2001-12-14', '=', '<<', '~', 'null', '0012', '1e3', '0x1F', '# not a comment', 'key: value', '&a', '*a', "'single'", '"double"', '---', '...', '%YAML 1.1', '- item', '? q', '| block', '> folded', '@', '`', '\t tab'];

  it.each(traps)('a metadata line reading %j survives the round trip', async (trap) => {
    const xml = metadata({ rootFirst: `<md:Extensions><x:t xmlns:x="urn:x">\n${trap.replace(/&/g, '&amp;').replace(/</g, '&lt;')}\n</x:t></md:Extensions>` });
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), `# deployment\nhostName: polyaxon.acme.com\n`);
    writeFileSync(join(dir, 'idp.xml'), xml);
    const r = await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--json', '--now', NOW], { cwd: dir });
    expect(r.code).toBe(0);
    const okta = pyyamlLoad(join(dir, 'values.yaml')).okta;
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
    expect(pyyamlLoad(join(dir, 'values.yaml')).okta.options.xml).toBe(xml);
  });

  it('CRLF metadata is stored with LF, and lint then reads the same entityID', async () => {
    const xml = metadata().replace(/></g, '>\r\n<');
    const dir = tempDir();
    writeFileSync(join(dir, 'values.yaml'), 'hostName: polyaxon.acme.com\n');
    writeFileSync(join(dir, 'idp.xml'), xml);
    expect((await runGuarded(['patch', 'values.yaml', '--metadata', 'idp.xml', '--now', NOW], { cwd: dir })).code).toBe(0);
    expect(pyyamlLoad(join(dir, 'values.yaml')).okta.options.xml).toBe(xml.replace(/\r\n/g, '\n'));
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
    const r = await runGuarded(['init', '--yes', '--config', 'values.yaml', '--host', 'polyaxon.acme.com', '--org', org, '--metadata', 'idp.xml', '--now', NOW], { cwd: dir });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'ORG_INVALID' });
    expect(r.requests).toEqual([]);
    expectUnchanged(before, snapshotDir(dir));
  });

  it.each(injections)('check-response --host with %s → HOST_INVALID, exit 2', async (_n, host) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'resp.xml'), '<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol"/>');
    writeFileSync(join(dir, 'idp.xml'), metadata());
    const r = await runGuarded(['check-response', 'resp.xml', '--metadata', 'idp.xml', '--host', host, '--org', 'acme', '--json'], { cwd: dir });
    expect({ code: r.code, errorCode: r.errorCode }).toEqual({ code: 2, errorCode: 'HOST_INVALID' });
  });
});
