import { EXIT, isOperationalError } from '../core/errors.js';
import { VERSION } from '../version.js';

/**
 * What a run that could not finish says: one line, one hint (docs/design.md: user errors are one
 * line and a hint, never a stack trace), and under --json the command's usual document with
 * `exitCode` and `error` (schemas/error.schema.json), so a script always gets one JSON document.
 */
export interface RunError {
  code: string;
  message: string;
  hint: string;
  exitCode: number;
}

/** commander's own errors, by commander's code → our stable code. */
const COMMANDER_CODES: Record<string, string> = {
  'commander.unknownOption': 'UNKNOWN_OPTION',
  'commander.unknownCommand': 'UNKNOWN_COMMAND',
  'commander.missingArgument': 'MISSING_ARGUMENT',
  'commander.optionMissingArgument': 'MISSING_OPTION_VALUE',
  'commander.missingMandatoryOptionValue': 'MISSING_OPTION',
  'commander.invalidArgument': 'INVALID_OPTION_VALUE',
  'commander.excessArguments': 'TOO_MANY_ARGUMENTS',
  'commander.conflictingOption': 'CONFLICTING_OPTIONS',
  'commander.help': 'NO_COMMAND',
};

const usageHint = (command: string | undefined): string =>
  command
    ? `Run 'polyaxon-sso ${command} --help' for its options and examples.`
    : "Run 'polyaxon-sso --help' for the commands; 'polyaxon-sso init' is the place to start.";

/** A CommanderError (code, message "error: …\n(Did you mean …?)") as one line and a hint. */
export function fromCommander(e: { code: string; message: string }, command: string | undefined): RunError {
  if (e.code === 'commander.help')
    return {
      code: 'NO_COMMAND',
      message: 'no command given',
      hint: "Start with 'polyaxon-sso init', or run 'polyaxon-sso --help' for every command.",
      exitCode: EXIT.CANNOT_RUN,
    };
  const [first = '', ...rest] = e.message.replace(/^error: /, '').split('\n');
  const suggestion = rest
    .join(' ')
    .replace(/^\((.*)\)$/, '$1')
    .trim();
  return {
    code: COMMANDER_CODES[e.code] ?? 'USAGE',
    message: first.trim(),
    hint: `${suggestion ? `${suggestion} ` : ''}${usageHint(command)}`,
    exitCode: EXIT.CANNOT_RUN,
  };
}

/** An operational error; one without a hint of its own gets the command's usage pointer. */
export function fromOperational(e: unknown, command: string | undefined): RunError | undefined {
  if (!isOperationalError(e)) return undefined;
  const [first = '', ...more] = e.message.split('\n');
  const fallback = {
    cancelled: 'Run the command again when ready.',
    input: 'Check the input named above, then run the command again.',
    usage: usageHint(command),
  }[e.kind];
  const hint = [more.join(' ').trim(), e.hint ?? fallback].filter((s) => s !== '').join(' ');
  return { code: e.code, message: first, hint, exitCode: e.exitCode };
}

export function internalError(e: unknown): RunError {
  const err = e instanceof Error ? e : new Error(String(e));
  return {
    code: 'INTERNAL',
    message: `internal error: ${err.message.split('\n')[0] ?? ''}`,
    hint: 'Run again with --debug for the stack trace, and please report it.',
    exitCode: EXIT.CANNOT_RUN,
  };
}

/**
 * Did the user ask for JSON: `--json`, `--format json` or `--format=json` before a `--`. Read from
 * argv because the error may be about the arguments themselves (commander never ran the action).
 */
export function asksJson(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  const args = end === -1 ? argv : argv.slice(0, end);
  return args.some((a, i) => a === '--json' || a === '--format=json' || (a === '--format' && args[i + 1] === 'json'));
}

/** The fields every document of that command starts with, known without running it. */
function baseFields(command: string | undefined): Record<string, unknown> {
  if (command === 'lint') return { tool: { name: 'polyaxon-sso', version: VERSION } };
  return {};
}

/** Commands whose document has `ok`: an error document says `ok: false` too. */
const HAS_OK = new Set(['validate-metadata', 'check-response']);

export function errorDocument(command: string | undefined, err: RunError): string {
  const doc = {
    schemaVersion: 1,
    ...baseFields(command),
    exitCode: err.exitCode,
    ...(command !== undefined && HAS_OK.has(command) ? { ok: false } : {}),
    error: { code: err.code, message: err.message, hint: err.hint },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
