import { link, open, readFile, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';

/**
 * The file-system calls the safe writer makes, injectable so tests can fail any one of them
 * (disk full on write, a change between read and rename) without mocking node:fs globally.
 */
export interface WriterHandle {
  /**
   * One write(2) at the current position. It may write fewer bytes than given (a nearly full
   * disk, a signal): the caller loops on bytesWritten (a single write once truncated the
   * config on a full tmpfs and patch still exited 0).
   */
  write(data: Uint8Array): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  chmod(mode: number): Promise<void>;
  chown(uid: number, gid: number): Promise<void>;
  close(): Promise<void>;
}

export interface WriterStat {
  mode: number;
  size: number;
  mtimeMs: number;
  uid: number;
  gid: number;
  /** Identity and link count (stat(2)): which inode a path names, and whether a rename would split hard links. */
  ino?: number;
  dev?: number;
  nlink?: number;
  ctimeMs?: number;
  isFile(): boolean;
}

/**
 * A read-only handle on the file being replaced, opened before the last check. After the rename
 * it still names the old inode: a write that another process made through a descriptor it opened
 * before the rename lands there, and only this handle can still see it (rename(2), fstat(2)).
 */
export interface ReadHandle {
  stat(): Promise<WriterStat>;
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

export interface WriterFs {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<WriterStat>;
  /** The text of a symlink, also when its target does not exist (a dangling link). */
  readlink(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  open(path: string, flags: string, mode?: number): Promise<WriterHandle>;
  openRead(path: string): Promise<ReadHandle>;
  rename(from: string, to: string): Promise<void>;
  /** link(2): fails with EEXIST when `to` exists, so a new file never replaces one made meanwhile. */
  link(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  /** Whether a process with this pid still runs (stale temp files of dead ones are ours to remove). */
  isAlive(pid: number): boolean;
  pid: number;
}

export const nodeWriterFs: WriterFs = {
  realpath: (p) => realpath(p),
  stat: (p) => stat(p),
  readlink: (p) => readlink(p),
  readFile: (p) => readFile(p),
  readdir: (p) => readdir(p),
  open: (p, flags, mode) => open(p, flags, mode),
  openRead: (p) => open(p, 'r'),
  rename: (a, b) => rename(a, b),
  link: (a, b) => link(a, b),
  unlink: (p) => unlink(p),
  isAlive(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
  pid: process.pid,
};

export function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}
