import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { runCli } from '../support/run-cli.js';

/**
 * Golden output of every lint format for one mixed run: findings in the auth block, a metadata
 * error inside options.xml, a skipped non-Polyaxon YAML file and a missing input (exit 2).
 * Regenerate with UPDATE_GOLDEN=1 after a deliberate change, and review the diff.
 */
const FIX = 'fixtures/configs-lint';
const INPUTS = [`${FIX}/auth-enabled-quoted.yaml`, `${FIX}/metadata-stub.yaml`, `${FIX}/dir`, `${FIX}/missing.yaml`];
const FORMATS = { text: 'txt', json: 'json', github: 'txt', sarif: 'sarif', junit: 'xml' } as const;

describe('lint golden outputs', () => {
  it.each(Object.keys(FORMATS) as (keyof typeof FORMATS)[])('%s', async (format) => {
    const r = await runCli(['lint', ...INPUTS, '--format', format, '--now', '2026-06-01T00:00:00Z']);
    expect(r.code).toBe(2);
    const out = r.stdout.split(VERSION).join('<version>');
    const file = `test/golden/lint/mixed.${format}.${FORMATS[format]}`;
    if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, out);
    expect(out).toBe(readFileSync(file, 'utf8'));
  });
});
