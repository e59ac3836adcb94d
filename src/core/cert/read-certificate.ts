import { createHash, X509Certificate } from 'node:crypto';
import type { CertInfo, StaticFinding } from './cert-types.js';
import { CERT_CODES, type CertCode } from './codes.js';
import { children, readTime, readTlv, TAG } from './der.js';
import { describeKey } from './describe-key.js';
import { readSignatureAlgorithm } from './signature-algorithms.js';

/** Everything reported for one certificate (CertInfo without its place in a document). */
export type CertDetails = Omit<CertInfo, 'index' | 'use' | 'newest' | 'location'>;

/** A finding before a location is attached; the same for every occurrence of the cert. */

export interface ReadCertificate {
  details?: Omit<CertDetails, 'daysLeft'>;
  findings: StaticFinding[];
}

/** Okta's fingerprint form: upper-case hex pairs joined by ':'. */
export function fingerprint(der: Uint8Array, algorithm: 'sha256' | 'sha1'): string {
  const hex = createHash(algorithm).update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? '';
}

export function toPem(der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/**
 * Reads a DER certificate whose outer length was already checked. Node's parser (OpenSSL) is the
 * judge of validity; our DER walk adds the signature algorithm and exact validity dates.
 */
export function readCertificate(der: Buffer): ReadCertificate {
  const findings: StaticFinding[] = [];
  const add = (code: CertCode, severity: StaticFinding['severity'], message: string): void => {
    findings.push({ code, severity, message });
  };
  let x: X509Certificate;
  let fields: ReturnType<typeof readFields>;
  try {
    x = new X509Certificate(der);
    fields = readFields(der);
  } catch (e) {
    add('CERT_UNDECODABLE', 'error', `${CERT_CODES.CERT_UNDECODABLE.title} (${(e as Error).message})`);
    return { findings };
  }
  const key = describeKey(x);
  const alg = fields.signatureAlgorithm;
  if (alg.strength === 'broken')
    add('CERT_MD5_SIGNATURE', 'error', `Signed with ${alg.name}: MD5-class hashes are broken (collisions are practical).`);
  if (alg.strength === 'sha1') add('CERT_SHA1_SIGNATURE', 'warning', `Signed with ${alg.name}: SHA-1 is deprecated for signatures.`);
  if (key.problem) add(key.problem.code, key.problem.severity, key.problem.message);
  // Same name bytes, or the same name in another string encoding (OpenSSL's RFC 5280 §7.1 match).
  const selfSigned = Buffer.compare(fields.issuer, fields.subject) === 0 || sameName(x);
  const details: Omit<CertDetails, 'daysLeft'> = {
    subject: x.subject.split('\n').join(', '),
    issuer: x.issuer.split('\n').join(', '),
    serialNumber: fields.serialNumber,
    notBefore: fields.notBefore.toISOString(),
    notAfter: fields.notAfter.toISOString(),
    keyType: key.type,
    signatureAlgorithm: alg.name,
    selfSigned,
    sha256: fingerprint(der, 'sha256'),
    sha1: fingerprint(der, 'sha1'),
    pem: toPem(der),
  };
  if (key.size !== undefined) details.keySize = key.size;
  if (key.curve !== undefined) details.curve = key.curve;
  if (selfSigned) {
    details.selfSignatureValid = verifySelf(x);
    if (!details.selfSignatureValid) {
      add('CERT_SELF_SIGNATURE_INVALID', 'warning', 'The certificate is self-issued but its signature does not verify with its own key.');
    }
  }
  return { details, findings };
}

function sameName(x: X509Certificate): boolean {
  try {
    return x.checkIssued(x);
  } catch {
    return false;
  }
}

function verifySelf(x: X509Certificate): boolean {
  try {
    return x.verify(x.publicKey);
  } catch {
    return false;
  }
}

function readFields(der: Buffer) {
  const [tbs, algId] = children(der, readTlv(der, 0));
  if (!tbs || !algId) throw new Error('not a certificate');
  const tbsKids = children(der, tbs);
  const base = tbsKids[0]?.tag === TAG.CONTEXT_0 ? 1 : 0; // [0] version is absent in v1 certs
  const serial = tbsKids[base];
  const issuer = tbsKids[base + 2];
  const validity = tbsKids[base + 3];
  const subject = tbsKids[base + 4];
  if (!serial || serial.tag !== TAG.INTEGER || !issuer || !validity || !subject) throw new Error('incomplete TBSCertificate');
  // As `openssl x509 -serial` prints it: upper-case hex, without the DER sign byte.
  let serialBytes = Buffer.from(der.subarray(serial.contentStart, serial.end));
  if (serialBytes.length > 1 && serialBytes[0] === 0 && (serialBytes[1] ?? 0) >= 0x80) serialBytes = serialBytes.subarray(1);
  const [nb, na] = children(der, validity);
  if (!nb || !na) throw new Error('incomplete validity');
  return {
    signatureAlgorithm: readSignatureAlgorithm(der, algId),
    serialNumber: serialBytes.toString('hex').toUpperCase(),
    issuer: der.subarray(issuer.start, issuer.end),
    subject: der.subarray(subject.start, subject.end),
    notBefore: readTime(der, nb),
    notAfter: readTime(der, na),
  };
}
