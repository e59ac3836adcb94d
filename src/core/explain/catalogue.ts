import type { Severity } from '../findings.js';
import { CERT_CODES } from '../cert/codes.js';
import { CONFIG_CODES } from '../config/codes.js';
import { ERROR_CODES } from '../error-codes.js';
import { INIT_CODES } from '../init/codes.js';
import { PATCH_CODES } from '../patch/codes.js';
import { LINT_CODES } from '../lint/codes.js';
import { didYouMean } from '../lint/did-you-mean.js';
import { METADATA_CODES } from '../metadata/codes.js';
import { RESPONSE_CODES } from '../response/codes.js';
import { DRIFT_CODES } from '../trust/codes.js';
import { URL_CODES } from '../urls/codes.js';
import { XML_CODES } from '../xml/codes.js';

/**
 * Every finding code in one place, for `explain`: the same catalogues, in the same order, as
 * docs/findings.md (scripts/findings-doc.mjs CATALOGUES; a test keeps the two lists equal).
 */
export const CATALOGUES = [
  { name: 'XML', source: 'src/core/xml/codes.ts', codes: XML_CODES },
  { name: 'Metadata', source: 'src/core/metadata/codes.ts', codes: METADATA_CODES },
  { name: 'Certificates', source: 'src/core/cert/codes.ts', codes: CERT_CODES },
  { name: 'Deployment config (lint)', source: 'src/core/lint/codes.ts', codes: LINT_CODES },
  { name: 'SAML responses (check-response)', source: 'src/core/response/codes.ts', codes: RESPONSE_CODES },
  { name: 'Drift (drift)', source: 'src/core/trust/codes.ts', codes: DRIFT_CODES },
  { name: 'Host and organization (urls, init, check-response, lint --host)', source: 'src/core/urls/codes.ts', codes: URL_CODES },
  {
    name: 'Deployment config as an input (urls --config, check-response --config)',
    source: 'src/core/config/codes.ts',
    codes: CONFIG_CODES,
  },
  { name: 'Patch refusals and notes (patch, init)', source: 'src/core/patch/codes.ts', codes: PATCH_CODES },
  { name: 'init', source: 'src/core/init/codes.ts', codes: INIT_CODES },
  { name: 'Errors that stop a run', source: 'src/core/error-codes.ts', codes: ERROR_CODES },
] as const;

interface RawInfo {
  title: string;
  help: string;
  severity?: Severity;
  check?: string;
}

export interface CodeEntry {
  code: string;
  /** The catalogue (docs/findings.md section) it is listed in; the first when several list it. */
  catalogue: string;
  title: string;
  help: string;
  /** The catalogue's default severity; null when the severity is set where it is found (input, --strict). */
  severity: Severity | null;
  /** lint's check group (JUnit testcase), when the code is lint's. */
  check?: string;
}

export function allCodes(): string[] {
  return [...new Set(CATALOGUES.flatMap((c) => Object.keys(c.codes)))];
}

export function lookupCode(code: string): CodeEntry | undefined {
  let entry: CodeEntry | undefined;
  for (const c of CATALOGUES) {
    const info = (c.codes as Readonly<Record<string, RawInfo>>)[code];
    if (info === undefined || !Object.hasOwn(c.codes, code)) continue;
    if (entry === undefined) entry = { code, catalogue: c.name, title: info.title, help: info.help, severity: info.severity ?? null };
    // lint lists some codes of other catalogues again with its severity and check group
    if (entry.severity === null && info.severity !== undefined) entry.severity = info.severity;
    if (entry.check === undefined && info.check !== undefined) entry.check = info.check;
  }
  return entry;
}

/** What the user typed → a code: case and `-` forgiven (`cert-expired` is CERT_EXPIRED). */
export function normalizeCode(input: string): string {
  return input.trim().toUpperCase().replace(/-/g, '_');
}

/** The closest known code (2 edits at most), or the codes that start with the input. */
export function suggestCodes(input: string): string[] {
  const codes = allCodes();
  const close = didYouMean(input, codes);
  if (close !== undefined) return [close];
  return input.length >= 3 ? codes.filter((c) => c.startsWith(input) || c.includes(`_${input}`)).slice(0, 5) : [];
}
