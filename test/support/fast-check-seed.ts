import fc from 'fast-check';

/**
 * Property tests draw from one fixed seed in the normal suite, so whether work lands never depends
 * on the draw; `npm run fuzz` (DIFF_RANDOM_SEED) draws new seeds, and a failure prints its seed.
 */
if (!process.env.DIFF_RANDOM_SEED) fc.configureGlobal({ seed: 20261206 });
