import { describe, expect, it } from 'vitest';
import { validateMetadata, validateMetadataBytes } from '../../src/core/metadata/validate-metadata.js';
import { scanHostile } from '../../src/core/xml/scan-hostile.js';
import { metadata } from '../support/xml-fixtures.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * The XML gate is at least as strict as libxml2 and expat (docs/design.md, "Read what the consumers
 * read"): each rule where our own parsers were laxer, and each rule on a large input (the gate must
 * take time linear in the size, whatever the shape: a hang guard, never a timing assertion).
 */
const body = metadata({ declaration: false });
const codes = (xml: string) =>
  validateMetadata(xml, { now: NOW })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => f.code);
const utf16 = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

describe('declared encoding names the real one', () => {
  it.each(['UTF-8', 'utf-8', 'Utf-8'])('UTF-8 text declared %s is fine', (enc) => {
    expect(codes(`<?xml version="1.0" encoding="${enc}"?>${body}`)).toEqual([]);
  });
  it.each(['UTF-16', 'ISO-8859-1', 'Shift_JIS', 'UTF-7', 'EBCDIC-US', 'csUTF8', 'UTF8', 'x-unknown', 'US-ASCII'])(
    'UTF-8 text declared %s → XML_ENCODING_DECLARATION',
    (enc) => {
      expect(codes(`<?xml version="1.0" encoding="${enc}"?>${body}`)).toEqual(['XML_ENCODING_DECLARATION']);
    },
  );
  it('UTF-16 bytes: "UTF-16" (any case) is fine, "UTF-8" is an error', () => {
    expect(
      validateMetadataBytes(utf16(`<?xml version="1.0" encoding="utf-16"?>${body}`), { now: NOW }).findings.filter(
        (f) => f.severity === 'error',
      ),
    ).toEqual([]);
    expect(
      validateMetadataBytes(utf16(`<?xml version="1.0" encoding="UTF-8"?>${body}`), { now: NOW }).findings.map((f) => f.code),
    ).toContain('XML_ENCODING_DECLARATION');
  });
  it('a malformed declaration is an error', () => {
    expect(codes(`<?xml version="2.0"?>${body}`)).toEqual(['XML_NOT_WELL_FORMED']);
    expect(codes(`<?xml encoding="UTF-8"?>${body}`)).toEqual(['XML_NOT_WELL_FORMED']);
  });
});

