import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { inputError, isOperationalError, type OperationalError } from '../core/errors.js';
import { tempName } from './stale-temps.js';
import { errnoOf, type ReadHandle, type WriterFs, type WriterHandle, type WriterStat } from './writer-fs.js';

/**
 * One atomic replace (docs/design.md §6): temp file in the target's directory, every byte written,
 * mode and owner of `like`, fsync, `beforeRename` (the caller's last check), rename, fsync of the
 * directory. On any error before the rename the temp file is removed and the target is untouched.
 */
export async function replaceFile(
  target: string,
  data: Uint8Array,
  like: WriterStat | undefined,
  fs: WriterFs,
  shown: string,
  beforeRename?: () => Promise<void>,
  createOnly = false,
): Promise<void> {
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
    if (beforeRename) await beforeRename();
    if (createOnly) await createExclusive(tmp, target, fs, shown);
    else await fs.rename(tmp, target);
  } catch (e) {
    if (!closed) await handle.close().catch(() => undefined);
    await fs.unlink(tmp).catch(() => undefined);
    throw isOperationalError(e) ? e : writeError(e, shown);
  }
  await syncDir(dirname(target), fs);
}

/**
 * A new file (patch --create, init): link(2) the temp file to the target, which fails when a file
 * appeared there meanwhile instead of replacing it as rename(2) would; then drop the temp name.
 * File systems without hard links fall back to the rename, after the caller's check.
 */
async function createExclusive(tmp: string, target: string, fs: WriterFs, shown: string): Promise<void> {
  try {
    await fs.link(tmp, target);
  } catch (e) {
    const code = errnoOf(e);
    if (code === 'EEXIST')
      throw inputError(
        `${shown} was created by someone else while this run was writing it; nothing written`,
        'WRITE_FILE_CHANGED',
        'Run again: the file now exists and will be read first.',
      );
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV') throw e;
    await fs.rename(tmp, target);
    return;
  }
  await fs.unlink(tmp).catch(() => undefined);
}

/**
 * write(2) may write only part of the buffer (a nearly full disk writes what fits and fails on
 * the next call): loop until every byte is written. A call that makes no progress is a failure
 * too, or the loop would never end.
 */
export async function writeAll(handle: WriterHandle, data: Uint8Array, shown: string): Promise<void> {
  let done = 0;
  while (done < data.length) {
    const { bytesWritten } = await handle.write(data.subarray(done));
    if (!(bytesWritten > 0))
      throw inputError(
        `cannot write ${shown}: only ${done} of ${data.length} bytes could be written (disk full?); the original is unchanged`,
        'WRITE_FAILED',
        'Free some space and run patch again.',
      );
    done += bytesWritten;
  }
}

/** Everything the handle's inode holds now, read by position (it may have grown since it was opened). */
export async function readAll(h: ReadHandle): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const buf = Buffer.alloc(64 * 1024);
    const { bytesRead } = await h.read(buf, 0, buf.length, pos);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    pos += bytesRead;
  }
  return Buffer.concat(chunks);
}

/**
 * Same size and mtime: nothing wrote to the inode in between. Not ctime: the rename that replaces
 * a file changes its link count, which moves its ctime (stat(2), inode(7)).
 */
export function sameStat(a: WriterStat, b: WriterStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
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

export function writeError(e: unknown, shown: string): OperationalError {
  const code = errnoOf(e);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return inputError(
      `cannot write ${shown}: its directory is read-only (${code})`,
      'WRITE_DIR_READONLY',
      'Check the directory permissions, or write elsewhere with --output <file>.',
    );
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return inputError(
      `cannot write ${shown}: no space left on the device; the original is unchanged`,
      'WRITE_FAILED',
      'Free some space and run patch again.',
    );
  if (code === 'EEXIST')
    return inputError(
      `cannot write ${shown}: a file appeared at its place (dangling symlink?)`,
      'WRITE_FAILED',
      'Check what is at that path (ls -l), remove it if it is not yours, and run again.',
    );
  return inputError(
    `cannot write ${shown}: ${(e as Error).message}; the original is unchanged`,
    'WRITE_FAILED',
    'Check the path and the disk, then run again.',
  );
}
