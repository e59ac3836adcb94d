import { EXIT, usageError } from '../../core/errors.js';
import { DEPLOYMENT_SCHEMA } from '../../core/schema/deployment-schema.js';
import { toJsonSchema, type Draft, type Target } from '../../core/schema/to-json-schema.js';
import type { Io } from '../../cli/io.js';
import type { SchemaOptions } from './flags.js';

const DRAFTS: readonly Draft[] = ['2020-12', '07'];
const TARGETS: readonly Target[] = ['polyaxon-cli', 'helm'];

/**
 * `schema`: the deployment-config schema `lint` checks with, as JSON Schema on stdout, for editors
 * (yaml-language-server) and other validators. Same data as lint, so the two agree on errors.
 */
export async function run(io: Io, opts: SchemaOptions): Promise<number> {
  const draft: Draft = opts.draft;
  if (!DRAFTS.includes(draft))
    throw usageError(`unknown --draft ${JSON.stringify(opts.draft)}`, 'USAGE', 'Use --draft 2020-12 (default) or --draft 07.');
  const target: Target = opts.target;
  if (!TARGETS.includes(target))
    throw usageError(`unknown --target ${JSON.stringify(opts.target)}`, 'USAGE', 'Use --target polyaxon-cli (default) or --target helm.');
  io.stdout.write(`${JSON.stringify(toJsonSchema(DEPLOYMENT_SCHEMA, { draft, target }), null, 2)}\n`);
  return EXIT.OK;
}
