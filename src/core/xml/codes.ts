import type { Severity } from '../findings.js';
/**
 * The catalogue of XML-layer finding codes (decoding, hostile constructs, DOM, XML signatures).
 * Shared by every command that reads XML (validate-metadata, check-response, patch, lint), and the
 * source for docs/findings.md and SARIF rules. Codes are stable: tests and users match on them.
 */
export interface CodeInfo {
  /** The default severity; a finding may raise or lower it (--strict, the input), which explain says. */
  severity?: Severity;
  title: string;
  help: string;
}

export const XML_CODES = {
  XML_EMPTY: { severity: 'error', title: 'Empty input', help: 'The input has no content. Download the document again.' },
  XML_ENCODING: {
    severity: 'error',
    title: 'Unreadable text encoding',
    help: 'XML must be UTF-8 (with or without BOM) or UTF-16 with a BOM. Re-download the file instead of copying it through an editor.',
  },
  XML_NUL_BYTE: {
    severity: 'error',
    title: 'NUL byte in the text',
    help: 'A NUL byte is never valid XML; the file is binary or truncated.',
  },
  XML_DOUBLE_BOM: {
    severity: 'error',
    title: 'Byte order mark repeated',
    help: 'The file starts with two byte order marks (saved twice by an editor); libxml2-based SAML stacks refuse it. Save it again as UTF-8.',
  },
  XML_NOT_WELL_FORMED: { severity: 'error', title: 'Not well-formed XML', help: 'The parser stopped at this line and column.' },
  XML_ENCODING_DECLARATION: {
    severity: 'error',
    title: 'Declared encoding differs from the real one',
    help: 'The XML declaration must name the encoding the file is stored in (UTF-8, or UTF-16 with a BOM): libxml2 and expat decode by the declared name. Download the file again, or fix encoding="…".',
  },
  XML_INVALID_CHARACTER: {
    severity: 'error',
    title: 'Character not allowed in XML',
    help: 'XML 1.0 §2.2 allows no control characters other than tab, LF and CR; libxml2 refuses the document.',
  },
  XML_CHARACTER_REFERENCE: {
    severity: 'error',
    title: 'Reference to a character XML forbids',
    help: 'A character reference such as &#x1b; or &#0; names a character XML 1.0 §2.2 does not allow; libxml2 refuses the document.',
  },
  XML_COMMENT_SYNTAX: {
    severity: 'error',
    title: 'Malformed comment',
    help: "A comment may not contain '--' nor end with '--->' (XML 1.0 §2.5); libxml2 and expat refuse the document.",
  },
  XML_TOO_DEEP: {
    severity: 'error',
    title: 'Nesting too deep',
    help: 'Elements nested more than 256 deep: libxml2 refuses such a document by default. SAML metadata is a few levels deep.',
  },
  XML_TOO_MANY_COMMENTS: {
    severity: 'error',
    title: 'Too many comments outside the root',
    help: 'More than 64 comments before or after the root element: not metadata as an IdP exports it.',
  },
  XML_DOCUMENT_ENDS_EARLY: {
    severity: 'error',
    title: 'Document ends early',
    help: 'The document is cut off: copy or download all of it, up to its last closing tag.',
  },
  XML_DOCTYPE: {
    severity: 'error',
    title: 'DOCTYPE declaration',
    help: 'SAML documents never carry a DOCTYPE; it is how entity-expansion (billion laughs) and XXE attacks start.',
  },
  XML_ENTITY_DECLARATION: {
    severity: 'error',
    title: 'Entity declaration',
    help: 'Entity declarations are rejected before any parser expands them (XXE, billion laughs).',
  },
  XML_PROCESSING_INSTRUCTION: {
    severity: 'error',
    title: 'Processing instruction',
    help: 'Only the XML declaration is allowed; other processing instructions have no place in SAML documents.',
  },
  XML_DECLARATION_MISPLACED: {
    severity: 'error',
    title: 'XML declaration not at the start',
    help: 'The <?xml …?> declaration must be the very first thing in the file.',
  },
  XML_MULTIPLE_ROOTS: {
    severity: 'error',
    title: 'More than one root element',
    help: 'A document has exactly one root; a second one is a known signature-wrapping trick.',
  },
  XML_TEXT_OUTSIDE_ROOT: {
    severity: 'error',
    title: 'Text outside the root element',
    help: 'Only comments and whitespace may surround the root element.',
  },
  XML_DUPLICATE_ATTRIBUTE: {
    severity: 'error',
    title: 'Duplicate attribute',
    help: 'An attribute appears twice on one element; parsers disagree on which value wins.',
  },
  XML_PARSER_WARNING: { severity: 'warning', title: 'XML parser warning', help: 'The DOM parser reported a problem at this position.' },
  XML_COMMENT_IN_VALUE: {
    title: 'Comment inside a value',
    help: 'A comment inside a value-bearing element makes parsers disagree on the value (CVE-2017-11428, VU#475445).',
  },
  XML_MARKUP_IN_VALUE: { severity: 'error', title: 'Markup inside a value', help: 'A value-bearing element must hold text only.' },
  XML_SIGNATURE_MULTIPLE: {
    severity: 'error',
    title: 'More than one Signature',
    help: 'The element carries several ds:Signature children; exactly one is accepted.',
  },
  XML_SIGNATURE_NOT_CHILD: {
    severity: 'error',
    title: 'Signature is not a child of the element it covers',
    help: 'An enveloped signature must be a direct child of the element it signs (signature wrapping).',
  },
  XML_SIGNATURE_STRUCTURE: {
    severity: 'error',
    title: 'Malformed Signature',
    help: 'The Signature must have exactly one SignedInfo, one SignatureValue and one Reference (CVE-2025-29774).',
  },
  XML_SIGNATURE_REFERENCE: {
    severity: 'error',
    title: 'Reference does not cover the element',
    help: 'The Reference URI must be "" or "#<ID of the signed element>", and that ID must occur once in the document.',
  },
  XML_SIGNATURE_ALGORITHM: {
    severity: 'error',
    title: 'Algorithm not allowed',
    help: 'Allowed: RSA-SHA256/512 (RSA-SHA1 with a warning), SHA-256/512 digests, enveloped-signature and (exclusive) c14n transforms. No HMAC, no MD5.',
  },
  XML_SIGNATURE_SHA1: {
    severity: 'warning',
    title: 'SHA-1 in the signature',
    help: 'SHA-1 is deprecated for signatures; ask the IdP to sign with SHA-256.',
  },
  XML_SIGNATURE_INVALID: {
    severity: 'error',
    title: 'Signature does not verify',
    help: 'The document was changed after signing, or it was signed with another key.',
  },
  XML_SIGNATURE_REFERENCE_MISMATCH: {
    severity: 'error',
    title: 'Signed content differs from the element read',
    help: 'What the verified reference covers is not the element whose values would be read (signature wrapping).',
  },
  XML_SIGNATURE_NO_TRUSTED_CERT: {
    severity: 'error',
    title: 'No certificate to verify with',
    help: 'Give a trusted certificate to verify the signature.',
  },
} as const satisfies Record<string, CodeInfo>;

export type XmlCode = keyof typeof XML_CODES;
