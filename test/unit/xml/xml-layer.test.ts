import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeXml,
  elementText,
  parseDom,
  scanHostile,
  verifyEnvelopedSignature,
  NS,
  descendants,
  lineIndex,
  positionOf,
} from '../../../src/core/xml/index.js';

const fixture = (p: string) => readFileSync(`fixtures/metadata/${p}`);
const SIGNER = readFileSync('fixtures/certs/okta-rotation.cert.pem', 'utf8');
const OTHER = readFileSync('fixtures/certs/okta-like.cert.pem', 'utf8');
const codes = (fs: { code: string }[]) => fs.map((f) => f.code);

describe('decodeXml', () => {
  const text = '<a>é</a>';
  it.each([
    ['UTF-8', Buffer.from(text), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), 'utf-8', true],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'utf-16le', true],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]), 'utf-16be', true],
  ])('%s decodes to the same text', (_n, bytes, encoding, bom) => {
    const d = decodeXml(bytes);
    expect(d).toEqual({ text, encoding, bom, findings: [] });
  });

  it.each([
    ['empty', Buffer.alloc(0), 'XML_EMPTY'],
    ['whitespace only', Buffer.from(' \n'), 'XML_EMPTY'],
    ['invalid UTF-8', Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28]), 'XML_ENCODING'],
    ['UTF-16 without BOM', Buffer.from(text, 'utf16le'), 'XML_ENCODING'],
    ['NUL byte', Buffer.from('<a>\0</a>'), 'XML_NUL_BYTE'],
    ['doubled BOM', Buffer.from([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, 0x3c, 0x61, 0x2f, 0x3e]), 'XML_DOUBLE_BOM'],
  ])('%s → %s', (_n, bytes, code) => {
    expect(codes(decodeXml(bytes).findings)).toEqual([code]);
  });

  it('names the byte offset of invalid UTF-8', () => {
    expect(decodeXml(Buffer.from([0x3c, 0x61, 0x3e, 0xc3, 0x28])).findings[0]?.message).toContain('byte 3');
  });
});

describe('scanHostile: one test per hostile construct, with line:col', () => {
  it.each([
    ['DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE a>\n<a/>', 'XML_DOCTYPE', 2, 1],
    ['entity declaration', '<!DOCTYPE a [\n  <!ENTITY x "y">\n]>\n<a>&x;</a>', 'XML_ENTITY_DECLARATION', 2, 3],
    ['processing instruction', '<a>\n  <?php echo 1 ?>\n</a>', 'XML_PROCESSING_INSTRUCTION', 2, 3],
    ['XML declaration not first', '\n<?xml version="1.0"?><a/>', 'XML_DECLARATION_MISPLACED', 2, 1],
    ['second root', '<a/>\n<b/>', 'XML_MULTIPLE_ROOTS', 2, 1],
    ['text before root', 'x<a/>', 'XML_TEXT_OUTSIDE_ROOT', 1, 1],
    ['text after root', '<a/>\n  tail', 'XML_TEXT_OUTSIDE_ROOT', 2, 3],
    ['duplicate attribute', '<a x="1"\n   x="2"/>', 'XML_DUPLICATE_ATTRIBUTE', 2, 4],
    ['markup in an attribute value', '<a x="1<!-- c -->"/>', 'XML_NOT_WELL_FORMED', 1, 8],
    ['unclosed element', '<a>\n<b></a>', 'XML_NOT_WELL_FORMED', 2, 4],
  ])('%s: %j → %s at %i:%i', (_n, xml, code, line, column) => {
    const f = scanHostile(xml).findings.find((x) => x.code === code);
    expect(f?.location).toEqual({ line, column });
    expect(f?.severity).toBe('error');
  });

  it('accepts the XML declaration, comments and whitespace around the root', () => {
    const { findings, safeToParse } = scanHostile('<?xml version="1.0"?>\n<!-- c -->\n<a><![CDATA[<x>]]></a>\n<!-- d -->\n');
    expect({ findings, safeToParse }).toEqual({ findings: [], safeToParse: true });
  });

  it('DOCTYPE, entities and not-well-formed input stop the parser; parseDom returns no DOM', () => {
    expect(scanHostile('<!DOCTYPE a><a/>').safeToParse).toBe(false);
    expect(parseDom('<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>').doc).toBeUndefined();
  });
});