describe('well-formedness where xmldom and fast-xml-parser are laxer than libxml2', () => {
  it.each([
    ['-- inside a comment', `<!-- a -- b -->${body}`, 'XML_COMMENT_SYNTAX'],
    ['a comment ending --->', `<!-- a --->${body}`, 'XML_COMMENT_SYNTAX'],
    ['-- in a comment inside the root', body.replace('<md:NameIDFormat>', '<!-- x--y --><md:NameIDFormat>'), 'XML_COMMENT_SYNTAX'],
    ['&#x1b; in text', body.replace('emailAddress<', 'emailAddress&#x1b;<'), 'XML_CHARACTER_REFERENCE'],
    ['&#0; in an attribute', body.replace('entityID="', 'entityID="&#0;'), 'XML_CHARACTER_REFERENCE'],
    ['&#xFFFE;', body.replace('emailAddress<', 'emailAddress&#xFFFE;<'), 'XML_CHARACTER_REFERENCE'],
    ['&#xD800;', body.replace('emailAddress<', 'emailAddress&#xD800;<'), 'XML_CHARACTER_REFERENCE'],
    ['&#99999999999;', body.replace('emailAddress<', 'emailAddress&#99999999999;<'), 'XML_CHARACTER_REFERENCE'],
    ['a raw ESC character', body.replace('emailAddress<', 'emailAddress\x1b<'), 'XML_INVALID_CHARACTER'],
    ['an undefined entity', body.replace('emailAddress<', 'emailAddress&nbsp;<'), 'XML_NOT_WELL_FORMED'],
    ['a bare &', body.replace('emailAddress<', 'email & address<'), 'XML_NOT_WELL_FORMED'],
    [']]> in text', body.replace('emailAddress<', 'emailAddress]]><'), 'XML_NOT_WELL_FORMED'],
    ['no space between attributes', body.replace('" entityID=', '"entityID='), 'XML_NOT_WELL_FORMED'],
    ['NBSP between attributes', body.replace(' entityID=', '\u00a0entityID='), 'XML_NOT_WELL_FORMED'],
    ['NBSP before the root', `\u00a0${body}`, 'XML_TEXT_OUTSIDE_ROOT'],
    ['a name with two colons', body.replace('<md:NameIDFormat>', '<md:x:y xmlns:x="urn:x"/><md:NameIDFormat>'), 'XML_NOT_WELL_FORMED'],
    ['a name starting with a digit', body.replace('<md:NameIDFormat>', '<md:1x/><md:NameIDFormat>'), 'XML_NOT_WELL_FORMED'],
    ['an unquoted value', body.replace('WantAuthnRequestsSigned="false"', 'WantAuthnRequestsSigned=false'), 'XML_NOT_WELL_FORMED'],
    ['an element with the prefix xmlns', body.replace('<md:NameIDFormat>', '<xmlns:e/><md:NameIDFormat>'), 'XML_NOT_WELL_FORMED'],
    ['xmlns:p=""', body.replace('<md:IDPSSODescriptor ', '<md:IDPSSODescriptor xmlns:p="" '), 'XML_NOT_WELL_FORMED'],
    ['a mismatched end tag', body.replace('</md:NameIDFormat>', '</md:NameIDFormats>'), 'XML_NOT_WELL_FORMED'],
  ])('%s', (_name, xml, code) => {
    expect(codes(xml)).toContain(code);
  });

  it('depth beyond 256 is an error, reported at the first element too deep', () => {
    const deep = (n: number) =>
      body.replace('<md:NameIDFormat>', `<md:Extensions>${'<x>'.repeat(n)}${'</x>'.repeat(n)}</md:Extensions><md:NameIDFormat>`);
    expect(codes(deep(200))).not.toContain('XML_TOO_DEEP');
    expect(codes(deep(300))).toEqual(['XML_TOO_DEEP']);
  });

  it('more than 64 comments outside the root is an error (xmldom is quadratic in them)', () => {
    expect(codes(`${'<!-- c -->'.repeat(64)}${body}`)).toEqual([]);
    expect(codes(`${'<!-- c -->'.repeat(65)}${body}`)).toEqual(['XML_TOO_MANY_COMMENTS']);
  });

  it('a cut-off document is reported at its end, naming what is not closed', () => {
    const cut = body.slice(0, body.indexOf('<md:NameIDFormat>'));
    const f = validateMetadata(cut, { now: NOW, file: 'idp.xml' }).findings;
    expect(f.map((x) => x.code)).toEqual(['XML_DOCUMENT_ENDS_EARLY']);
    expect(f[0]?.message).toContain('<md:EntityDescriptor>, <md:IDPSSODescriptor>');
    const lines = cut.split('\n');
    expect(f[0]?.location).toEqual({ file: 'idp.xml', line: lines.length, column: (lines.at(-1) ?? '').length + 1 });
  });

  it.each([
    ['inside a start tag', (t: string) => t.slice(0, t.indexOf('<md:NameIDFormat>') + 8)],
    ['inside an attribute value', (t: string) => t.slice(0, t.indexOf('Location="') + 20)],
    ['inside an end tag', (t: string) => t.slice(0, t.indexOf('</md:IDPSSODescriptor>') + 10)],
    ['inside a comment', (t: string) => `${t.slice(0, t.indexOf('<md:NameIDFormat>'))}<!-- half`],
  ])('a copy cut off %s is reported at the end of the input, naming the open elements', (_name, cut) => {
    const text = cut(body);
    const f = validateMetadata(text, { now: NOW }).findings;
    expect(f.map((x) => x.code)).toEqual(['XML_DOCUMENT_ENDS_EARLY']);
    expect(f[0]?.message).toMatch(/^the document ends early: <md:EntityDescriptor>, <md:IDPSSODescriptor>/);
    const lines = text.split('\n');
    expect(f[0]?.location).toEqual({ line: lines.length, column: (lines.at(-1) ?? '').length + 1 });
  });

  it('a syntax error points at its own line', () => {
    const lines = body.replace(/></g, '>\n<').split('\n');
    lines[5] = `${lines[5]}<x a="1"b="2"/>`;
    const f = validateMetadata(lines.join('\n'), { now: NOW }).findings.find((x) => x.code === 'XML_NOT_WELL_FORMED');
    expect(f?.location?.line).toBe(6);
  });
});

describe('every gate rule on a large input finishes (linear time)', () => {
  const M = 1_000_000;
  it.each([
    ['comments between the declaration and the root', `<?xml version="1.0"?>${'<!-- c -->'.repeat(M / 10)}<x`],
    ['comments before an HTML-looking root', `${'<!-- c -->'.repeat(M / 10)}<html`],
    ['comments before a valid root', `${'<!--c-->'.repeat(M / 8)}${body}`],
    ['deep nesting', '<a>'.repeat(M / 3)],
    ['many attributes', `<a ${Array.from({ length: M / 10 }, (_, i) => `a${i}="1"`).join(' ')}`],
    ['one long attribute value', `<a x="${'a'.repeat(M)}`],
    ['many references', `<a>${'&amp;'.repeat(M / 5)}</a>`],
    ['many ]]', `<a>${']]'.repeat(M / 2)}</a>`],
    ['dashes in an unclosed comment', `<a><!--${'-x'.repeat(M / 2)}`],
    ['many <', '<'.repeat(M)],
    ['a long declaration', `<?xml version="1.0"${' '.repeat(M)}?><a/>`],
    ['many processing instructions', '<?x ?>'.repeat(M / 6)],
    ['many stray end tags', `<a>${'</b>'.repeat(M / 4)}`],
    ['many CDATA sections', `<a>${'<![CDATA[x]]>'.repeat(M / 13)}</a>`],
    ['whitespace then an unclosed tag', `${' '.repeat(M)}<x`],
  ])(
    '%s',
    (_name, xml) => {
      expect(scanHostile(xml).findings.length).toBeLessThanOrEqual(50);
      codes(xml);
    },
    20_000,
  );
});
