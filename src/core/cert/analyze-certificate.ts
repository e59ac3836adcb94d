import { finding, type Finding, type Location } from '../findings.js';
import { relativeTime } from '../humanize-duration.js';
import { CERT_CODES, type CertCode } from './codes.js';
import { classifyCertificateBytes, pemLabelCode, type StaticAnalysis } from './classify-certificate.js';
import type { CertDetails } from './read-certificate.js';
import type { StaticFinding } from './cert-types.js';
import { decodeStrictBase64, offsetToLineColumn } from './strict-base64.js';
import { describeBase64Error, isConcatenation, looksLikePlaceholder, preview } from './text-defects.js';

export interface AnalyzeOptions {
  /** The clock (docs/design.md §3: time is an input). */
  now: Date;
  /** Warn when fewer than this many days are left. Default 30 (--min-days). */
  minDays?: number;
  /** Where the first character of `text` sits in the source; attached to every finding. */
  location?: Location;
  /** Maps an offset in `text` to a source location, when the caller knows better (XML in YAML). */
  locate?: (offset: number) => Location | undefined;
}

export interface CertAnalysis {
  /** Set only when the text is exactly one decodable X.509 certificate. */
  cert?: CertDetails;
  findings: Finding[];
}

const DAY_MS = 86_400_000;
const CACHE_LIMIT = 1024;
/**
 * Aggregates repeat the same certificate thousands of times: the clock-independent
 * part of the analysis is cached by the normalized base64, so each distinct cert is parsed once.
 */
const cache = new Map<string, StaticAnalysis>();
let parses = 0;

/** How many distinct certificates were parsed since the last clear (for tests and perf notes). */
export function certCacheStats(): { entries: number; parses: number } {
  return { entries: cache.size, parses };
}

export function clearCertCache(): void {
  cache.clear();
  parses = 0;
}

/**
 * Analyzes the content of one X509Certificate element. Never throws on bad input: every problem
 * is a finding with a stable code from CERT_CODES.
 */
export function analyzeCertificate(text: string, opts: AnalyzeOptions): CertAnalysis {
  const at = (offset?: number): Location | undefined => {
    if (offset === undefined) return opts.location;
    const viaLocate = opts.locate?.(offset);
    if (viaLocate) return viaLocate;
    if (!opts.location) return undefined;
    const lc = offsetToLineColumn(text, offset, opts.location);
    return opts.location.file === undefined ? lc : { file: opts.location.file, ...lc };
  };
  const make = (code: CertCode, severity: Finding['severity'], message: string, offset?: number): Finding =>
    finding(code, severity, message, CERT_CODES[code].help, at(offset));

  if (text.trim() === '') return { findings: [make('CERT_EMPTY', 'error', 'The X509Certificate element is empty.')] };
  // A PEM armour line (RFC 7468 §2), even a lone END line from a partial paste.
  const armour = /-----(BEGIN|END) ?([A-Z0-9 ]*)-----/.exec(text);
  if (armour) {
    const label = armour[2] || 'unknown';
    const code = pemLabelCode(label) ?? 'CERT_PEM_BLOCK';
    return { findings: [make(code, 'error', `A PEM block ("${armour[0]}") was pasted inside the element.`, armour.index)] };
  }
  // Fast path for repeats: strict validity depends only on the text without whitespace, and
  // only valid texts are cached, so a hit needs no decoding at all.
  const cached = cache.get(text.replace(/[ \t\r\n]+/g, ''));
  if (cached) return withClock(cached, opts, make);
  const decoded = decodeStrictBase64(text);
  if (!decoded.ok) {
    if (decoded.reason === 'padding' && isConcatenation(text)) {
      return {
        findings: [
          make('CERT_MULTIPLE', 'error', 'The element holds more than one certificate, one base64 run after another.', decoded.offset),
        ],
      };
    }
    if (looksLikePlaceholder(text)) {
      return { findings: [make('CERT_PLACEHOLDER', 'error', `The element holds placeholder text (${preview(text)}), not a certificate.`)] };
    }
    return {
      findings: [
        make('CERT_BASE64_INVALID', 'error', `The certificate is not valid base64: ${describeBase64Error(decoded)}.`, decoded.offset),
      ],
    };
  }

  const analysis = classifyCertificateBytes(decoded.bytes, looksLikePlaceholder(text));
  parses += 1;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(decoded.base64, analysis);
  return withClock(analysis, opts, make);
}

type Make = (code: CertCode, severity: Finding['severity'], message: string, offset?: number) => Finding;

/** Adds what depends on the clock (validity, days left) to the cached analysis. */
function withClock(analysis: StaticAnalysis, opts: AnalyzeOptions, make: Make): CertAnalysis {
  const findings = analysis.findings.map((f: StaticFinding) => make(f.code, f.severity, f.message));
  const d = analysis.details;
  if (!d) return { findings };

  const now = opts.now.getTime();
  const notBefore = Date.parse(d.notBefore);
  const notAfter = Date.parse(d.notAfter);
  const daysLeft = Math.floor((notAfter - now) / DAY_MS);
  const minDays = opts.minDays ?? 30;
  // RFC 5280 §4.1.2.5: the validity period includes both notBefore and notAfter.
  if (now < notBefore) {
    findings.push(
      make('CERT_NOT_YET_VALID', 'error', `The certificate is valid only from ${d.notBefore} (${relativeTime(notBefore, now)}).`),
    );
  } else if (now > notAfter) {
    findings.push(make('CERT_EXPIRED', 'error', `The certificate expired on ${d.notAfter} (${relativeTime(notAfter, now)}).`));
  } else if (notAfter - now < minDays * DAY_MS) {
    findings.push(
      make(
        'CERT_EXPIRING_SOON',
        'warning',
        `The certificate expires on ${d.notAfter}, ${relativeTime(notAfter, now)} (--min-days ${minDays}).`,
      ),
    );
  }
  const cert: CertDetails = {
    subject: d.subject,
    issuer: d.issuer,
    serialNumber: d.serialNumber,
    notBefore: d.notBefore,
    notAfter: d.notAfter,
    daysLeft,
    keyType: d.keyType,
    ...(d.keySize !== undefined ? { keySize: d.keySize } : {}),
    ...(d.curve !== undefined ? { curve: d.curve } : {}),
    signatureAlgorithm: d.signatureAlgorithm,
    selfSigned: d.selfSigned,
    ...(d.selfSignatureValid !== undefined ? { selfSignatureValid: d.selfSignatureValid } : {}),
    sha256: d.sha256,
    sha1: d.sha1,
    pem: d.pem,
  };
  return { cert, findings };
}
