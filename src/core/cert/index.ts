/** Certificate checks shared by validate-metadata, check-response and lint. */
export { analyzeCertificate, certCacheStats, clearCertCache, type AnalyzeOptions, type CertAnalysis } from './analyze-certificate.js';
export { CERT_CODES, ROTATE_HINT, type CertCode } from './codes.js';
export { matchesFingerprint, normalizeFingerprint, parseFingerprint, FINGERPRINT_HINT, type Fingerprint } from './fingerprint.js';
export { pemToCertificate, requirePemCertificates, type PemCertificates, type PemOptions } from './pem-to-certificate.js';
export { fingerprint, toPem, type CertDetails } from './read-certificate.js';
export { decodeStrictBase64 } from './strict-base64.js';
