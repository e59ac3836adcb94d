/**
 * Bytes → text for XML inputs. Offers decodeXml(bytes): UTF-8 with or without BOM, UTF-16 LE/BE
 * with a BOM. Invalid UTF-8, NUL bytes, UTF-16 without a BOM, a doubled BOM and empty input become
 * findings (never exceptions). The returned text has its BOM removed.
 */
import { finding, type Finding } from '../findings.js';

export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export interface DecodedXml {
  /** Undefined when the bytes cannot be decoded at all. */
  text?: string;
  encoding?: XmlEncoding;
  bom: boolean;
  findings: Finding[];
}

const RE_DOWNLOAD = 'Download the file again (in Okta: Applications → your app → Sign On tab → "View IdP metadata") and save it unchanged.';

export function decodeXml(bytes: Uint8Array, file?: string): DecodedXml {
  const at = (line: number, column: number) => (file === undefined ? { line, column } : { file, line, column });
  const findings: Finding[] = [];
  let encoding: XmlEncoding = 'utf-8';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    encoding = 'utf-16le';
    start = 2;
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    encoding = 'utf-16be';
    start = 2;
  }
  const bom = start > 0;
  const body = bytes.subarray(start);

  // UTF-16 without a BOM: '<' or '<?' as 16-bit units (XML 1.0 §4.3.3 requires the BOM).
  if (!bom && body.length >= 2 && ((body[0] === 0x3c && body[1] === 0) || (body[0] === 0 && body[1] === 0x3c))) {
    findings.push(finding('XML_ENCODING', 'error', 'the file looks like UTF-16 without a byte order mark', RE_DOWNLOAD, at(1, 1)));
    return { bom, findings };
  }
  let text: string;
  try {
    if (encoding === 'utf-16be') {
      const swapped = Buffer.from(body);
      if (swapped.length % 2 !== 0) throw new Error('odd length');
      swapped.swap16();
      text = new TextDecoder('utf-16le', { fatal: true }).decode(swapped);
    } else text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    const where = encoding === 'utf-8' ? firstBadUtf8(body) : undefined;
    findings.push(
      finding(
        'XML_ENCODING',
        'error',
        `the bytes are not valid ${encoding.toUpperCase()}${where === undefined ? '' : ` (byte ${where + start})`}`,
        RE_DOWNLOAD,
      ),
    );
    return { bom, encoding, findings };
  }
  if (text.charCodeAt(0) === 0xfeff) {
    findings.push(finding('XML_DOUBLE_BOM', 'error', 'the text starts with a second byte order mark', RE_DOWNLOAD, at(1, 1)));
    text = text.replace(/^\uFEFF+/, '');
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const before = text.slice(0, nul);
    const line = before.split(/\r\n|\r|\n/).length;
    const column = nul - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
    findings.push(finding('XML_NUL_BYTE', 'error', 'the text contains a NUL byte', RE_DOWNLOAD, at(line, column)));
  }
  if (text.trim() === '') findings.push(finding('XML_EMPTY', 'error', 'the input is empty', RE_DOWNLOAD));
  return { text, encoding, bom, findings };
}

/** Byte offset of the first sequence that breaks UTF-8, for the message (linear, unlike retrying). */
function firstBadUtf8(b: Uint8Array): number | undefined {
  const lenient = new TextDecoder('utf-8').decode(b);
  const idx = lenient.indexOf('\uFFFD');
  return idx < 0 ? undefined : Buffer.byteLength(lenient.slice(0, idx), 'utf8');
}
