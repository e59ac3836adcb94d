import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unifiedDiff } from '../../../src/cli/unified-diff.js';

/** Our diff renderer against GNU `diff -u` (when installed), on the goldens and on edge cases. */
const hasDiff = spawnSync('diff', ['--version']).status === 0;
const gnu = (a: string, b: string): string => {
  const dir = mkdtempSync(join(tmpdir(), 'udiff-'));
  writeFileSync(join(dir, 'a'), a);
  writeFileSync(join(dir, 'b'), b);
  return spawnSync('diff', ['-u', '--label', 'a', '--label', 'b', join(dir, 'a'), join(dir, 'b')], { encoding: 'utf8' }).stdout;
};

describe('unifiedDiff', () => {
  it('is empty for equal texts and shows a hunk header with counts', () => {
    expect(unifiedDiff('a\n', 'a\n', 'a', 'b')).toBe('');
    expect(unifiedDiff('a\nb\n', 'a\nc\n', 'a', 'b')).toBe('--- a\n+++ b\n@@ -1,2 +1,2 @@\n a\n-b\n+c\n');
    expect(unifiedDiff('', 'x\n', 'a', 'b')).toBe('--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n');
  });

  it.skipIf(!hasDiff)('matches GNU diff -u on every golden and on split hunks / missing final newline', () => {
    const dir = join(process.cwd(), 'fixtures', 'configs');
    for (const g of readdirSync(dir).filter((f) => f.endsWith('.expected.yaml'))) {
      const a = readFileSync(join(dir, g.replace(/(\.disable)?\.expected/, '')), 'utf8');
      const b = readFileSync(join(dir, g), 'utf8');
      expect(unifiedDiff(a, b, 'a', 'b'), g).toBe(gnu(a, b));
    }
    const a = `${Array.from({ length: 40 }, (_, i) => `l${i}`).join('\n')}\n`;
    const b = a.replace('l3\n', 'X\n').replace('l10\n', '').replace('l30\n', 'l30\nY\n').replace('l39\n', 'l39');
    expect(unifiedDiff(a, b, 'a', 'b')).toBe(gnu(a, b));
  });
});
