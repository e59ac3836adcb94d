import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mentionsSignature } from '../../../src/cli/preload-if-signed.js';

/** The sniff that decides whether a command preloads xml-crypto: it must never miss. */
describe('mentionsSignature', () => {
  it.each(['okta-signed.xml'])('finds the signature in %s', (name) => {
    const bytes = readFileSync(`fixtures/metadata/valid/${name}`);
    expect(mentionsSignature(bytes)).toBe(true);
    expect(mentionsSignature(bytes.toString('utf8'))).toBe(true);
  });

  it('finds it in UTF-16 (both byte orders)', () => {
    const xml =
      '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"><ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#"/></md:EntityDescriptor>';
    const le = Buffer.from(`\uFEFF${xml}`, 'utf16le');
    expect(mentionsSignature(le)).toBe(true);
    expect(mentionsSignature(Buffer.from(le).swap16())).toBe(true);
  });

  it('is false for unsigned metadata, so xml-crypto stays unloaded', () => {
    expect(mentionsSignature(readFileSync('fixtures/metadata/valid/okta-acme.xml'))).toBe(false);
    expect(mentionsSignature(readFileSync('fixtures/metadata/valid/okta-utf16le-bom.xml'))).toBe(false);
  });

  it('reads only the view it is given', () => {
    const buf = Buffer.from('xxSignaturexx<a/>');
    expect(mentionsSignature(buf.subarray(11))).toBe(false);
    expect(mentionsSignature(buf.subarray(2, 11))).toBe(true);
  });
});
