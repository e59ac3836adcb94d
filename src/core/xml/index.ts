/**
 * The generic XML layer (not metadata-specific): decode bytes, reject hostile constructs, build a
 * DOM with positions, read values safely, verify enveloped signatures. See each file's header.
 */
export { XML_CODES, type XmlCode, type CodeInfo } from './codes.js';
export { decodeXml, type DecodedXml, type XmlEncoding } from './decode-xml.js';
export { scanHostile, type HostileScan } from './scan-hostile.js';
export { parseDom, locationOf, type ParsedDom } from './parse-dom.js';
export { NS, isElement, childElements, descendants, attr, elementText, idOf, countId, ID_ATTRIBUTES, type TextValue } from './dom.js';
export { verifySignature, type SignatureVerifyOptions, type SignatureVerdict } from './verify-signature.js';
export { verifyEnvelopedSignature, type VerifyOptions, type SignatureCheck } from './verify-enveloped-signature.js';
export { classifySignature, classifyDigest, checkTransforms, type AlgorithmVerdict } from './algorithms.js';
export { lineIndex, positionOf, type LineIndex } from './positions.js';
