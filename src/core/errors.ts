import type { KnownCode } from './finding-codes.js';

/**
 * The small closed set of operational errors (docs/design.md §4.3). Anything else that escapes a
 * command is a bug, reported as an internal error (exit 2) with the stack only under --debug.
 */
export const EXIT = {
  /** Everything checked out. */
  OK: 0,
  /** The check ran and found errors (or warnings over --max-warnings / --strict). */
  FINDINGS: 1,
  /** Could not run: usage, unreadable input, internal error. */
  CANNOT_RUN: 2,
  /** Cancelled by the user (Ctrl-C, declined write). */
  CANCELLED: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type OperationalKind = 'usage' | 'input' | 'cancelled';

/**
 * Marks an OperationalError from any copy of this module: the build bundles each command on its
 * own (scripts/esbuild-options.mjs), so the class the CLI catches with is not the one a
 * command throws; `instanceof` alone would turn every usage error into an internal error.
 */
const BRAND: unique symbol = Symbol.for('polyaxon-sso.OperationalError');

export class OperationalError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly kind: OperationalKind,
    message: string,
    /** Stable code, e.g. INPUT_NOT_FOUND, for JSON output and tests. */
    readonly code: string,
    /** One line that tells the user how to fix it. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'OperationalError';
  }

  get exitCode(): ExitCode {
    return this.kind === 'cancelled' ? EXIT.CANCELLED : EXIT.CANNOT_RUN;
  }
}

export function usageError(message: string, code: KnownCode = 'USAGE', hint?: string): OperationalError {
  return new OperationalError('usage', message, code, hint);
}

export function inputError(message: string, code: KnownCode, hint?: string): OperationalError {
  return new OperationalError('input', message, code, hint);
}

export function cancelled(message = 'cancelled, nothing written'): OperationalError {
  return new OperationalError('cancelled', message, 'CANCELLED');
}

export function isOperationalError(e: unknown): e is OperationalError {
  return e instanceof OperationalError || (e instanceof Error && (e as Partial<Record<typeof BRAND, unknown>>)[BRAND] === true);
}
