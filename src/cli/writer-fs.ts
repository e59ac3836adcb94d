import { open, readFile, readdir, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';

/**
 * The file-system calls the safe writer makes, injectable so tests can fail any one of them
 * (disk full on write, a change between read and rename) without mocking node:fs globally.
 */
export interface WriterHandle {
  /**
   * One write(2) at the current position. It may write fewer bytes than given (a nearly full
   * disk, a signal): the caller loops on bytesWritten (B8, issue 8: a single write truncated the
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
  isFile(): boolean;
}

export interface WriterFs {
  realpath(path: string): Promise<string>;
  stat(path: string): Promise<WriterStat>;
  /** The text of a symlink, also when its target does not exist (a dangling link). */
  readlink(path: string): Promise<string>;
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  open(path: string, flags: string, mode?: number): Promise<WriterHandle>;
  rename(from: string, to: string): Promise<void>;
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
  rename: (a, b) => rename(a, b),
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
