/**
 * Opens a saml:EncryptedAssertion with the SP's private key (XML Encryption 1.1), using Node's
 * crypto only, with an allow-list:
 * - key transport: RSA-OAEP (`xmlenc#rsa-oaep-mgf1p`, `xmlenc11#rsa-oaep`) only. RSA PKCS#1 v1.5
 *   (`xmlenc#rsa-1_5`) is refused: it is a padding oracle (Bleichenbacher; "Practical Attacks on
 *   XML Encryption", Jager/Somorovsky 2011-2012), and Node itself disabled it for private
 *   decryption (CVE-2023-46809). Okta encrypts keys with RSA-OAEP.
 * - content: AES-128/192/256-CBC and AES-128/256-GCM. No 3DES.
 * The EncryptedKey is read from EncryptedData/KeyInfo, through ds:RetrievalMethod, or as the
 * sibling of EncryptedData (gosaml2's 2017 Okta capture, pysaml2, ruby-saml retrieval-method case).
 */
import type { KnownCode } from '../finding-codes.js';
import { createDecipheriv, createPrivateKey, constants, privateDecrypt, type CipherGCMTypes, type KeyObject } from 'node:crypto';
import { finding, type Finding, type Location } from '../findings.js';
import { NS, attr, child, children } from './saml-dom.js';

const CONTENT: Record<string, { mode: 'cbc' | 'gcm'; bytes: number }> = {
  'http://www.w3.org/2001/04/xmlenc#aes128-cbc': { mode: 'cbc', bytes: 16 },
  'http://www.w3.org/2001/04/xmlenc#aes192-cbc': { mode: 'cbc', bytes: 24 },
  'http://www.w3.org/2001/04/xmlenc#aes256-cbc': { mode: 'cbc', bytes: 32 },
  'http://www.w3.org/2009/xmlenc11#aes128-gcm': { mode: 'gcm', bytes: 16 },
  'http://www.w3.org/2009/xmlenc11#aes256-gcm': { mode: 'gcm', bytes: 32 },
};
const OAEP = ['http://www.w3.org/2001/04/xmlenc#rsa-oaep-mgf1p', 'http://www.w3.org/2009/xmlenc11#rsa-oaep'];
const DIGEST: Record<string, string> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

export type Decrypted =
  { ok: true; xml: string; keyAlgorithm: string; dataAlgorithm: string } | { ok: false; code: KnownCode; message: string; hint: string };

const HINT_KEY = 'Pass the private key of the certificate uploaded in Okta (app → SAML settings → "Encryption Certificate") with --sp-key.';
const fail = (code: KnownCode, message: string, hint = HINT_KEY): Decrypted => ({ ok: false, code, message, hint });

export function decryptAssertion(enc: Element, spKeyPem: string): Decrypted {
  let key: KeyObject;
  try {
    key = createPrivateKey(spKeyPem);
  } catch (e) {
    return fail('DECRYPT_KEY_INVALID', `the --sp-key is not a usable private key: ${(e as Error).message}`);
  }
  const data = child(enc, NS.xenc, 'EncryptedData');
  if (!data) return fail('DECRYPT_MALFORMED', 'EncryptedAssertion has no xenc:EncryptedData', 'The response is damaged; capture it again.');
  const dataAlg = attr(child(data, NS.xenc, 'EncryptionMethod'), 'Algorithm') ?? '';
  const content = CONTENT[dataAlg];
  if (!content)
    return fail(
      'DECRYPT_ALGORITHM_REFUSED',
      `content encryption "${dataAlg}" is not allowed (AES-CBC / AES-GCM only)`,
      'In Okta set "Encryption Algorithm" to AES256-CBC or AES256-GCM.',
    );
  const ek = findEncryptedKey(enc, data);
  if (!ek)
    return fail(
      'DECRYPT_MALFORMED',
      'no xenc:EncryptedKey found (neither in KeyInfo, nor through RetrievalMethod, nor beside EncryptedData)',
      'The response is damaged; capture it again.',
    );
  const km = child(ek, NS.xenc, 'EncryptionMethod');
  const keyAlg = attr(km, 'Algorithm') ?? '';
  if (!OAEP.includes(keyAlg))
    return fail(
      'DECRYPT_ALGORITHM_REFUSED',
      `key transport "${keyAlg}" is not allowed (RSA-OAEP only; RSA PKCS#1 v1.5 is a padding oracle)`,
      'In Okta set "Key Transport Algorithm" to RSA-OAEP.',
    );
  const digestUri = attr(km && child(km, NS.ds, 'DigestMethod'), 'Algorithm') ?? 'http://www.w3.org/2000/09/xmldsig#sha1';
  const mgfUri = attr(km && child(km, NS.xenc11, 'MGF'), 'Algorithm');
  const oaepHash = DIGEST[digestUri];
  if (!oaepHash || (mgfUri !== undefined && !mgfUri.endsWith(`mgf1${oaepHash}`)))
    return fail(
      'DECRYPT_ALGORITHM_REFUSED',
      `RSA-OAEP digest "${digestUri}"${mgfUri ? ` with MGF "${mgfUri}"` : ''} is not supported`,
      'In Okta set "Key Transport Algorithm" to RSA-OAEP.',
    );
  // One outcome for every way decryption can fail (a wrong key, bad OAEP or CBC padding, a wrong
  // key length, a bad GCM tag, plaintext that is not UTF-8 XML): different messages would be a
  // padding oracle (Vaudenay 2002; Jager/Somorovsky 2011), even offline, and no decrypted byte is
  // ever quoted.
  try {
    const cek = privateDecrypt({ key, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash }, cipherValue(ek));
    if (cek.length !== content.bytes) return undecryptable();
    const body = cipherValue(data);
    const plain = content.mode === 'cbc' ? openCbc(cek, body) : openGcm(cek, body);
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(plain);
    if (!/^\uFEFF?\s*</.test(xml)) return undecryptable();
    return { ok: true, xml, keyAlgorithm: keyAlg, dataAlgorithm: dataAlg };
  } catch {
    return undecryptable();
  }
}

