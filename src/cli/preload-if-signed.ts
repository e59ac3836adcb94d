import { preloadXmlCrypto } from '../core/xml/lazy-xml-crypto.js';

const UTF16LE = Buffer.from('Signature', 'utf16le');
const UTF16BE = Buffer.from(UTF16LE).swap16();

/**
 * Loads xml-crypto before a synchronous check when the input may hold a ds:Signature (start-up:
 * unsigned documents never load it). An element name cannot be escaped, and DOCTYPE/entities are
 * refused, so a signature always spells "Signature" in the text: a miss is impossible in UTF-8 and
 * UTF-16, and a false hit (the word in a value) only loads the module. Other encodings fall back to
 * xmlCrypto()'s synchronous load, which is slower but checks the same.
 */
export async function preloadIfSigned(input: Uint8Array | string): Promise<void> {
  if (mentionsSignature(input)) await preloadXmlCrypto();
}

export function mentionsSignature(input: Uint8Array | string): boolean {
  if (typeof input === 'string') return input.includes('Signature');
  const b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return b.includes('Signature') || b.includes(UTF16LE) || b.includes(UTF16BE);
}
