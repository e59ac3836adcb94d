import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as lib from '../../src/index.js';

describe('library API (src/index.ts)', () => {
  it('exposes the core of every command', () => {
    for (const name of [
      'parseHost',
      'parseOrg',
      'buildSpUrls',
      'buildOktaForm',
      'renderTerraform',
      'parseConfig',
      'inferHost',
      'validateMetadata',
      'parseMetadata',
      'analyzeCertificate',
      'parseFingerprint',
      'planPatch',
      'normalizeStoredXml',
      'lintConfig',
      'checkResponse',
      'decodeInput',
    ])
      expect(typeof (lib as Record<string, unknown>)[name], name).toBe('function');
  });

  it('imports no CLI-only module (commander, chalk, inquirer, the cli/ folder)', () => {
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^(?:import|export)[^'"]*from '([^']+)'/gm)) {
        const spec = m[1] ?? '';
        expect([file, spec]).not.toEqual([file, expect.stringMatching(/^(commander|chalk|@inquirer\/.*)$/)]);
        if (spec.startsWith('.')) {
          const next = new URL(spec.replace(/\.js$/, '.ts'), `file://${process.cwd()}/${file}`).pathname.slice(process.cwd().length + 1);
          expect(next, `${file} imports ${spec}`).not.toMatch(/^src\/(cli|commands)\//);
          visit(next);
        }
      }
    };
    visit('src/index.ts');
    expect(seen.size).toBeGreaterThan(20);
  });
});
