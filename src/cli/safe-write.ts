import { dirname } from 'node:path';
import { inputError } from '../core/errors.js';
import { putBack } from './put-back.js';
import { readAll, replaceFile, writeError } from './replace-file.js';
import { resolveTarget } from './resolve-target.js';
import { cleanStaleTemps } from './stale-temps.js';
import { nodeWriterFs, type ReadHandle, type WriterFs, type WriterStat } from './writer-fs.js';

/**
 * Writing a user's file (docs/design.md §6): temp file in the target's directory, write every byte,
 * fsync, rename, fsync the directory. The mode (and, when allowed, the owner) is kept. A symlink
 * is written through, dangling or not: its target gets the new content and the link stays a link.
 * The backup (`<file>.bak`) goes through the same temp + fsync + rename. If the file changed since
 * it was read (bytes, size or mtime), nothing is written. On any error the temp file is removed
 * and the original is untouched.
 *
 * The file being replaced is held open from before the last check to after the rename: a write
 * another process makes in between lands in the old inode, and is seen there (putBack). A file
 * its owner cannot write (no u+w), or with several hard links (a rename leaves the other names on
 * the old content), is refused unless `force`.
 */
const SETTLE_MS = 10;

export interface Snapshot {
  /** The real path (symlinks resolved) that will be replaced. */
  realPath: string;
  bytes: Buffer;
  size: number;
  mtimeMs: number;
  mode: number;
}

export interface SafeWriteOptions {
  /** What was read; the write is refused if the file no longer matches it ('absent': if it appeared). */
  expect?: Snapshot | 'absent';
  /** Keep the previous content as `<file>.bak` with the same mode. */
  backup?: boolean;
  /**
   * How long the replaced inode is watched after the rename (default 10 ms). A writer that opened
   * the file just before the rename writes into the old inode a moment later (open(2) then
   * write(2), e.g. `echo >>`); waiting this long lets that write land where it is seen.
   */
  settleMs?: number;
  /** Write even when the file is read-only for its owner or has several hard links. */
  force?: boolean;
  fs?: WriterFs;
}

export interface SafeWriteResult {
  path: string;
  backupPath?: string;
  /** Stale temp files of killed runs that were removed. */
  cleaned: string[];
}

