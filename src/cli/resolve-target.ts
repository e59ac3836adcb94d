import { basename, dirname, join, resolve } from 'node:path';
import { errnoOf, type WriterFs } from './writer-fs.js';

/** Linux's own bound on a chain of symlinks (MAXSYMLINKS, path_resolution(7)). */
const MAX_LINKS = 40;

/**
 * The file that a write to `path` must really replace (docs/design.md §6: write through symlinks).
 * realpath(3) fails on a dangling link, and renaming onto the link itself would turn it into a
 * regular file (`patch --create` onto a dangling link did that). So each link is
 * read and resolved against its own real directory, as the kernel does, also when the final
 * target does not exist yet (--create, --output). Errors are the file system's (errno codes);
 * a chain longer than the bound is ELOOP, like open(2).
 */
export async function resolveTarget(path: string, fs: WriterFs): Promise<string> {
  let p = path;
  for (let hops = 0; hops <= MAX_LINKS; hops++) {
    let dir: string;
    try {
      dir = await fs.realpath(dirname(p));
    } catch (e) {
      if (errnoOf(e) === 'ENOENT') return p; // no such directory: creating the temp file reports it
      throw e;
    }
    const full = join(dir, basename(p));
    let link: string;
    try {
      link = await fs.readlink(full);
    } catch (e) {
      const code = errnoOf(e);
      if (code === 'EINVAL' || code === 'ENOENT') return full; // not a link, or a new file
      throw e;
    }
    p = resolve(dir, link);
  }
  throw Object.assign(new Error(`too many levels of symbolic links (more than ${MAX_LINKS})`), { code: 'ELOOP' });
}
