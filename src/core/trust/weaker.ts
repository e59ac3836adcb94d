import type { ParsedMetadata } from '../metadata/types.js';
import type { CertBrief, WeakerFlag } from './types.js';

/**
 * What gets worse when `after` replaces `before`: a shorter key of the same type (NIST SP 800-57
 * strength follows the size), a SHA-1 certificate signature where there was none (SHA-1 is
 * deprecated for signatures, NIST SP 800-131A), a latest expiry earlier than before (the next
 * rotation comes sooner), or an http SSO endpoint where all were https.
 */
export function weakerFlags(before: ParsedMetadata, after: ParsedMetadata, was: CertBrief[], now: CertBrief[]): WeakerFlag[] {
  const out: WeakerFlag[] = [];
  const minSize = (certs: CertBrief[], type: string) =>
    Math.min(...certs.filter((c) => c.keyType === type && c.keySize !== undefined).map((c) => c.keySize as number));
  for (const c of now) {
    const old = minSize(was, c.keyType);
    if (c.keySize !== undefined && Number.isFinite(old) && c.keySize < old) {
      out.push({
        what: 'key-size',
        message: `${c.keyType} ${c.keySize}-bit key (${c.sha256.slice(0, 11)}…) is shorter than the ${old}-bit key it replaces`,
      });
      break;
    }
  }
  const sha1 = (c: CertBrief) => /sha1(?!\d)/i.test(c.signatureAlgorithm);
  if (!was.some(sha1) && now.some(sha1))
    out.push({ what: 'sha1-signature', message: 'a new signing certificate is signed with SHA-1; the previous ones were not' });
  const latest = (certs: CertBrief[]) => Math.max(...certs.map((c) => Date.parse(c.notAfter)));
  if (was.length > 0 && now.length > 0 && latest(now) < latest(was))
    out.push({
      what: 'earlier-expiry',
      message: `the newest certificate expires ${new Date(latest(now)).toISOString().slice(0, 10)}, before the current one (${new Date(latest(was)).toISOString().slice(0, 10)})`,
    });
  const http = (md: ParsedMetadata) => md.ssoEndpoints.some((e) => /^http:/i.test(e.location));
  if (!http(before) && http(after)) out.push({ what: 'http-endpoint', message: 'an SSO endpoint uses plain http' });
  return out;
}
