import type { Finding } from '../../core/findings.js';
import { escapeForTerminal } from '../escape-terminal.js';
import { summaryLine, type LintReport } from './report.js';

/**
 * GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=CODE::message`
 * (docs.github.com "Workflow commands for GitHub Actions"). Data escapes % CR LF; property values
 * also escape `:` and `,` (the runner's own escaping rules, actions/toolkit command.ts).
 * Every line that names a file escapes the name that way, skipped files included, so no file name
 * can start a workflow command of its own (`::stop-commands::`, `::add-mask::`); other control
 * characters are written as `\x1b` (escape-terminal.ts), since the log is also shown as a terminal.
 */
const LEVEL = { error: 'error', warning: 'warning', info: 'notice' } as const;

export function escapeData(s: string): string {
  return escapeForTerminal(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function renderGithub(report: LintReport): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.skipped !== undefined) {
      // `##[` starts the runner's older command syntax: a name may not open the line with it.
      lines.push(`${escapeProperty(file.file).replace(/^(\s*)#/, '$1%23')}: skipped (${escapeData(file.skipped)})`);
      continue;
    }
    for (const f of file.findings) lines.push(command(file.file, f));
  }
  lines.push(summaryLine(report.summary));
  return `${lines.join('\n')}\n`;
}

function command(file: string, f: Finding): string {
  const props = [`file=${escapeProperty(file)}`];
  if (f.location) props.push(`line=${f.location.line}`, `col=${f.location.column}`);
  props.push(`title=${escapeProperty(f.code)}`);
  const text = f.hint ? `${f.message}\n${f.hint}` : f.message;
  return `::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(text)}`;
}
