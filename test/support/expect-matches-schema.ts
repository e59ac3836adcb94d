import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';

/**
 * Validates a command's --json document against schemas/<command>.schema.json with Ajv (a full
 * draft-07 validator, independent of our own test/support/check-json-schema.ts). Generic: a new
 * command is covered as soon as its schema file exists; one without a schema fails loudly.
 * A run that never reached a command (unknown command, no command) uses schemas/error.schema.json.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCHEMAS = join(ROOT, 'schemas');
/** One Ajv per schema, so a schema that fails to compile cannot leave its $id behind for the next try. */
function newAjv(): Ajv {
  // strictRequired off: the anyOf branches require properties declared once at the top level.
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  // The formats our schemas use, checked as our own checker does (ajv-formats is not needed for three).
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s)));
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:[^\s]*$/i);
  ajv.addFormat('uri-reference', /^[^\s<>"{}|\\^`]*$/);
  return ajv;
}
const compiled = new Map<string, ValidateFunction>();

export function schemaPath(command: string | undefined): string {
  return join(SCHEMAS, `${command ?? 'error'}.schema.json`);
}

function validator(command: string | undefined): ValidateFunction {
  const key = command ?? 'error';
  let v = compiled.get(key);
  if (v === undefined) {
    const path = schemaPath(command);
    if (!existsSync(path)) throw new Error(`no JSON Schema for \`${key} --json\`: add schemas/${key}.schema.json`);
    v = newAjv().compile(JSON.parse(readFileSync(path, 'utf8')) as object);
    compiled.set(key, v);
  }
  return v;
}

/** Ajv's errors as "path: message" lines; [] when the document matches. */
export function schemaErrors(command: string | undefined, doc: unknown): string[] {
  const v = validator(command);
  return v(doc) ? [] : (v.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} ${JSON.stringify(e.params)}`);
}

export function expectMatchesSchema(command: string | undefined, doc: unknown): void {
  const errors = schemaErrors(command, doc);
  if (errors.length > 0)
    throw new Error(`${command ?? 'error'} --json does not match schemas/${command ?? 'error'}.schema.json:\n  ${errors.join('\n  ')}`);
}

/** The subcommand of an argv (first operand; the root's own options take no value), as the CLI reads it. */
export function commandOf(args: readonly string[]): string | undefined {
  const operands = args.filter((a) => !a.startsWith('-'));
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return name !== undefined && existsSync(join(ROOT, 'src', 'commands', name, 'run.ts')) ? name : undefined;
}

/**
 * Every --json run: stdout is exactly one JSON document, it matches the command's schema, and its
 * exitCode is the process exit code. --help prints help, not JSON.
 */
export function checkJsonRun(args: readonly string[], code: number, stdout: string): void {
  if (args.includes('--help') || args.includes('-h')) return;
  let doc: unknown;
  try {
    doc = JSON.parse(stdout);
  } catch (e) {
    throw new Error(
      `polyaxon-sso ${args.join(' ')} (exit ${code}): --json stdout is not one JSON document (${(e as Error).message}):\n${stdout.slice(0, 500)}`,
      { cause: e },
    );
  }
  const command = commandOf(args);
  expectMatchesSchema(command, doc);
  const exitCode = (doc as { exitCode?: unknown }).exitCode;
  if (exitCode !== code)
    throw new Error(`polyaxon-sso ${args.join(' ')}: exit ${code} but the document says exitCode ${JSON.stringify(exitCode)}`);
}
