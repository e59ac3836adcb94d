import { inputError } from '../errors.js';
import { finding, type Finding } from '../findings.js';
import { analyzeCertificate, type CertAnalysis } from './analyze-certificate.js';
import { CERT_CODES } from './codes.js';
import { pemLabelCode } from './classify-certificate.js';
import type { CertDetails } from './read-certificate.js';

export interface PemOptions {
  now: Date;
  minDays?: number;
  /** Shown in finding locations. */
  file?: string;
}

export interface PemCertificates {
  /** One entry per CERTIFICATE block, in file order; `cert` is absent when it did not decode. */
  certs: CertAnalysis[];
  findings: Finding[];
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

/**
 * Reads a PEM file given as --idp-cert / --signer-cert: one or more CERTIFICATE blocks (RFC 7468
 * §5). Text before or after blocks (openssl's "subject=…" lines) is ignored; any other block type
 * (a key, a CSR) is named. A file with no block at all is read as one bare base64 certificate.
 */
export function pemToCertificate(pemText: string, opts: PemOptions): PemCertificates {
  const text = pemText.replace(/^\uFEFF/, '');
  const certs: CertAnalysis[] = [];
  const findings: Finding[] = [];
  const lineAt = (offset: number): number => text.slice(0, offset).split('\n').length;
  const loc = (line: number) => (opts.file === undefined ? { line, column: 1 } : { file: opts.file, line, column: 1 });
  let sawBlock = false;
  for (const m of text.matchAll(BLOCK)) {
    sawBlock = true;
    const label = m[1] ?? '';
    const body = m[2] ?? '';
    const bodyStart = (m.index ?? 0) + `-----BEGIN ${label}-----`.length;
    if (label === 'CERTIFICATE' || label === 'X509 CERTIFICATE' || label === 'TRUSTED CERTIFICATE') {
      const startLine = lineAt(bodyStart);
      const startColumn = bodyStart - text.lastIndexOf('\n', bodyStart - 1);
      const location =
        opts.file === undefined ? { line: startLine, column: startColumn } : { file: opts.file, line: startLine, column: startColumn };
      const analysis = analyzeCertificate(body, { now: opts.now, minDays: opts.minDays, location });
      certs.push(analysis);
      findings.push(...analysis.findings);
    } else {
      const code = pemLabelCode(label) ?? 'CERT_UNDECODABLE';
      findings.push(
        finding(
          code,
          'error',
          `The file holds a "${label}" PEM block, not a certificate.`,
          CERT_CODES[code].help,
          loc(lineAt(m.index ?? 0)),
        ),
      );
    }
  }
  if (!sawBlock) {
    const analysis = analyzeCertificate(text, { now: opts.now, minDays: opts.minDays, location: loc(1) });
    certs.push(analysis);
    findings.push(...analysis.findings);
  }
  return { certs, findings };
}

/**
 * For commands that need trusted certs and cannot go on without them: every block must decode.
 * Time findings (expired, not yet valid) are left to the caller, who knows which clock applies.
 */
export function requirePemCertificates(pemText: string, opts: PemOptions): CertDetails[] {
  const { certs, findings } = pemToCertificate(pemText, opts);
  const blocking = findings.filter(
    (f) => f.severity === 'error' && !['CERT_EXPIRED', 'CERT_NOT_YET_VALID', 'CERT_WEAK_KEY', 'CERT_MD5_SIGNATURE'].includes(f.code),
  );
  const first = blocking[0];
  if (first) throw inputError(`${opts.file ?? 'certificate file'}: ${first.message}`, first.code, first.hint);
  const out = certs.flatMap((c) => (c.cert ? [c.cert] : []));
  if (out.length === 0) {
    throw inputError(
      `${opts.file ?? 'certificate file'}: no certificate found`,
      'CERT_FILE_EMPTY',
      'Give a PEM file with a -----BEGIN CERTIFICATE----- block.',
    );
  }
  return out;
}
