import { Chalk } from 'chalk';
import { EXIT, usageError } from '../../core/errors.js';
import { lookupCode, normalizeCode, suggestCodes, type CodeEntry } from '../../core/explain/catalogue.js';
import { wantsColor, type Io } from '../../cli/io.js';
import type { ExplainOptions } from './flags.js';

/**
 * `explain <CODE>`: a finding code's catalogue entry, offline (the same text as docs/findings.md).
 * Unknown code → usage error (exit 2) with a did-you-mean.
 */
export async function run(io: Io, input: string, opts: ExplainOptions): Promise<number> {
  const code = normalizeCode(input);
  const entry = lookupCode(code);
  if (entry === undefined) {
    const near = suggestCodes(code);
    throw usageError(
      `unknown finding code "${input}"`,
      'UNKNOWN_FINDING_CODE',
      near.length > 0
        ? `Did you mean ${near.join(', ')}? Every code is listed in docs/findings.md.`
        : 'Every code is listed in docs/findings.md; codes look like CERT_EXPIRED.',
    );
  }
  if (opts.json) io.stdout.write(`${JSON.stringify({ schemaVersion: 1, exitCode: EXIT.OK, ...entry }, null, 2)}\n`);
  else io.stdout.write(renderEntry(entry, wantsColor(io, opts.color)));
  return EXIT.OK;
}

function renderEntry(e: CodeEntry, color: boolean): string {
  const c = new Chalk({ level: color ? 1 : 0 });
  const severity = e.severity ?? 'set on each finding (it can depend on the input and on --strict)';
  return [
    `${c.bold(e.code)}  (${e.catalogue}${e.check ? `, lint check ${e.check}` : ''})`,
    `  Severity    ${severity}`,
    `  Meaning     ${e.title}`,
    `  How to fix  ${e.help}`,
    '',
  ].join('\n');
}
