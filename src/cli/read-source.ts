import { readFile as readFileCb, stat as statCb } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { inputError, isOperationalError, usageError } from '../core/errors.js';
import { parseHost } from '../core/urls/parse-host.js';
import { heapGuard } from './heap-guard.js';
import type { Io } from './io.js';

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
// modules (streams, readline) at every start: 2-6 ms (issue 9).
const stat = promisify(statCb);
const readFile = promisify(readFileCb);

const MAX_REDIRECTS = 3;
const FETCH_TIMEOUT_MS = 15_000;

export function maxBytes(opt: number | string | undefined): number {
  const mb = opt === undefined ? 10 : Number(opt);
  if (!Number.isFinite(mb) || mb <= 0) throw usageError(`--max-size must be a positive number of MB, got "${opt}"`, 'USAGE', 'Example: --max-size 10 (the default).');
  return Math.floor(mb * 1024 * 1024);
}

export async function readSource(spec: string, io: Io, opts: ReadOptions = {}): Promise<Source> {
  const limit = maxBytes(opts.maxSizeMb);
  const what = opts.what ?? 'input';
  if (spec === '-') return { name: '<stdin>', bytes: await readStream(io.stdin, limit, what) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) return { name: spec, bytes: await fetchHttps(spec, io, limit, what, opts.timeoutMs ?? FETCH_TIMEOUT_MS) };
  return { name: spec, bytes: await readLocalFile(resolve(io.cwd, spec), spec, limit, what) };
}

export async function readLocalFile(path: string, shown: string, limit: number, what: string): Promise<Buffer> {
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    throw fsError(e, shown, what);
  }
  if (info.isDirectory()) throw inputError(`${shown} is a directory, not a ${what} file`, 'INPUT_IS_DIRECTORY', `Give the path of the ${what} file itself.`);
  if (info.size > limit) throw tooLarge(shown, limit);
  heapGuard(info.size, shown);
  try {
    return await readFile(path);
  } catch (e) {
    throw fsError(e, shown, what);
  }
}

function fsError(e: unknown, shown: string, what: string) {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError(`${what} file not found: ${shown}`, 'INPUT_NOT_FOUND', 'Check the path.');
  if (code === 'EACCES' || code === 'EPERM')
    return inputError(`cannot read ${shown}: permission denied`, 'INPUT_UNREADABLE', 'Check the file permissions.');
  if (code === 'ELOOP') return inputError(`cannot read ${shown}: symlink loop`, 'INPUT_UNREADABLE', 'Point the path at the real file.');
  return inputError(`cannot read ${shown}: ${(e as Error).message}`, 'INPUT_UNREADABLE', 'Check the path and the file permissions.');
}

function tooLarge(shown: string, limit: number) {
  return inputError(
    `${shown} is larger than ${limit / 1024 / 1024} MB`,
    'INPUT_TOO_LARGE',
    'Okta metadata is a few KB; check the file, or raise --max-size.',
  );
}

async function readStream(stream: NodeJS.ReadableStream, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw tooLarge(`${what} on stdin`, limit);
    // Stop reading as soon as it cannot fit (issue 9), rather than after buffering all of it.
    heapGuard(size, `the ${what}`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * https only; redirects followed by hand so that each hop is checked: never to plain http or
 * another scheme, never to another host (issues 3 and 8: no request to a host the user did not
 * name). Timeout and size cap on every hop.
 */
async function fetchHttps(spec: string, io: Io, limit: number, what: string, timeoutMs: number): Promise<Buffer> {
  let url = parseHttpsUrl(spec);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res: Response;
    try {
      res = await io.fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    } catch (e) {
      const timeout = (e as Error).name === 'TimeoutError';
      throw inputError(
        timeout ? `fetching ${url.href} timed out after ${timeoutMs / 1000}s` : `cannot fetch ${url.href}: ${(e as Error).message}`,
        timeout ? 'FETCH_TIMEOUT' : 'FETCH_FAILED',
        'Download the file in a browser ("View IdP metadata" in Okta) and pass its path instead.',
      );
    }
    if (res.status >= 300 && res.status < 400 && res.headers.get('location')) {
      const next = new URL(res.headers.get('location') as string, url);
      if (next.protocol !== 'https:')
        throw inputError(`refused redirect from ${url.href} to ${next.href}: not https`, 'FETCH_REDIRECT_REFUSED');
      if (next.host !== url.host)
        throw inputError(
          `refused redirect from ${url.host} to another host, ${next.host}`,
          'FETCH_REDIRECT_REFUSED',
          'Pass the final URL yourself if you trust that host, or download the metadata in a browser.',
        );
      url = next;
      continue;
    }
    if (!res.ok) throw inputError(`fetching ${url.href} failed: HTTP ${res.status}`, 'FETCH_HTTP_STATUS');
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > limit) throw tooLarge(url.href, limit);
    if (declared > 0) heapGuard(declared, url.href);
    if (!res.body) return Buffer.alloc(0);
    try {
      return await readStream(res.body as unknown as NodeJS.ReadableStream, limit, what);
    } catch (e) {
      if (isOperationalError(e)) throw e;
      // The timeout (or a reset connection) can strike while the body is still streaming in.
      const timeout = (e as Error).name === 'TimeoutError';
      throw inputError(timeout ? `fetching ${url.href} timed out after ${timeoutMs / 1000}s` : `cannot fetch ${url.href}: ${(e as Error).message}`, timeout ? 'FETCH_TIMEOUT' : 'FETCH_FAILED', 'Download the file in a browser ("View IdP metadata" in Okta) and pass its path instead.');
    }
  }
  throw inputError(`too many redirects fetching ${spec} (more than ${MAX_REDIRECTS})`, 'FETCH_REDIRECT_REFUSED');
}

function parseHttpsUrl(spec: string): URL {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw usageError(`not a valid URL: ${spec}`, 'URL_INVALID');
  }
  if (url.protocol !== 'https:')
    throw usageError(`refusing ${url.protocol}// URL ${spec}: only https is fetched`, 'URL_NOT_HTTPS', 'Use the https:// metadata URL Okta shows, or a downloaded file.');
  if (url.username || url.password) throw usageError(`refusing URL with credentials: ${spec}`, 'URL_INVALID');
  // WHATWG URL parsing turns `https://2130706433/` into 127.0.0.1: check the host as typed first.
  const typed = /^https:\/\/([^/?#]*)/i.exec(spec)?.[1] ?? '';
  const host = parseHost(typed, { idp: true });
  if (!host.ok) throw usageError(`refusing URL ${spec}: ${host.message}`, host.code, host.hint);
  return url;
}