describe('parseDom and elementText', () => {
  it('gives xmldom positions and namespace-aware elements', () => {
    const { root } = parseDom('<?xml version="1.0"?>\n<p:r xmlns:p="urn:x">\n  <p:v>1</p:v>\n</p:r>', 'f.xml');
    expect(root?.namespaceURI).toBe('urn:x');
    const v = descendants(root as Element, 'urn:x', 'v')[0] as Element;
    expect([(v as unknown as { lineNumber: number }).lineNumber, (v as unknown as { columnNumber: number }).columnNumber]).toEqual([3, 3]);
  });

  it('elementText concatenates text and CDATA but rejects comments inside values', () => {
    const { root } = parseDom('<r><v>a<![CDATA[b]]>c</v><w>x<!-- y -->z</w></r>');
    const [v, w] = Array.from((root as Element).childNodes).filter((n) => n.nodeType === 1) as Element[];
    expect(elementText(v as Element)).toEqual({ value: 'abc', findings: [] });
    const t = elementText(w as Element);
    expect(t.value).toBe('xz');
    expect(codes(t.findings)).toEqual(['XML_COMMENT_IN_VALUE']);
  });

  it('an undeclared namespace prefix is not well-formed (xmldom would leave it without a namespace)', () => {
    const r = parseDom('<r xmlns="urn:x">\n  <ds:KeyInfo/>\n</r>');
    expect(r.findings.map((f) => [f.code, f.location])).toEqual([['XML_NOT_WELL_FORMED', { line: 2, column: 3 }]]);
    expect(parseDom('<r xmlns:ds="urn:ds" xml:lang="en"><ds:KeyInfo/></r>').findings).toEqual([]);
  });

  it('positionOf counts LF, CRLF and CR line ends', () => {
    const idx = lineIndex('a\r\nb\rc\nd');
    expect([positionOf(idx, 3), positionOf(idx, 5), positionOf(idx, 7)]).toEqual([
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

describe('verifyEnvelopedSignature', () => {
  const check = (xml: string, certs: string[]) => {
    const { doc, root } = parseDom(xml);
    return verifyEnvelopedSignature(xml, doc as Document, root as Element, { trustedCerts: certs });
  };
  const signed = fixture('valid/okta-signed.xml').toString('utf8');

  it('verifies with the signer cert, naming which trusted cert, and hands back the covered element', () => {
    const { doc, root } = parseDom(signed);
    const r = verifyEnvelopedSignature(signed, doc as Document, root as Element, { trustedCerts: [OTHER, SIGNER] });
    expect(r.verified).toBe(true);
    expect(r.trustedCertIndex).toBe(1);
    expect(r.signedElement).toBe(root);
    expect(r.findings).toEqual([]);
    expect(r.keyInfoCertificates).toHaveLength(1);
  });

  it('never trusts the KeyInfo cert: a wrong pinned cert fails even though KeyInfo holds the right one', () => {
    const r = check(signed, [OTHER]);
    expect(r.verified).toBe(false);
    expect(r.signedElement).toBeUndefined();
    expect(codes(r.findings)).toEqual(['XML_SIGNATURE_INVALID']);
  });

  it('reports an unsigned element as not present', () => {
    const r = check(fixture('valid/okta-acme.xml').toString('utf8'), [SIGNER]);
    expect([r.present, r.verified, r.findings]).toEqual([false, false, []]);
  });

  it.each([
    ['signed-tampered.xml', 'XML_SIGNATURE_INVALID'],
    ['signed-reference-elsewhere.xml', 'XML_SIGNATURE_REFERENCE'],
    ['signed-duplicate-id.xml', 'XML_SIGNATURE_REFERENCE'],
    ['signed-hmac.xml', 'XML_SIGNATURE_ALGORITHM'],
    ['signed-md5-digest.xml', 'XML_SIGNATURE_ALGORITHM'],
    ['signed-two-signedinfo.xml', 'XML_SIGNATURE_STRUCTURE'],
    ['signed-signature-not-child.xml', 'XML_SIGNATURE_NOT_CHILD'],
  ])('%s → %s, never verified', (file, code) => {
    const r = check(fixture(`invalid/${file}`).toString('utf8'), [SIGNER]);
    expect(r.verified).toBe(false);
    expect(r.signedElement).toBeUndefined();
    expect(codes(r.findings)).toContain(code);
  });

  it('two Signature children → XML_SIGNATURE_MULTIPLE', () => {
    const sig = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] ?? '';
    const r = check(signed.replace(sig, sig + sig), [SIGNER]);
    expect(codes(r.findings)).toContain('XML_SIGNATURE_MULTIPLE');
    expect(r.verified).toBe(false);
  });

  it('a comment inside DigestValue is rejected (CVE-2025-29775 class)', () => {
    const r = check(signed.replace(/<ds:DigestValue>/, '<ds:DigestValue><!-- x -->'), [SIGNER]);
    expect(codes(r.findings)).toContain('XML_COMMENT_IN_VALUE');
    expect(r.verified).toBe(false);
  });

  it('a repeated transform is rejected (node-saml "too many transforms")', () => {
    const r = check(signed.replace(/(<ds:Transform [^>]*enveloped-signature"\/>)/, '$1$1'), [SIGNER]);
    expect(codes(r.findings)).toContain('XML_SIGNATURE_ALGORITHM');
  });

  it('a signature inside a child element does not count as the root signature', () => {
    const { doc, root } = parseDom(signed);
    const idp = descendants(root as Element, NS.MD, 'IDPSSODescriptor')[0] as Element;
    const r = verifyEnvelopedSignature(signed, doc as Document, idp, { trustedCerts: [SIGNER] });
    expect(r.present).toBe(false);
  });
});
