import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NS, childElements, parseDom, verifySignature, type SignatureVerifyOptions } from '../../../src/core/xml/index.js';

/**
 * The one XML-DSig verifier behind metadata and responses: the two callers differ only by the
 * options below, each tested both ways on the same signed document.
 */
const SIGNED = readFileSync('fixtures/metadata/valid/okta-signed.xml', 'utf8');
const SIGNER = readFileSync('fixtures/certs/okta-rotation.cert.pem', 'utf8');
const METADATA: SignatureVerifyOptions = { trustedCerts: [SIGNER], commentsInDigestValue: 'reject', withComments: 'allow' };
const RESPONSE: SignatureVerifyOptions = { trustedCerts: [SIGNER], commentsInDigestValue: 'warn', withComments: 'refuse' };

function verify(xml: string, opts: SignatureVerifyOptions) {
  const { root } = parseDom(xml);
  const sig = childElements(root as Element, NS.DS, 'Signature')[0] as Element;
  return { root, v: verifySignature(sig, xml, opts) };
}
const found = (fs: { code: string; severity: string }[]) => fs.map((f) => [f.code, f.severity]);

describe('verifySignature', () => {
  it('verifies with either profile and hands back the covered element', () => {
    for (const opts of [METADATA, RESPONSE]) {
      const { root, v } = verify(SIGNED, opts);
      expect([v.valid, v.cryptoValid, v.certIndex, v.covers === root, v.findings]).toEqual([true, true, 0, true, []]);
    }
  });

  it('a comment inside DigestValue: an error with "reject" (not valid), a warning with "warn" (valid)', () => {
    const xml = SIGNED.replace(/<ds:DigestValue>(.{6})/, '<ds:DigestValue>$1<!---->');
    const rejected = verify(xml, METADATA).v;
    expect([rejected.valid, rejected.covers, found(rejected.findings)]).toEqual([false, undefined, [['XML_COMMENT_IN_VALUE', 'error']]]);
    const warned = verify(xml, RESPONSE).v;
    expect([warned.valid, found(warned.findings)]).toEqual([true, [['XML_COMMENT_IN_VALUE', 'warning']]]);
    expect(warned.findings[0]?.location?.column).toBe(xml.indexOf('<!---->') - xml.lastIndexOf('\n', xml.indexOf('<!---->')));
  });

  it('a comment inside SignatureValue is an error in both profiles', () => {
    const xml = SIGNED.replace(/<ds:SignatureValue>(.{6})/, '<ds:SignatureValue>$1<!---->');
    for (const opts of [METADATA, RESPONSE]) expect(found(verify(xml, opts).v.findings)).toContainEqual(['XML_COMMENT_IN_VALUE', 'error']);
  });

  it('#WithComments: refused before any crypto with "refuse", loaded with "allow"', () => {
    const xml = SIGNED.replace(
      '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>',
      '<ds:Transform Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#WithComments"/>',
    );
    const refused = verify(xml, RESPONSE).v;
    expect([refused.cryptoValid, found(refused.findings)]).toEqual([false, [['XML_SIGNATURE_ALGORITHM', 'error']]]);
    // Allowed, it is loaded and checked: the edited SignedInfo no longer matches its SignatureValue.
    expect(found(verify(xml, METADATA).v.findings)).toEqual([['XML_SIGNATURE_INVALID', 'error']]);
  });

  it('caller hints replace the default hint of a code', () => {
    const v = verify(SIGNED, { ...RESPONSE, trustedCerts: [], hints: { XML_SIGNATURE_NO_TRUSTED_CERT: 'Pass --idp-cert.' } }).v;
    expect(v.findings.map((f) => [f.code, f.hint])).toEqual([['XML_SIGNATURE_NO_TRUSTED_CERT', 'Pass --idp-cert.']]);
  });
});
