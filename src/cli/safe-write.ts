import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { inputError, isOperationalError, type OperationalError } from '../core/errors.js';
import { resolveTarget } from './resolve-target.js';
import { cleanStaleTemps, tempName } from './stale-temps.js';
import { errnoOf, nodeWriterFs, type WriterFs, type WriterHandle, type WriterStat } from './writer-fs.js';

/**
 * Writing a user's file (DESIGN.md §6): temp file in the target's directory, write every byte,
 * fsync, rename, fsync the directory. The mode (and, when allowed, the owner) is kept. A symlink
 * is written through, dangling or not: its target gets the new content and the link stays a link.
 * The backup (`<file>.bak`) goes through the same temp + fsync + rename. If the file changed since
 * it was read (bytes, size or mtime), nothing is written. On any error the temp file is removed
 * and the original is untouched.
 */
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
  fs?: WriterFs;
}

export interface SafeWriteResult {
  path: string;
  backupPath?: string;
  /** Stale temp files of killed runs that were removed. */
  cleaned: string[];
}

export async function readSnapshot(path: string, fs: WriterFs = nodeWriterFs): Promise<Snapshot> {
  const realPath = await fs.realpath(path);
  const st = await fs.stat(realPath);
  const bytes = await fs.readFile(realPath);
  return { realPath, bytes, size: st.size, mtimeMs: st.mtimeMs, mode: st.mode & 0o7777 };
}

export async function safeWrite(path: string, data: Uint8Array, opts: SafeWriteOptions = {}): Promise<SafeWriteResult> {
  const fs = opts.fs ?? nodeWriterFs;
  const real = await resolveTarget(path, fs).catch((e: unknown) => {
    throw writeError(e, path);
  });
  const dir = dirname(real);
  const cleaned = await cleanStaleTemps(dir, fs);
  const current = await fs.stat(real).catch(() => undefined);
  const result: SafeWriteResult = { path: real, cleaned };
  let freshBackup: string | undefined;
  if (opts.backup && current) {
    const backupPath = `${real}.bak`;
    // back up what was read and checked, not whatever another writer saved meanwhile
    if (opts.expect) await assertUnchanged(real, opts.expect, fs, path);
    const previous = opts.expect && opts.expect !== 'absent' ? opts.expect.bytes : await fs.readFile(real);
    const existed = await fs.stat(backupPath).then(() => true, () => fs.readlink(backupPath).then(() => true, () => false));
    await replaceFile(backupPath, previous, current, fs, `${path}.bak`);
    if (!existed) freshBackup = backupPath;
    result.backupPath = backupPath;
  }
  try {
    await replaceFile(real, data, current, fs, path, opts.expect);
  } catch (e) {
    // the original is intact, so a backup made by this run only would be a stray copy of it
    if (freshBackup) await fs.unlink(freshBackup).catch(() => undefined);
    throw e;
  }
  return result;
}

async function replaceFile(target: string, data: Uint8Array, like: WriterStat | undefined, fs: WriterFs, shown: string, expect?: Snapshot | 'absent'): Promise<void> {
  const tmp = join(dirname(target), tempName(basename(target), fs.pid, randomBytes(4).toString('hex')));
  let handle;
  try {
    handle = await fs.open(tmp, 'wx', like ? like.mode & 0o7777 : 0o666);
  } catch (e) {
    throw writeError(e, shown);
  }
  let closed = false;
  try {
    await writeAll(handle, data, shown);
    if (like) {
      await handle.chmod(like.mode & 0o7777);
      await handle.chown(like.uid, like.gid).catch(() => undefined); // only root may give files away
    }
    await handle.sync();
    await handle.close();
    closed = true;
    if (expect) await assertUnchanged(target, expect, fs, shown);
    await fs.rename(tmp, target);
  } catch (e) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw isOperationalError(e) ? e : writeError(e, shown);
  }
  await syncDir(dirname(target), fs);
}

/**
 * write(2) may write only part of the buffer (a nearly full disk writes what fits and fails on
 * the next call): loop until every byte is written (B8, issue 8). A call that makes no progress
 * is a failure too, or the loop would never end.
 */
async function writeAll(handle: WriterHandle, data: Uint8Array, shown: string): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data.subarray(done));
    if (!(bytesWritten > 0))
      throw inputError(`cannot write ${shown}: only ${done} of ${data.length} bytes could be written (disk full?); the original is unchanged`, 'WRITE_FAILED', 'Free some space and run patch again.');
    done += bytesWritten;
  }
}

async function assertUnchanged(target: string, expect: Snapshot | 'absent', fs: WriterFs, shown: string): Promise<void> {
  const st = await fs.stat(target).catch(() => undefined);
  if (expect === 'absent') {
    if (st) throw inputError(`${shown} was created by someone else while patch was running; nothing written`, 'WRITE_FILE_CHANGED', 'Run patch again on the current file.');
    return;
  }
  const bytes = st ? await fs.readFile(target).catch(() => undefined) : undefined;
  if (!st || !bytes || st.size !== expect.size || st.mtimeMs !== expect.mtimeMs || !bytes.equals(expect.bytes))
    throw inputError(`${shown} changed while patch was running; nothing written`, 'WRITE_FILE_CHANGED', 'Run patch again on the current file.');
}

/** The rename is durable only once the directory entry is on disk (rename(2), fsync(2)). */
async function syncDir(dir: string, fs: WriterFs): Promise<void> {
  try {
    const h = await fs.open(dir, 'r');
    await h.sync().catch(() => undefined);
    await h.close();
  } catch {
    // some platforms cannot open or fsync a directory; the rename itself has happened
  }
}

function writeError(e: unknown, shown: string): OperationalError {
  const code = errnoOf(e);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return inputError(`cannot write ${shown}: its directory is read-only (${code})`, 'WRITE_DIR_READONLY', 'Check the directory permissions, or write elsewhere with --output <file>.');
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return inputError(`cannot write ${shown}: no space left on the device; the original is unchanged`, 'WRITE_FAILED', 'Free some space and run patch again.');
  if (code === 'EEXIST') return inputError(`cannot write ${shown}: a file appeared at its place (dangling symlink?)`, 'WRITE_FAILED');
  return inputError(`cannot write ${shown}: ${(e as Error).message}; the original is unchanged`, 'WRITE_FAILED');
}
