import { existsSync, chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/commands/patch/run.js';
import { planPatch } from '../../src/core/patch/plan-patch.js';
import { corpusPath } from '../support/corpus.js';
import { fakeIo, runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';
import { PATCH_FLAGS } from '../../src/commands/patch/flags.js';
import { flagDefaults } from '../support/flag-defaults.js';

/**
 * Every refusal of patch: exit 2, its stable code, and the file byte-identical afterwards
 * (no temp file left either).
 */
const REFUSE = join(process.cwd(), 'fixtures', 'configs', 'refuse');
// the metadata helper's valid Okta fixture, else a real Okta export from the corpus
const ACME = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');
const METADATA = existsSync(ACME) ? ACME : corpusPath('okta-metadata', 'boot-saml-3-dev2148273-pretty.xml');

const EXPECTED: Record<string, [code: string, line?: number]> = {
  'not-yaml.yaml': ['PATCH_NOT_YAML', 3], // the unclosed { opens on line 3
  'multi-document.yaml': ['PATCH_MULTI_DOCUMENT', 2],
  'duplicate-keys.yaml': ['PATCH_DUPLICATE_KEY', 5],
  'external-services-not-map.yaml': ['PATCH_NOT_A_MAP', 1],
  'auth-is-list.yaml': ['PATCH_NOT_A_MAP', 3],
  'okta-is-string.yaml': ['PATCH_NOT_A_MAP', 3],
  'options-not-map.yaml': ['PATCH_NOT_A_MAP', 5],
  'auth-alias.yaml': ['PATCH_ALIAS', 5],
  'okta-custom-tag.yaml': ['PATCH_CUSTOM_TAG', 3],
  'saml-block.yaml': ['PATCH_SAML_REMOVED', 3],
  'merge-key.yaml': ['PATCH_MERGE_KEY', 6],
  'anchor-shared.yaml': ['PATCH_ANCHOR_SHARED', 3],
  'flow-multiline.yaml': ['PATCH_FLOW_UNSUPPORTED', 2],
  'root-is-list.yaml': ['PATCH_NOT_A_MAP', 1],
};

function tempCopy(name: string): { dir: string; file: string; before: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'patch-refuse-'));
  const file = join(dir, 'values.yaml');
  copyFileSync(join(REFUSE, name), file);
  return { dir, file, before: readFileSync(file) };
}

async function codeOf(args: [string, Record<string, unknown>], cwd: string): Promise<string | undefined> {
  try {
    await run(fakeIo({ cwd, now: NOW }), args[0], { ...flagDefaults(PATCH_FLAGS), ...args[1] });
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('patch refusals: exit 2, stable code, file untouched', () => {
  it('covers every fixture in fixtures/configs/refuse', () => {
    expect(readdirSync(REFUSE).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [name, [code, line]] of Object.entries(EXPECTED)) {
    it(`${name} → ${code}`, async () => {
      const { dir, file, before } = tempCopy(name);
      const mtime = statSync(file).mtimeMs;
      const r = await runCli(['patch', 'values.yaml', '--metadata', METADATA], { cwd: dir, now: NOW });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      if (line !== undefined) expect(r.stderr).toContain(`values.yaml:${line}:`);
      expect(await codeOf(['values.yaml', { metadata: METADATA }], dir)).toBe(code);
      expect(readFileSync(file).equals(before)).toBe(true);
      expect(statSync(file).mtimeMs).toBe(mtime);
      expect(readdirSync(dir)).toEqual(['values.yaml']);
    });
  }

  it('a missing file suggests --create; --create writes a minimal config', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patch-missing-'));
    const r = await runCli(['patch', 'values.yaml', '--metadata', METADATA], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--create');
    expect(await codeOf(['values.yaml', { metadata: METADATA }], dir)).toBe('PATCH_CONFIG_NOT_FOUND');
    expect(readdirSync(dir)).toEqual([]);
    const created = await runCli(['patch', 'values.yaml', '--metadata', METADATA, '--create'], { cwd: dir, now: NOW });
    expect(created.code).toBe(0);
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(
      planPatch('', { mode: 'enable', xml: readFileSync(METADATA, 'utf8') }).text,
    );
  });

  it('an unreadable config (a directory; mode 000 when not root) → PATCH_CONFIG_UNREADABLE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patch-unreadable-'));
    mkdirSync(join(dir, 'values.yaml'));
    expect(await codeOf(['values.yaml', { metadata: METADATA }], dir)).toBe('PATCH_CONFIG_UNREADABLE');
    expect((await runCli(['patch', 'values.yaml', '--metadata', METADATA], { cwd: dir, now: NOW })).code).toBe(2);
    if (process.getuid?.() === 0) return; // root reads mode-000 files
    const { dir: d2, file, before } = tempCopy('okta-is-string.yaml');
    chmodSync(file, 0o000);
    expect(await codeOf(['values.yaml', { metadata: METADATA }], d2)).toBe('PATCH_CONFIG_UNREADABLE');
    chmodSync(file, 0o644);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('a config that is not UTF-8 → PATCH_CONFIG_ENCODING', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'patch-enc-'));
    copyFileSync(join(REFUSE, 'okta-is-string.yaml'), join(dir, 'values.yaml'));
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'values.yaml'), Buffer.from([0x61, 0x3a, 0x20, 0xff, 0xfe, 0x0a]));
    expect(await codeOf(['values.yaml', { metadata: METADATA }], dir)).toBe('PATCH_CONFIG_ENCODING');
  });
});
