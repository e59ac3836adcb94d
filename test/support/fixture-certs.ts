import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Paths to the fixture certificates and their keys (fixtures/certs, made by
 * scripts/fixtures/make-certs.mjs; dates and SHA-256 in fixtures/certs/README.md).
 * Fixture keys only: use them to sign test metadata and responses, nothing else.
 */
export const CERTS_DIR = resolve(process.cwd(), 'fixtures', 'certs');

export const FIXTURE_CERT_NAMES = [
  'okta-like',
  'okta-rotation',
  'expired',
  'not-yet-valid',
  'rsa1024',
  'sha1',
  'md5',
  'ec-p256',
  'ed25519',
  'dsa',
] as const;
export type FixtureCertName = (typeof FIXTURE_CERT_NAMES)[number];

export const certPath = (name: FixtureCertName): string => join(CERTS_DIR, `${name}.cert.pem`);
export const keyPath = (name: FixtureCertName): string => join(CERTS_DIR, `${name}.key.pem`);
export const CSR_PATH = join(CERTS_DIR, 'okta-like.csr.pem');
export const PUBLIC_KEY_PATH = join(CERTS_DIR, 'okta-like.pub.pem');

export const readCertPem = (name: FixtureCertName): string => readFileSync(certPath(name), 'utf8');
export const readKeyPem = (name: FixtureCertName): string => readFileSync(keyPath(name), 'utf8');

/** The base64 body of a PEM file, on one line: what goes inside <ds:X509Certificate>. */
export function pemBody(pem: string): string {
  return pem.replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '').replace(/\s+/g, '');
}

/** The fixture cert's base64 as Okta wraps it in metadata (64 columns). */
export const certBase64 = (name: FixtureCertName): string => pemBody(readCertPem(name));
