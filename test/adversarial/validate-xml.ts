import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { TEST_NOW } from '../support/clock.js';
import { expectUnchanged, findingCodes, runGuarded, snapshotDir, tempDir, type GuardedResult } from '../support/guarded-run.js';

/** The time every validate-metadata case runs at (fixture certs are valid then). */
export const NOW = TEST_NOW;

/**
 * Runs `validate-metadata idp.xml --json` on `content` in a fresh directory and checks what every
 * adversarial case must hold: no request made, the directory unchanged (bytes, mtime, mode).
 */
export async function validateXml(
  content: string | Buffer,
  extra: string[] = [],
  hangMs?: number,
): Promise<GuardedResult & { codes: string[] }> {
  const dir = tempDir();
  writeFileSync(join(dir, 'idp.xml'), content);
  const before = snapshotDir(dir);
  const r = await runGuarded(['validate-metadata', 'idp.xml', '--json', '--now', NOW, ...extra], {
    cwd: dir,
    ...(hangMs ? { hangMs } : {}),
  });
  expect(r.requests).toEqual([]);
  expectUnchanged(before, snapshotDir(dir));
  return { ...r, codes: findingCodes(r.json?.findings ?? []) };
}
