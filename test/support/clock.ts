/**
 * The one instant every test runs at: time comes from `--now` or an injected clock, never the
 * wall clock (docs/design.md §7), so certificate and metadata expiry read the same on every run.
 * The corpus tests use it too (CORPUS_NOW in corpus.ts).
 */
export const TEST_NOW = '2026-06-01T00:00:00Z';

/** TEST_NOW as a Date, for an injected clock (`{ now: TEST_CLOCK }`). */
export const TEST_CLOCK = new Date(TEST_NOW);

/** `--now TEST_NOW`, to spread into a command line. */
export const NOW_ARGS: readonly string[] = ['--now', TEST_NOW];
