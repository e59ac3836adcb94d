import { Chalk } from 'chalk';
import { formatLocation, type Finding } from '../../core/findings.js';
import { escapeForTerminal as e } from '../escape-terminal.js';
import { summaryLine, type LintReport } from './report.js';

/**
 * `file:line:col  severity  message  [CODE]`, the hint indented below, one summary line.
 * Colour only when asked (wantsColor), through chalk. File names, messages and hints are escaped
 * (escape-terminal.ts): a file name or YAML key cannot draw on the terminal.
 */
export function renderText(report: LintReport, opts: { color?: boolean } = {}): string {
  const ch = new Chalk({ level: opts.color ? 1 : 0 });
  const sev = { error: ch.red('error'), warning: ch.yellow('warning'), info: ch.blue('info') };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.skipped !== undefined) {
      lines.push(`${e(file.file)}  ${ch.dim(`skipped: ${e(file.skipped)}`)}`);
      continue;
    }
    for (const f of file.findings) {
      lines.push(`${e(where(file.file, f))}  ${sev[f.severity]}  ${e(f.message)}  ${ch.dim(`[${e(f.code)}]`)}`);
      if (f.hint) lines.push(`    ${ch.dim(`hint: ${e(f.hint)}`)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}

function where(file: string, f: Finding): string {
  return f.location ? formatLocation(f.location, file) : file;
}
