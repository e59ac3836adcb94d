/**
 * Bytes of whatever the user captured → the XML bytes of the SAML message. Issue 7 inputs: XML,
 * base64 (what the browser POSTs; whitespace allowed), URL-encoded, raw DEFLATE + base64 (the
 * HTTP-Redirect encoding, SAML bindings §3.4.4.1), a SAML-tracer export or a HAR file. Pure: the
 * steps taken are returned so the report can say how the input was read.
 */
import type { KnownCode } from '../finding-codes.js';
import { inflateRawSync } from 'node:zlib';
import type { Finding } from '../findings.js';
import { fromFormBody, pickFromCapture } from './pick-from-capture.js';

export type DecodeStep = 'xml' | 'saml-tracer' | 'har' | 'form' | 'url-encoded' | 'base64' | 'deflate';

export interface DecodedInput {
  /** The bytes handed to the XML decoder (decodeXml), exactly as they were signed. */
  xml: Buffer;
  steps: DecodeStep[];
  findings: Finding[];
  /** The URL the capture says the response was POSTed to. */
  postedTo?: string;
}

export type DecodeResult = { ok: true; value: DecodedInput } | { ok: false; code: KnownCode; message: string; hint: string };

const BASE64_TEXT = /^[A-Za-z0-9+/]+={0,2}$/;

export function decodeInput(bytes: Buffer, opts: { acsUrl?: string; maxBytes: number }): DecodeResult {
  const steps: DecodeStep[] = [];
  const findings: Finding[] = [];
  let postedTo: string | undefined;
  const text = bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (looksXml(bytes)) return { ok: true, value: { xml: bytes, steps: ['xml'], findings } };

  let value = text;
  if (text.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return fail('CAPTURE_INVALID_JSON', `the input looks like JSON but does not parse: ${(e as Error).message}`);
    }
    const picked = pickFromCapture(json, opts.acsUrl);
    if (!picked.ok) return fail('CAPTURE_NO_SAML_RESPONSE', picked.message);
    steps.push(picked.hit.kind);
    findings.push(...picked.hit.findings);
    postedTo = picked.hit.url;
    if (picked.hit.value === undefined) {
      const xml = Buffer.from(picked.hit.decodedXml ?? '', 'utf8');
      return { ok: true, value: { xml, steps: [...steps, 'xml'], findings, postedTo } };
    }
    value = picked.hit.value.trim();
  } else if (/(^|&)SAMLResponse=/.test(text)) {
    value = fromFormBody(text) ?? '';
    steps.push('form');
  }
  if (/%[0-9A-Fa-f]{2}/.test(value)) {
    // In a form body '+' means space and a real '+' is %2B; a hand-escaped value keeps its '+'.
    const form = /%2B/i.test(value) || steps.includes('form');
    try {
      value = decodeURIComponent(form ? value.replace(/\+/g, ' ') : value);
    } catch {
      return fail('INPUT_BAD_URL_ENCODING', 'the input has broken %-escapes');
    }
    steps.push('url-encoded');
  }
  const compact = value.replace(/\s+/g, '');
  if (compact.startsWith('<'))
    return { ok: true, value: withPost({ xml: Buffer.from(value, 'utf8'), steps: [...steps, 'xml'], findings }, postedTo) };
  if (compact.length === 0 || compact.length % 4 !== 0 || !BASE64_TEXT.test(compact)) {
    if (steps.length === 0) return { ok: true, value: { xml: bytes, steps: ['xml'], findings } }; // let the XML layer say why
    return fail('INPUT_NOT_BASE64', 'the SAMLResponse value is not base64');
  }
  let raw = Buffer.from(compact, 'base64');
  steps.push('base64');
  if (!looksXml(raw)) {
    try {
      raw = inflateRawSync(raw, { maxOutputLength: opts.maxBytes });
      steps.push('deflate');
    } catch (e) {
      const big = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
      return fail(
        big ? 'INPUT_TOO_LARGE' : 'INPUT_NOT_SAML',
        big ? 'the inflated response is larger than --max-size' : 'the base64 decodes to neither XML nor raw DEFLATE data',
      );
    }
    if (!looksXml(raw)) return fail('INPUT_NOT_SAML', 'the inflated data is not XML');
  }
  return { ok: true, value: withPost({ xml: raw, steps, findings }, postedTo) };
}

function withPost(v: DecodedInput, postedTo: string | undefined): DecodedInput {
  if (postedTo !== undefined) v.postedTo = postedTo;
  return v;
}

/** '<' first after an optional BOM (UTF-8 or UTF-16) and whitespace. */
function looksXml(b: Buffer): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}

function fail(code: KnownCode, message: string): DecodeResult {
  return {
    ok: false,
    code,
    message,
    hint: 'Give the SAMLResponse as XML, as the base64 form value, or a SAML-tracer / HAR export of the login (see docs/check-response.md).',
  };
}
