import { join } from 'node:path';
import type { WriterFs } from './writer-fs.js';

/**
 * Temp files are named `.<base>.polyaxon-sso-<pid>-<8 hex>.tmp`, in the target's directory (so
 * the final rename stays on one file system, docs/design.md §6). A process killed mid-write leaves one
 * behind; the next run removes those whose pid no longer runs, and nothing else, so they never
 * pile up and a concurrent run's temp file is never touched.
 */
export const TEMP_PATTERN = /^\..+\.polyaxon-sso-(\d+)-[0-9a-f]{8}\.tmp$/;

export function tempName(base: string, pid: number, rand: string): string {
  return `.${base}.polyaxon-sso-${pid}-${rand}.tmp`;
}

export async function cleanStaleTemps(dir: string, fs: WriterFs): Promise<string[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = TEMP_PATTERN.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid === fs.pid || fs.isAlive(pid)) continue;
    try {
      await fs.unlink(join(dir, name));
      removed.push(name);
    } catch {
      // gone already, or not ours to remove: leave it
    }
  }
  return removed;
}
