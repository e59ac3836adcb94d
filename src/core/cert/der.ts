/**
 * A minimal DER (X.690) reader: just enough to measure the outer length of a certificate, tell a
 * certificate from a key, a CSR or a PKCS#7 bundle, and read the signature algorithm and validity
 * that Node's X509Certificate does not expose (docs/design.md §8). Definite lengths only (DER forbids
 * the indefinite form); multi-byte tag numbers are not used by any structure we read.
 */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  SEQUENCE: 0x30,
  SET: 0x31,
  CONTEXT_0: 0xa0,
  CONTEXT_1: 0xa1,
  CONTEXT_3: 0xa3,
} as const;

export interface Tlv {
  tag: number;
  /** Offset of the tag byte. */
  start: number;
  /** Offset of the first content byte. */
  contentStart: number;
  /** Offset just past the content (may exceed the buffer when `truncated`). */
  end: number;
  truncated: boolean;
}

export class DerError extends Error {}

/** Reads one TLV at `offset`. Throws DerError when the header itself is malformed. */
export function readTlv(buf: Uint8Array, offset: number): Tlv {
  const tag = buf[offset];
  const first = buf[offset + 1];
  if (tag === undefined || first === undefined) throw new DerError('unexpected end of data');
  if ((tag & 0x1f) === 0x1f) throw new DerError('multi-byte tag');
  let length = first;
  let pos = offset + 2;
  if (first & 0x80) {
    const n = first & 0x7f;
    if (n === 0) throw new DerError('indefinite length');
    if (n > 4) throw new DerError('length too large');
    length = 0;
    for (let i = 0; i < n; i += 1) {
      const b = buf[pos + i];
      if (b === undefined) throw new DerError('unexpected end of data');
      length = length * 256 + b;
    }
    pos += n;
  }
  const end = pos + length;
  return { tag, start: offset, contentStart: pos, end, truncated: end > buf.length };
}

/** The TLVs inside a constructed value; throws DerError if they do not tile it exactly. */
export function children(buf: Uint8Array, parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  let pos = parent.contentStart;
  while (pos < parent.end) {
    const child = readTlv(buf, pos);
    if (child.end > parent.end) throw new DerError('child overruns its parent');
    out.push(child);
    pos = child.end;
  }
  return out;
}

export function content(buf: Uint8Array, tlv: Tlv): Uint8Array {
  return buf.subarray(tlv.contentStart, tlv.end);
}

/** Dotted form of an OBJECT IDENTIFIER. */
export function readOid(buf: Uint8Array, tlv: Tlv): string {
  if (tlv.tag !== TAG.OID) throw new DerError('expected OBJECT IDENTIFIER');
  const bytes = content(buf, tlv);
  const parts: number[] = [];
  let value = 0;
  for (const b of bytes) {
    value = value * 128 + (b & 0x7f);
    if ((b & 0x80) === 0) {
      if (parts.length === 0) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
      else parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}

/** UTCTime (YYMMDDHHMM[SS]Z, RFC 5280 §4.1.2.5.1 pivot at 50) or GeneralizedTime (YYYYMMDDHHMMSS[.f]Z). */
export function readTime(buf: Uint8Array, tlv: Tlv): Date {
  const s = Buffer.from(content(buf, tlv)).toString('latin1');
  const m =
    tlv.tag === TAG.UTC_TIME
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
      : tlv.tag === TAG.GENERALIZED_TIME
        ? /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(s)
        : null;
  if (!m) throw new DerError(`bad time ${JSON.stringify(s)}`);
  let year = Number(m[1]);
  if (tlv.tag === TAG.UTC_TIME) year += year < 50 ? 2000 : 1900;
  const d = new Date(Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)));
  if (Number.isNaN(d.getTime())) throw new DerError(`bad time ${JSON.stringify(s)}`);
  return d;
}

/**
 * Offset of the first length not in DER's minimal form (X.690 §10.1: definite, shortest), walking
 * every constructed value; undefined when all are minimal. OpenSSL parses such BER and
 * fingerprints its re-encoded DER, so a hash of the bytes as given would not be OpenSSL's.
 */
export function firstNonMinimalLength(buf: Uint8Array, from = 0, to = buf.length, depth = 0): number | undefined {
  let pos = from;
  while (pos < to) {
    const first = buf[pos + 1] ?? 0;
    if (first & 0x80) {
      const lead = buf[pos + 2] ?? 0;
      if ((first & 0x7f) === 0 || lead === 0 || ((first & 0x7f) === 1 && lead < 0x80)) return pos;
    }
    let tlv: Tlv;
    try {
      tlv = readTlv(buf, pos);
    } catch {
      return pos;
    }
    if (tlv.tag & 0x20 && depth < 64) {
      const inner = firstNonMinimalLength(buf, tlv.contentStart, Math.min(tlv.end, to), depth + 1);
      if (inner !== undefined) return inner;
    }
    pos = tlv.end;
  }
  return undefined;
}
