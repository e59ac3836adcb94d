import type { Severity } from '../findings.js';

export type LintCheck = 'read' | 'yaml' | 'auth-schema' | 'okta' | 'metadata' | 'deployment';
export const LINT_CHECKS: readonly LintCheck[] = ['read', 'yaml', 'auth-schema', 'okta', 'metadata', 'deployment'];

export interface LintCodeInfo {
  /** Default severity (OKTA_ABSENT and OKTA_DISABLED_WITH_METADATA become errors with --require-okta). */
  severity: Severity;
  check: LintCheck;
  /** One line: what the rule checks (SARIF shortDescription). */
  title: string;
  /** Why and how to fix, in Polyaxon's or Okta's words (SARIF help). */
  help: string;
}

export const c = (severity: Severity, check: LintCheck, title: string, help: string): LintCodeInfo => ({ severity, check, title, help });
