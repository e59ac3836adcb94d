import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSnapshot, safeWrite } from '../../src/cli/safe-write.js';
import { isOperationalError } from '../../src/core/errors.js';

/**
 * Nothing written by someone else is lost (docs/design.md, "Writing a user's file"). A child
 * process appends numbered lines to the config in a tight loop while the write path of patch
 * (snapshot → new text → safeWrite with the snapshot as `expect`) runs 1,000 times in-process.
 * Before the held descriptor, a line appended between the last check and the rename went into the
 * old inode and was lost about once in 100-150 runs.
 *
 * The verdict does not depend on timing: whatever each run's outcome (written, refused because
 * the file changed, or put back after a lost race), at the end the file must hold every line the
 * appender wrote, once each and in order. How often each outcome happened is only reported.
 */
const RUNS = 1000;

const APPENDER = `
const fs = require('node:fs');
const [file, stop] = process.argv.slice(1);
const nap = new Int32Array(new SharedArrayBuffer(4));
let n = 0;
for (;;) {
  // at most 12,000 lines (about 80 KB): on a loaded machine the runs slow down, and a file that
  // kept growing would make each of them slower still
  if (n >= 12000 || ((n & 63) === 0 && fs.existsSync(stop))) break;
  fs.appendFileSync(file, 'L' + n + '\\n');
  n++;
  // an uneven pause of 0-2 ms: runs fall between two appends, across one, or race one at the rename
  if (n % 3 !== 0) Atomics.wait(nap, 0, 0, ((n * 7919) % 2000) / 1000);
}
process.stdout.write(String(n));
`;

describe('safeWrite under a concurrent appender', () => {
  it(`${RUNS} writes: no appended line is lost`, async () => {
    // tmpfs when there is one: 1,000 fsyncs on a busy disk would make the test slow, not better
    const dir = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'concurrent-append-'));
    const file = join(dir, 'values.yaml');
    const stop = join(dir, 'stop');
    writeFileSync(file, 'okta: A\n');
    const child = spawn(process.execPath, ['-e', APPENDER, file, stop], { stdio: ['ignore', 'pipe', 'inherit'] });
    let count = '';
    child.stdout.on('data', (d: Buffer) => (count += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));

    const outcomes = { written: 0, refused: 0, putBack: 0, other: [] as string[] };
    try {
      while (!readFileSync(file, 'utf8').includes('L0\n')) await new Promise((r) => setTimeout(r, 1));
      for (let i = 0; i < RUNS; i++) {
        const snap = await readSnapshot(file);
        const text = snap.bytes.toString('utf8');
        // patch's plan in miniature: change the first line, keep everything else as read
        const next = text.replace(/^okta: [AB]\n/, (m) => (m === 'okta: A\n' ? 'okta: B\n' : 'okta: A\n'));
        try {
          await safeWrite(file, Buffer.from(next), { expect: snap });
          outcomes.written++;
        } catch (e) {
          if (isOperationalError(e) && e.code === 'WRITE_FILE_CHANGED') {
            if (e.message.includes('put back')) outcomes.putBack++;
            else outcomes.refused++;
          } else outcomes.other.push(String(e));
        }
      }
    } finally {
      writeFileSync(stop, '');
    }
    expect(await exited).toBe(0);
    const appended = Number(count);
    expect(appended).toBeGreaterThan(0);

    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines[0]).toMatch(/^okta: [AB]$/);
    expect(lines.at(-1)).toBe('');
    // every line once; a line that reached a replaced file late is appended, so order may differ there
    const got = lines.slice(1, -1);
    const seen = new Set(got);
    expect(Array.from({ length: appended }, (_, n) => `L${n}`).filter((l) => !seen.has(l))).toEqual([]);
    expect(got.length).toBe(appended); // and none twice
    expect(outcomes.other).toEqual([]);
    // how many runs wrote, were refused or put back depends on timing: reported, never asserted
    // no side file: every race was merged back into the config itself
    expect(readdirSync(dir).sort()).toEqual(['stop', 'values.yaml']);
    console.info(`concurrent appender: ${appended} lines; runs: ${JSON.stringify(outcomes)}`);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000); // a hang guard: about 8 s on an idle 2-core machine
});