export async function readSnapshot(path: string, fs: WriterFs = nodeWriterFs, limit = Infinity): Promise<Snapshot> {
  const realPath = await fs.realpath(path);
  const st = await fs.stat(realPath);
  // Judged before reading: a FIFO would block the read forever, a device never end (ENOTREG is ours).
  if (!st.isFile())
    throw Object.assign(new Error(`${path} is not a regular file`), { code: (st.mode & 0o170000) === 0o040000 ? 'EISDIR' : 'ENOTREG' });
  if (st.size > limit) throw Object.assign(new Error(`${path} is larger than the limit`), { code: 'EFBIG' });
  // A /proc or /sys entry stats as a regular file of size 0 yet yields bytes, some without end.
  if (/^\/(proc|sys)\//.test(realPath)) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTREG' });
  const bytes = await fs.readFile(realPath);
  return { realPath, bytes, size: st.size, mtimeMs: st.mtimeMs, mode: st.mode & 0o7777 };
}

export async function safeWrite(path: string, data: Uint8Array, opts: SafeWriteOptions = {}): Promise<SafeWriteResult> {
  const fs = opts.fs ?? nodeWriterFs;
  const real = await resolveTarget(path, fs).catch((e: unknown) => {
    throw writeError(e, path);
  });
  const cleaned = await cleanStaleTemps(dirname(real), fs);
  const expect = opts.expect;
  const held = expect && expect !== 'absent' ? await fs.openRead(real).catch(() => undefined) : undefined;
  if (expect && expect !== 'absent' && !held) throw changed(path);
  try {
    const current = held ? await held.stat() : await fs.stat(real).catch(() => undefined);
    if (current && !opts.force) refuseUnsafeTarget(current, path);
    const result: SafeWriteResult = { path: real, cleaned };
    let freshBackup: string | undefined;
    if (opts.backup && current) {
      const backupPath = `${real}.bak`;
      // back up what was read and checked, not whatever another writer saved meanwhile
      if (expect) await assertUnchanged(real, expect, held, fs, path);
      const previous = expect && expect !== 'absent' ? expect.bytes : await fs.readFile(real);
      const existed = await fs.stat(backupPath).then(
        () => true,
        () =>
          fs.readlink(backupPath).then(
            () => true,
            () => false,
          ),
      );
      await replaceFile(backupPath, previous, current, fs, `${path}.bak`);
      if (!existed) freshBackup = backupPath;
      result.backupPath = backupPath;
    }
    try {
      await replaceFile(
        real,
        data,
        current,
        fs,
        path,
        expect ? () => assertUnchanged(real, expect, held, fs, path) : undefined,
        expect === 'absent',
      );
      if (held && expect && expect !== 'absent') {
        await settle(opts.settleMs);
        const after = await held.stat();
        // the old inode moved on after the check: another writer's bytes are in it, and only there
        if (after.size !== expect.size || after.mtimeMs !== expect.mtimeMs)
          throw await putBack(real, held, Buffer.from(data), fs, path, () => settle(opts.settleMs));
      }
    } catch (e) {
      // the original (or the other writer's version) is in place, so a backup made by this run only would be a stray copy
      if (freshBackup) await fs.unlink(freshBackup).catch(() => undefined);
      throw e;
    }
    return result;
  } finally {
    await held?.close().catch(() => undefined);
  }
}

function settle(ms = SETTLE_MS): Promise<void> {
  return ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
}

/** Refusals before anything is written; --force overrides both (the mode is kept either way). */
function refuseUnsafeTarget(st: WriterStat, shown: string): void {
  if ((st.mode & 0o200) === 0)
    throw inputError(
      `${shown} is read-only for its owner (mode ${(st.mode & 0o777).toString(8).padStart(4, '0')}); nothing written`,
      'WRITE_FILE_READONLY',
      `Make it writable (chmod u+w ${shown}), or replace it anyway with patch --force (its mode is kept).`,
    );
  if ((st.nlink ?? 1) > 1)
    throw inputError(
      `${shown} has ${st.nlink} hard links: writing replaces it with a new file, and the other names would keep the old content; nothing written`,
      'WRITE_HARD_LINKS',
      'Write it anyway with patch --force (the other links keep the old content), or make the other names symlinks to it (written through).',
    );
}

/**
 * The file is still what was read: same inode at the path, same size, mtime and bytes. Read
 * through the held descriptor, so a write after this check is seen on it after the rename.
 */
async function assertUnchanged(
  target: string,
  expect: Snapshot | 'absent',
  held: ReadHandle | undefined,
  fs: WriterFs,
  shown: string,
): Promise<void> {
  const st = await fs.stat(target).catch(() => undefined);
  if (expect === 'absent') {
    if (st)
      throw inputError(
        `${shown} was created by someone else while this run was writing it; nothing written`,
        'WRITE_FILE_CHANGED',
        'Run again: the file now exists and will be read first.',
      );
    return;
  }
  const mine = held ? await held.stat() : undefined;
  const sameInode = !mine || mine.ino === undefined || st?.ino === undefined || (st.ino === mine.ino && st.dev === mine.dev);
  const bytes = st && sameInode ? await (held ? readAll(held) : fs.readFile(target)).catch(() => undefined) : undefined;
  const now = mine ?? st;
  if (!now || !bytes || now.size !== expect.size || now.mtimeMs !== expect.mtimeMs || !bytes.equals(expect.bytes)) throw changed(shown);
}

function changed(shown: string) {
  return inputError(`${shown} changed since it was read; nothing written`, 'WRITE_FILE_CHANGED', 'Run again on the current file.');
}