export const DECRYPT_FAILED_MESSAGE = 'the --sp-key cannot decrypt the assertion (it was encrypted for another certificate, or damaged)';

function undecryptable(): Decrypted {
  return fail('DECRYPT_FAILED', DECRYPT_FAILED_MESSAGE, HINT_KEY);
}

/** The same outcome as a finding, for a failure found after decryption (open-decrypted.ts). */
export function undecryptableFinding(at: Location | undefined): Finding {
  return finding('DECRYPT_FAILED', 'error', DECRYPT_FAILED_MESSAGE, HINT_KEY, at);
}

/** AES-GCM authenticates the plaintext; AES-CBC does not. */
export function isAuthenticatedContent(dataAlgorithm: string): boolean {
  return CONTENT[dataAlgorithm]?.mode === 'gcm';
}

function findEncryptedKey(enc: Element, data: Element): Element | undefined {
  const keyInfo = child(data, NS.ds, 'KeyInfo');
  const inline = child(keyInfo, NS.xenc, 'EncryptedKey');
  if (inline) return inline;
  const siblings = children(enc, NS.xenc, 'EncryptedKey');
  const uri = attr(child(keyInfo, NS.ds, 'RetrievalMethod'), 'URI');
  if (uri?.startsWith('#')) return siblings.find((k) => attr(k, 'Id') === uri.slice(1) || attr(k, 'ID') === uri.slice(1));
  return siblings.length === 1 ? siblings[0] : undefined;
}

function cipherValue(el: Element): Buffer {
  const v = child(child(el, NS.xenc, 'CipherData'), NS.xenc, 'CipherValue');
  return Buffer.from((v?.textContent ?? '').replace(/\s+/g, ''), 'base64');
}

/** XML Encryption §5.2.1: IV first; padding = last byte count, the other pad bytes arbitrary. */
function openCbc(key: Buffer, body: Buffer): Buffer {
  const d = createDecipheriv(`aes-${key.length * 8}-cbc`, key, body.subarray(0, 16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(body.subarray(16)), d.final()]);
  const pad = plain[plain.length - 1] ?? 0;
  if (pad < 1 || pad > 16 || pad > plain.length) throw new Error('undecryptable');
  return plain.subarray(0, plain.length - pad);
}

/** XML Encryption 1.1 §5.2.4: 96-bit IV first, 128-bit tag last. */
function openGcm(key: Buffer, body: Buffer): Buffer {
  const d = createDecipheriv(`aes-${key.length * 8}-gcm` as CipherGCMTypes, key, body.subarray(0, 12));
  d.setAuthTag(body.subarray(body.length - 16));
  return Buffer.concat([d.update(body.subarray(12, body.length - 16)), d.final()]);
}
