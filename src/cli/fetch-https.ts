import { inputError, isOperationalError, usageError } from '../core/errors.js';
import { parseHost } from '../core/urls/parse-host.js';
import { heapGuard } from './heap-guard.js';
import type { Io } from './io.js';
import { readCapped, tooLarge } from './read-capped.js';

/**
 * Downloads one https document (IdP metadata) under the CLI's fetch rules, for every command that
 * takes a URL: https only; redirects followed by hand so each hop is checked (never to plain http
 * or another scheme, never to another host: no request to a host the user did not name); a
 * timeout over the whole exchange, body included; the --max-size cap whatever Content-Length
 * says. Every failure of the outside world is an input error (exit 2) that says why: DNS, refused
 * connection, TLS certificate, timeout, truncated body, unusable redirect.
 */
export const MAX_REDIRECTS = 3;
export const FETCH_TIMEOUT_MS = 15_000;

export interface FetchOptions {
  /** Refuse a body larger than this many bytes. */
  limit: number;
  /** The whole exchange (every hop and the body); default FETCH_TIMEOUT_MS, or io.fetchTimeoutMs. */
  timeoutMs?: number;
}

const BROWSER_HINT = 'Download the file in a browser ("View IdP metadata" in Okta) and pass its path instead.';

export async function fetchHttps(spec: string, io: Io, opts: FetchOptions): Promise<Buffer> {
  const timeoutMs = opts.timeoutMs ?? io.fetchTimeoutMs ?? FETCH_TIMEOUT_MS;
  const signal = AbortSignal.timeout(timeoutMs);
  let url = parseHttpsUrl(spec);
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    let res: Response;
    try {
      res = await io.fetch(url, { redirect: 'manual', signal });
    } catch (e) {
      throw fetchError(e, url, timeoutMs);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
    if (location !== null) {
      url = nextHop(url, location);
      continue;
    }
    if (!res.ok) throw inputError(`fetching ${url.href} failed: HTTP ${res.status}`, 'FETCH_HTTP_STATUS', BROWSER_HINT);
    const shown = `the response from ${url.href}`;
    const declared = Number(res.headers.get('content-length') ?? '0');
    if (declared > opts.limit) throw tooLarge(shown, opts.limit);
    if (declared > 0) heapGuard(declared, shown);
    if (!res.body) return Buffer.alloc(0);
    try {
      return await readCapped(res.body as unknown as AsyncIterable<unknown>, opts.limit, shown);
    } catch (e) {
      if (isOperationalError(e)) throw e;
      throw fetchError(e, url, timeoutMs, true);
    }
  }
  throw inputError(`too many redirects fetching ${spec} (more than ${MAX_REDIRECTS})`, 'FETCH_REDIRECT_REFUSED', BROWSER_HINT);
}

function nextHop(url: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, url);
  } catch {
    throw inputError(
      `${url.href} redirected to an unusable Location header: ${JSON.stringify(location.slice(0, 200))}`,
      'FETCH_BAD_REDIRECT',
      BROWSER_HINT,
    );
  }
  if (next.protocol !== 'https:')
    throw inputError(`refused redirect from ${url.href} to ${next.href}: not https`, 'FETCH_REDIRECT_REFUSED', BROWSER_HINT);
  if (next.host !== url.host)
    throw inputError(
      `refused redirect from ${url.host} to another host, ${next.host}`,
      'FETCH_REDIRECT_REFUSED',
      'Pass the final URL yourself if you trust that host, or download the metadata in a browser.',
    );
  return next;
}

/** Node's fetch says "fetch failed" or "terminated"; the reason is in e.cause (undici, libuv, OpenSSL codes). */
export function fetchError(e: unknown, url: URL, timeoutMs: number, inBody = false) {
  const err = e as Error & { cause?: { code?: string; message?: string } };
  const code = err.cause?.code ?? (err as { code?: string }).code;
  const host = url.host;
  if (
    err.name === 'TimeoutError' ||
    err.name === 'AbortError' ||
    code === 'UND_ERR_CONNECT_TIMEOUT' ||
    code === 'UND_ERR_HEADERS_TIMEOUT' ||
    code === 'UND_ERR_BODY_TIMEOUT' ||
    code === 'ETIMEDOUT'
  )
    return inputError(
      `fetching ${url.href} timed out after ${timeoutMs / 1000}s${inBody ? ' while the body was arriving' : ''}`,
      'FETCH_TIMEOUT',
      `The server at ${host} is slow or unreachable from here. ${BROWSER_HINT}`,
    );
  if (inBody)
    return inputError(
      `the response from ${url.href} ended early: the connection closed before the whole body (Content-Length) arrived`,
      'FETCH_TRUNCATED',
      `Try again. ${BROWSER_HINT}`,
    );
  if (code === 'ENOTFOUND' || code === 'EAI_NONAME' || code === 'EAI_AGAIN' || code === 'EAI_NODATA')
    return inputError(
      `cannot fetch ${url.href}: DNS name not found: ${url.hostname}${code === 'EAI_AGAIN' ? ' (DNS lookup failed, EAI_AGAIN)' : ''}`,
      'FETCH_DNS',
      'Check the host name in the URL, and that this machine can resolve it (DNS, VPN, proxy).',
    );
  if (code === 'ECONNREFUSED')
    return inputError(
      `cannot fetch ${url.href}: connection refused by ${host}`,
      'FETCH_REFUSED',
      'Nothing accepts connections there: check the host and port in the URL.',
    );
  if (
    code &&
    (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code) || code.startsWith('ERR_TLS') || code.startsWith('ERR_SSL'))
  )
    return inputError(
      `cannot fetch ${url.href}: TLS certificate error: ${err.cause?.message ?? code} (${code})`,
      'FETCH_TLS',
      'The server certificate is not trusted here. Check the URL; behind a TLS-inspecting proxy, give Node its CA with NODE_EXTRA_CA_CERTS.',
    );
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return inputError(`cannot fetch ${url.href}: the connection to ${host} was closed or reset`, 'FETCH_FAILED', BROWSER_HINT);
  const why = err.cause?.message ?? err.message;
  return inputError(`cannot fetch ${url.href}: ${why}${code ? ` (${code})` : ''}`, 'FETCH_FAILED', BROWSER_HINT);
}

export function parseHttpsUrl(spec: string): URL {
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    throw usageError(`not a valid URL: ${spec}`, 'URL_INVALID', 'Give the full https:// URL of the metadata, or a file path.');
  }
  if (url.protocol !== 'https:')
    throw usageError(
      `refusing ${url.protocol}// URL ${spec}: only https is fetched`,
      'URL_NOT_HTTPS',
      'Use the https:// metadata URL Okta shows, or a downloaded file.',
    );
  if (url.username || url.password)
    throw usageError(`refusing URL with credentials: ${spec}`, 'URL_INVALID', 'Leave the user name and password out of the URL.');
  // WHATWG URL parsing turns `https://2130706433/` into 127.0.0.1: check the host as typed first.
  const typed = /^https:\/\/([^/?#]*)/i.exec(spec)?.[1] ?? '';
  const host = parseHost(typed, { idp: true });
  if (!host.ok) throw usageError(`refusing URL ${spec}: ${host.message}`, host.code, host.hint);
  return url;
}
