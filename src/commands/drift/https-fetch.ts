import { request } from 'node:https';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';

/**
 * A `fetch` for one purpose: GET over https with extra trusted CAs (drift's --ca-file, for an
 * Okta custom domain behind a private PKI). Node's global fetch takes no per-request CA without
 * undici's own Agent, so this uses node:https's `ca` option and hands back a standard Response:
 * read-source.ts's fetchHttps still applies every rule (https only, same-host redirects checked
 * hop by hop, timeout, size cap). Node's default roots stay trusted next to the file's.
 */
export function httpsFetchWithCa(extraCaPem: string): typeof fetch {
  const ca = [...rootCertificates, extraCaPem];
  return ((input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.protocol !== 'https:') return reject(new TypeError(`only https is fetched, not ${url.protocol}`));
      const signal = init?.signal ?? undefined;
      // agent: false, so no kept-alive socket holds the process open after the answer
      let body: import('node:http').IncomingMessage | undefined;
      const req = request(
        url,
        { method: 'GET', ca, agent: false, headers: { accept: 'application/samlmetadata+xml, application/xml, text/xml' } },
        (res) => {
          body = res;
          const status = res.statusCode ?? 0;
          const headers = new Headers();
          for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
          // Only a 2xx body is read; anything else is answered from its status and headers.
          if (status < 200 || status >= 300 || status === 204 || status === 205) {
            res.resume();
            return resolve(new Response(null, { status: status >= 200 && status <= 599 ? status : 502, headers }));
          }
          resolve(new Response(Readable.toWeb(res) as unknown as ReadableStream, { status, headers }));
        },
      );
      // the timeout also stops a body that stalls half-way, with the signal's own TimeoutError
      const abort = () => {
        const why = signal?.reason instanceof Error ? signal.reason : new Error('aborted');
        body?.destroy(why);
        req.destroy(why);
      };
      if (signal?.aborted) abort();
      signal?.addEventListener('abort', abort, { once: true });
      req.on('error', reject);
      req.end();
    })) as typeof fetch;
}
