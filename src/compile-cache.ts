/**
 * V8's code cache for the CLI's bundles on Node.js < 22.1, which has no module.enableCompileCache()
 * (issue 9). Measured on Node 20 (valgrind, bench/RESULTS.md): ~38% of a signed validate-metadata
 * run is V8 parsing and compiling the ~440 KB of bundled JavaScript it needs, the same work every
 * run. Node 22's compile cache removes it; this is the same model on Node 20 with V8's public API
 * (vm.Script cachedData): compile a bundle, run it, and at exit store the bytecode of everything
 * the run compiled; the next run hands it back to V8, which checks it against its version, flags
 * and the source length and compiles normally when it does not fit.
 *
 * Only our own dist/*.cjs files go through here (the bin requires dist/cli.cjs with it, and what a
 * bundle requires relatively with a .cjs name); anything else is Node's require. The cache is
 * bytecode this process will run, so it lives only in a directory that is ours alone:
 * $XDG_CACHE_HOME (or ~/.cache)/polyaxon-sso/, created 0700, used only when it and its parent are
 * real directories owned by this user and writable by no one else; entries are keyed by the
 * bundle's path, size, mtime, ctime and inode plus Node's version and arch (V8 checks its own
 * version and flags too), and replaced atomically. Any error means "no cache", never a failed
 * command. NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns it off.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { Script } from 'node:vm';

const FORMAT = 'polyaxon-sso-compile-cache/1';

interface CjsModule {
  exports: unknown;
}

const modules = new Map<string, CjsModule>();
const pending: { script: Script; file: string; header: string }[] = [];
let writeAtExit = false;
/** Bundles loaded with an accepted cache entry (hits) and without one (misses); for tests. */
export const stats = { hits: 0, misses: 0 };

/** The cache directory, or undefined when there is none we can trust. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const base = env.XDG_CACHE_HOME || (env.HOME ? join(env.HOME, '.cache') : '');
  if (!isAbsolute(base)) return undefined;
  const top = join(base, 'polyaxon-sso');
  const dir = join(top, `v8-${process.versions.v8}-${process.arch}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return [top, dir].every(isPrivateDirectory) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function isPrivateDirectory(path: string): boolean {
  const st = lstatSync(path);
  const mine = typeof process.getuid !== 'function' || st.uid === process.getuid();
  return st.isDirectory() && mine && (st.mode & 0o022) === 0;
}

/** require() for one of our bundles, through the cache; `dir` undefined: plain compile. */
export function requireBundle(file: string, dir: string | undefined = cacheDirectory()): unknown {
  const known = modules.get(file);
  if (known) return known.exports;
  const source = readFileSync(file, 'utf8');
  const st = statSync(file);
  const header = `${FORMAT}\n${process.version} ${process.arch} ${file} ${st.size} ${st.mtimeMs} ${st.ctimeMs} ${st.ino}\n`;
  const entry = dir && join(dir, entryName(file));
  const cachedData = entry ? readEntry(entry, header) : undefined;
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  if (cachedData && !script.cachedDataRejected) stats.hits++;
  else {
    stats.misses++;
    if (entry) pending.push({ script, file: entry, header });
  }
  if (pending.length > 0 && !writeAtExit) {
    writeAtExit = true;
    process.once('exit', writePending);
  }
  const module: CjsModule = { exports: {} };
  modules.set(file, module);
  const nodeRequire = createRequire(file);
  const bundleRequire = Object.assign(
    (id: string) => (/^\.\.?\/.*\.cjs$/.test(id) ? requireBundle(resolve(dirname(file), id), dir) : nodeRequire(id)),
    nodeRequire,
  );
  (script.runInThisContext() as (...a: unknown[]) => void)(module.exports, bundleRequire, module, file, dirname(file));
  return module.exports;
}

/** `<FNV-1a of the path>-<file name>.bin`: one entry per bundle per install, readable in a listing. */
export function entryName(file: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < file.length; i++) h = Math.imul(h ^ file.charCodeAt(i), 0x01000193) >>> 0;
  return `${h.toString(16).padStart(8, '0')}-${basename(file)}.bin`;
}

function readEntry(entry: string, header: string): Buffer | undefined {
  try {
    const bytes = readFileSync(entry);
    return bytes.subarray(0, header.length).toString('utf8') === header ? bytes.subarray(header.length) : undefined;
  } catch {
    return undefined;
  }
}

/** At exit: the bytecode this run compiled, for the bundles that had no usable entry. */
function writePending(): void {
  for (const { script, file, header } of pending.splice(0)) {
    const tmp = `${file}.${process.pid}.tmp`;
    try {
      writeFileSync(tmp, Buffer.concat([Buffer.from(header, 'utf8'), script.createCachedData()]), { mode: 0o600, flag: 'wx' });
      renameSync(tmp, file);
    } catch {
      try {
        unlinkSync(tmp);
      } catch {
        /* never written */
      }
    }
  }
}
