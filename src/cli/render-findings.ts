import { Chalk } from 'chalk';
import { formatLocation, type Finding, type Severity } from '../core/findings.js';
import { escapeForTerminal as esc } from './escape-terminal.js';

/**
 * Findings grouped by severity (errors first), each with its location, code and hint. Generic:
 * any command's findings render the same way. Returns a string (docs/design.md §4.4).
 */
const TITLES: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Notes' };

export function renderFindings(findings: readonly Finding[], opts: { color: boolean }): string {
  const c = new Chalk({ level: opts.color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  let out = '';
  for (const sev of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === sev);
    if (group.length === 0) continue;
    out += `\n${paint[sev].bold(`${TITLES[sev]} (${group.length})`)}\n`;
    for (const f of group) {
      const loc = f.location ? `${esc(formatLocation(f.location))}  ` : '';
      out += `  ${c.dim(loc)}${esc(f.message)} ${c.dim(`[${esc(f.code)}]`)}\n`;
      if (f.hint) out += `    ${c.dim('hint:')} ${esc(f.hint)}\n`;
    }
  }
  return out;
}
