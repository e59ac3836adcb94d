import { describe, expect, it } from 'vitest';
import { parseDom } from '../../../src/core/xml/parse-dom.js';
import { xmlCrypto } from '../../../src/core/xml/lazy-xml-crypto.js';
import { positionPath } from '../../../src/core/xml/verify-signature.js';

/**
 * The coverage proof hands xml-crypto the signed element's position path instead of its ID lookup
 * (a whole-document scan less). It must name the very same element, so xml-crypto finds
 * the same in-scope ancestor namespaces with it.
 */
const XML = `<?xml version="1.0"?>
<!-- a comment before the root is not an element -->
<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r1">
  <saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">x</saml:Issuer>
  text
  <x:Wrapper xmlns:x="urn:example:x" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">
    <?pi ignored?>
    <saml:Assertion ID="a1"><saml:Subject/></saml:Assertion>
  </x:Wrapper>
</samlp:Response>`;

describe('positionPath', () => {
  const { doc, root } = parseDom(XML);
  const assertion = (doc as Document).getElementsByTagName('saml:Assertion')[0] as Element;

  it('counts element siblings only, from the root', () => {
    expect(positionPath(root as Element)).toBe('/*[1]');
    expect(positionPath(assertion)).toBe('/*[1]/*[2]/*[1]');
  });

  it('gives xml-crypto the same ancestor namespaces as its ID lookup does', () => {
    const { findAncestorNs } = xmlCrypto() as unknown as {
      findAncestorNs(d: Document, xpath: string): { prefix: string; namespaceURI: string }[];
    };
    const byId = findAncestorNs(doc as Document, "//*[@*[local-name(.)='ID']='a1']");
    expect(byId.map((n) => n.prefix).sort()).toEqual(['samlp', 'x']);
    expect(findAncestorNs(doc as Document, positionPath(assertion))).toEqual(byId);
    expect(findAncestorNs(doc as Document, positionPath(root as Element))).toEqual(
      findAncestorNs(doc as Document, "//*[@*[local-name(.)='ID']='r1']"),
    );
  });
});
