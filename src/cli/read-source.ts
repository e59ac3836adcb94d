import { close as closeCb, constants, fstat as fstatCb, open as openCb, read as readCb, statfs as statfsCb } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { inputError, isOperationalError, usageError } from '../core/errors.js';
import { fetchHttps } from './fetch-https.js';
import { heapGuard } from './heap-guard.js';
import type { Io } from './io.js';
import { readCapped, tooLarge } from './read-capped.js';

export { fetchHttps, parseHttpsUrl } from './fetch-https.js';

/** Bytes of one input (`file`, `https://…` or `-`), with the name findings should show. */
export interface Source {
  name: string;
  bytes: Buffer;
}

export interface ReadOptions {
  /** --max-size in MB (default 10), applied to every source. */
  maxSizeMb?: number | string;
  /** What the input is, for messages: "metadata", "response"… */
  what?: string;
  /** Per-request timeout for https sources, in ms (default 15 s; drift's --timeout). */
  timeoutMs?: number;
}

// node:fs and node:util are loaded with Node itself; node:fs/promises would load ~25 more internal
// modules (streams, readline) at every start: 2-6 ms (docs/startup.md).
const open = promisify(openCb);
const fstat = promisify(fstatCb);
const read = promisify(readCb);
const close = promisify(closeCb);
const statfs = promisify(statfsCb);

export function maxBytes(opt: number | string | undefined): number {
  const mb = opt === undefined ? 10 : Number(opt);
  if (!Number.isFinite(mb) || mb <= 0)
    throw usageError(`--max-size must be a positive number of MB, got "${opt}"`, 'USAGE', 'Example: --max-size 10 (the default).');
  return Math.floor(mb * 1024 * 1024);
}

export async function readSource(spec: string, io: Io, opts: ReadOptions = {}): Promise<Source> {
  const limit = maxBytes(opts.maxSizeMb);
  const what = opts.what ?? 'input';
  if (spec === '-') return { name: '<stdin>', bytes: await readCapped(io.stdin, limit, `${what} on stdin`) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec))
    return {
      name: spec,
      bytes: await fetchHttps(spec, io, { limit, ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}) }),
    };
  return { name: spec, bytes: await readLocalFile(resolve(io.cwd, spec), spec, limit, what) };
}

/**
 * Pseudo file systems whose entries stat as regular files of size 0 (or of a made-up size) but
 * produce endless or changing bytes: statfs(2) f_type of procfs, sysfs, debugfs, securityfs,
 * cgroup, cgroup2, tracefs, configfs, efivarfs.
 */
const PSEUDO_FS = new Set([0x9fa0, 0x62656572, 0x64626720, 0x73636673, 0x27e0eb, 0x63677270, 0x74726163, 0x62656570, 0xde5e81e4]);

/**
 * A file input (config, metadata, PEM, response): opened without blocking (a FIFO with no writer
 * would otherwise hang open(2)), then judged by fstat(2) on what was opened, so a swap after a
 * check cannot matter. Only regular files are read: a FIFO, device, socket or /proc entry is
 * refused at once. The bytes read are capped by `limit` whatever the size stat reported.
 */
export async function readLocalFile(path: string, shown: string, limit: number, what: string): Promise<Buffer> {
  let fd: number;
  try {
    fd = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (e) {
    throw fsError(e, shown, what);
  }
  try {
    const info = await fstat(fd);
    if (info.isDirectory())
      throw inputError(`${shown} is a directory, not a ${what} file`, 'INPUT_IS_DIRECTORY', `Give the path of the ${what} file itself.`);
    if (!info.isFile())
      throw notRegular(
        shown,
        info.isFIFO()
          ? 'a FIFO (named pipe)'
          : info.isCharacterDevice() || info.isBlockDevice()
            ? 'a device'
            : info.isSocket()
              ? 'a socket'
              : 'not a regular file',
      );
    if (PSEUDO_FS.has(Number((await statfs(path).catch(() => undefined))?.type ?? 0))) throw notRegular(shown, 'a /proc or /sys entry');
    if (info.size > limit) throw tooLarge(shown, limit);
    heapGuard(info.size, shown);
    return await readUpTo(fd, limit, shown, info.size);
  } catch (e) {
    throw fsError(e, shown, what);
  } finally {
    await close(fd).catch(() => undefined);
  }
}

/** Reads to the end, but never more than limit bytes: a file may grow after fstat. */
async function readUpTo(fd: number, limit: number, shown: string, sizeHint: number): Promise<Buffer> {
  let buf = Buffer.allocUnsafe(Math.min(limit + 1, Math.max(sizeHint + 1, 64 * 1024)));
  let length = 0;
  for (;;) {
    if (length === buf.length) {
      const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buf.length * 2));
      buf.copy(bigger, 0, 0, length);
      buf = bigger;
    }
    const { bytesRead } = await read(fd, buf, length, buf.length - length, null);
    if (bytesRead === 0) return buf.subarray(0, length);
    length += bytesRead;
    if (length > limit) throw tooLarge(shown, limit);
  }
}

function notRegular(shown: string, kind: string) {
  return inputError(
    `${shown} is ${kind}, not a regular file: refused`,
    'INPUT_NOT_REGULAR',
    'Save the content to a file and pass its path, or pass - to read stdin.',
  );
}

function fsError(e: unknown, shown: string, what: string) {
  if (isOperationalError(e)) return e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError(`${what} file not found: ${shown}`, 'INPUT_NOT_FOUND', 'Check the path.');
  if (code === 'EACCES' || code === 'EPERM')
    return inputError(`cannot read ${shown}: permission denied`, 'INPUT_UNREADABLE', 'Check the file permissions.');
  if (code === 'ELOOP') return inputError(`cannot read ${shown}: symlink loop`, 'INPUT_UNREADABLE', 'Point the path at the real file.');
  // open(2) of a socket, or of a device with no driver behind it
  if (code === 'ENXIO' || code === 'ENODEV') return notRegular(shown, 'a socket or device');
  if (code === 'ENAMETOOLONG')
    return inputError(`cannot read ${shown}: path too long (ENAMETOOLONG)`, 'INPUT_UNREADABLE', 'Use a shorter path.');
  return inputError(`cannot read ${shown}: ${(e as Error).message}`, 'INPUT_UNREADABLE', 'Check the path and the file permissions.');
}
