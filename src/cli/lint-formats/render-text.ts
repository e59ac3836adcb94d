import { Chalk } from 'chalk';
import { formatLocation, type Finding } from '../../core/findings.js';
import { summaryLine, type LintReport } from './report.js';

/**
 * `file:line:col  severity  message  [CODE]`, the hint indented below, one summary line (issue 5).
 * Colour only when asked (wantsColor), through chalk.
 */
export function renderText(report: LintReport, opts: { color?: boolean } = {}): string {
  const ch = new Chalk({ level: opts.color ? 1 : 0 });
  const sev = { error: ch.red('error'), warning: ch.yellow('warning'), info: ch.blue('info') };
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.skipped !== undefined) {
      lines.push(`${file.file}  ${ch.dim(`skipped: ${file.skipped}`)}`);
      continue;
    }
    for (const f of file.findings) {
      lines.push(`${where(file.file, f)}  ${sev[f.severity]}  ${f.message}  ${ch.dim(`[${f.code}]`)}`);
      if (f.hint) lines.push(`    ${ch.dim(`hint: ${f.hint}`)}`);
    }
  }
  if (lines.length > 0) lines.push('');
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}

function where(file: string, f: Finding): string {
  return f.location ? formatLocation(f.location, file) : file;
}
