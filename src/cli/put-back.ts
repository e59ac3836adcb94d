import { inputError, type OperationalError } from '../core/errors.js';
import { readAll, replaceFile, writeAll } from './replace-file.js';
import type { ReadHandle, WriterFs } from './writer-fs.js';

/**
 * Another process wrote to the config between our last check and the rename: its write landed in
 * the old inode, which only our held descriptor still reaches (rename(2)). The file is put back as
 * that writer left it, as if we had checked a moment later and refused (docs/design.md §6: nothing
 * written by someone else is lost). Appenders keep appending meanwhile, to whichever inode the path
 * names when they open it; so the put-back is: their version of the old inode, plus what was
 * appended to ours since the rename, renamed into place once; then whatever still arrived in either
 * of the two replaced inodes is appended to the file (O_APPEND, as those writers do), never another
 * rename, so the repair ends instead of racing the appender again.
 * When our file was not appended to but rewritten, there is nothing safe to merge: the other
 * writer's version is kept in a side file, named in the error.
 */
export async function putBack(
  real: string,
  held: ReadHandle,
  ours: Buffer,
  fs: WriterFs,
  shown: string,
  settle: () => Promise<void>,
): Promise<OperationalError> {
  const theirs = await readAll(held);
  const h = await fs.openRead(real).catch(() => undefined);
  const cur = h ? await readAll(h) : undefined;
  if (!h || !cur || !startsWith(cur, ours)) {
    await h?.close().catch(() => undefined);
    return keepAside(real, theirs, fs, shown);
  }
  try {
    await replaceFile(real, Buffer.concat([theirs, cur.subarray(ours.length)]), await h.stat(), fs, shown);
    await settle();
    const lateOld = (await readAll(held)).subarray(theirs.length);
    const lateNew = (await readAll(h)).subarray(cur.length);
    const tail = Buffer.concat([lateOld, lateNew]);
    if (tail.length > 0) {
      const out = await fs.open(real, 'a');
      try {
        await writeAll(out, tail, shown);
        await out.sync();
      } finally {
        await out.close();
      }
    }
  } finally {
    await h.close().catch(() => undefined);
  }
  return inputError(
    `${shown} was changed by another process during the write; that process's version was put back and nothing else was written`,
    'WRITE_FILE_CHANGED',
    'Run again on the current file.',
  );
}

async function keepAside(real: string, theirs: Buffer, fs: WriterFs, shown: string): Promise<OperationalError> {
  const side = `${real}.concurrent-${fs.pid}`;
  await replaceFile(side, theirs, undefined, fs, side).catch(() => undefined);
  return inputError(
    `${shown} was changed by two other processes during the write (one appended to the old file, one replaced the new one); the first one's version is saved in ${side}`,
    'WRITE_FILE_CHANGED',
    `Compare ${side} with ${shown}, keep what is needed, then run again.`,
  );
}

function startsWith(buf: Buffer, prefix: Buffer): boolean {
  return buf.length >= prefix.length && buf.subarray(0, prefix.length).equals(prefix);
}
