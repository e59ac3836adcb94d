/** Patch library surface: plan the okta edit purely; the CLI does the writing. */
export { planPatch } from './plan-patch.js';
export { normalizeStoredXml } from './normalize-stored-xml.js';
export type { PatchChange, PatchMode, PatchOptions, PatchPlan } from './types.js';
