import { Chalk } from 'chalk';
import { formatLocation, type Finding } from '../core/findings.js';
import { escapeForTerminal as esc } from './escape-terminal.js';

/** Compact findings for stderr: `severity: message [CODE]`, the hint indented below. */
export function renderFindingLines(findings: readonly Finding[], color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, info: c.cyan } as const;
  return findings
    .map((f) => {
      const at = f.location ? `${esc(formatLocation(f.location))}: ` : '';
      const head = `${at}${paint[f.severity](f.severity)}: ${esc(f.message)} ${c.dim(`[${esc(f.code)}]`)}`;
      return f.hint ? `${head}\n  ${c.dim('hint:')} ${esc(f.hint)}\n` : `${head}\n`;
    })
    .join('');
}
