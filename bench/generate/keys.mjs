// Keys and certificates for the benchmark inputs, made with the openssl CLI (present wherever
// xmlsec1 is). One federation signer plus a handful of entity certs: the issue's profile saw
// "the same 8 certificates 10 000 times", so aggregates reuse a small set on purpose.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ENTITY_CERTS = 8;

/** Base64 body of a PEM certificate, re-wrapped at 64 columns like Okta's exports. */
export function certBody(pem) {
  const b64 = pem.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, '');
  return b64.match(/.{1,64}/g).join('\n');
}

function makePair(dir, name, cn) {
  const key = join(dir, `${name}.key.pem`);
  const cert = join(dir, `${name}.cert.pem`);
  // 10 years: the bench passes --now = generation time + 1 day, so nothing expires mid-study.
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '3650',
      '-subj',
      `/O=polyaxon-sso bench/CN=${cn}`,
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return { key, cert, pem: readFileSync(cert, 'utf8') };
}

/** Writes bench/work/keys/*.pem; returns paths and PEMs. */
export function makeKeys(work) {
  const dir = join(work, 'keys');
  mkdirSync(dir, { recursive: true });
  const signer = makePair(dir, 'signer', 'Bench Federation Metadata Signer');
  const entities = [];
  for (let i = 0; i < ENTITY_CERTS; i++) entities.push(makePair(dir, `entity-${i}`, `bench-idp-${i}.example.org`));
  return { signer, entities };
}
