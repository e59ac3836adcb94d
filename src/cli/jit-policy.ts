/**
 * V8's optimizing compiler (TurboFan) is pure cost in a short run. In this CLI it only kicks in
 * while xml-crypto verifies a signature (XPath, xmldom's tree walk: ~47 ms of background compile
 * CPU on an Okta-size signed document, a sixth of the run; issue 9, `node --trace-opt`). So a
 * command about to verify a small document turns it off; a big one (a federation aggregate) keeps
 * it, and lint (many small files, one long run) never asks. node:v8 costs ~4 ms to load, hence the
 * lazy import. Only the bin enables this (manageJit): library callers and in-process tests keep
 * their V8 flags.
 *
 * The state lives on a process-wide symbol: the bin and each command are separate bundles with
 * their own copy of this module (scripts/esbuild-options.mjs).
 */
export const SHORT_RUN_BYTES = 1024 * 1024;

interface JitState {
  managed: boolean;
  setFlags?: (flags: string) => void;
}

const KEY = Symbol.for('polyaxon-sso.jit-policy');
const state = ((globalThis as Record<symbol, unknown>)[KEY] ??= { managed: false }) as JitState;

/** The bin: this process is the CLI, its V8 flags are ours to tune. */
export function manageJit(): void {
  state.managed = true;
}

/** Before verifying a signed input of `inputBytes`: a small one makes a short run, without TurboFan. */
export async function shortRunIfSmall(inputBytes: number): Promise<void> {
  if (!state.managed || inputBytes >= SHORT_RUN_BYTES) return;
  state.managed = false;
  (state.setFlags ?? (await import('node:v8')).setFlagsFromString)('--no-opt');
}

/** Tests: take the role of the bin, and observe the flag change instead of making it. */
export function manageJitForTests(setFlags: ((flags: string) => void) | undefined): void {
  state.managed = setFlags !== undefined;
  if (setFlags) state.setFlags = setFlags;
  else delete state.setFlags;
}
