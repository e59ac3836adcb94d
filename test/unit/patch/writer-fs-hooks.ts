import { nodeWriterFs, type WriterFs, type WriterHandle } from '../../../src/cli/writer-fs.js';

/** Fault injection for the safe writer's tests: the real file system with hooks on the temp file's handle. */
export const errno = (code: string): Error => Object.assign(new Error(code), { code });

export interface HandleHooks {
  write?: (real: WriterHandle, data: Uint8Array) => Promise<{ bytesWritten: number }>;
  sync?: (real: WriterHandle) => Promise<unknown>;
}

/** nodeWriterFs whose temp files (opened 'wx') get the hooks; every other call is real. */
export function withHandle(hook: HandleHooks): WriterFs {
  return {
    ...nodeWriterFs,
    async open(path, flags, mode) {
      const real = await nodeWriterFs.open(path, flags, mode);
      if (flags !== 'wx') return real;
      return {
        write: (d) => (hook.write ? hook.write(real, d) : real.write(d)),
        sync: async () => void (hook.sync ? await hook.sync(real) : await real.sync()),
        chmod: (m) => real.chmod(m),
        chown: (u, g) => real.chown(u, g),
        close: () => real.close(),
      };
    },
  };
}
