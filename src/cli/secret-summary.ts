import { Chalk } from 'chalk';
import type { Finding } from '../core/findings.js';
import { PLAINTEXT_SECRET } from '../core/lint/plaintext-secrets.js';
import { escapeForTerminal as esc } from './escape-terminal.js';
import { renderFindingLines } from './render-finding-lines.js';

/**
 * patch and init print plain-text secrets as one summary line with the count and the lines (a
 * values file with many secrets otherwise buries the okta result); lint and --json keep one
 * finding each, at the same positions.
 */
export function renderWithSecretSummary(findings: readonly Finding[], file: string, color: boolean): string {
  const secrets = findings.filter((f) => f.code === PLAINTEXT_SECRET);
  const others = renderFindingLines(
    findings.filter((f) => f.code !== PLAINTEXT_SECRET),
    color,
  );
  if (secrets.length === 0) return others;
  const c = new Chalk({ level: color ? 1 : 0 });
  const lines = [...new Set(secrets.map((f) => f.location?.line).filter((l): l is number => l !== undefined))];
  const where = lines.length === 0 ? '' : ` at line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}`;
  const what = secrets.length === 1 ? '1 value looks like a secret' : `${secrets.length} values look like secrets`;
  return `${others}${esc(file)}: ${c.yellow('warning')}: ${what} in plain text${where} (values not shown; \`polyaxon-sso lint\` lists them, --no-secret-warnings hides this) ${c.dim(`[${PLAINTEXT_SECRET}]`)}\n`;
}
