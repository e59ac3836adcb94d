import { CERT_CODES } from '../../core/cert/codes.js';
import { DRIFT_CODES } from '../../core/trust/codes.js';
import { LINT_CODES } from '../../core/lint/codes.js';
import { METADATA_CODES } from '../../core/metadata/codes.js';
import { XML_CODES } from '../../core/xml/codes.js';

/**
 * One catalogue of every code lint can report, for SARIF rules and the docs: lint's own codes
 * plus those validateMetadata reports (XML layer, metadata, certificates).
 */
export interface RuleInfo {
  title: string;
  help: string;
}

const CATALOGUES: ReadonlyArray<Readonly<Record<string, RuleInfo>>> = [LINT_CODES, XML_CODES, METADATA_CODES, CERT_CODES, DRIFT_CODES];

export function ruleInfo(code: string): RuleInfo | undefined {
  for (const cat of CATALOGUES) if (Object.prototype.hasOwnProperty.call(cat, code)) return cat[code];
  return undefined;
}
