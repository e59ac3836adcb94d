import { Command, CommanderError, Option } from 'commander';
import { cancelled, EXIT } from './core/errors.js';
import { asksJson, errorDocument, fromCommander, fromOperational, internalError, type RunError } from './cli/error-envelope.js';
import { escapeForTerminal } from './cli/escape-terminal.js';
import { processIo, type Io } from './cli/io.js';
import { VERSION } from './version.js';
import type { FlagTable } from './cli/flags.js';
import { CHECK_RESPONSE_FLAGS } from './commands/check-response/flags.js';
import { DRIFT_FLAGS } from './commands/drift/flags.js';
import { EXPLAIN_FLAGS } from './commands/explain/flags.js';
import { INIT_FLAGS } from './commands/init/flags.js';
import { LINT_FLAGS } from './commands/lint/flags.js';
import { PATCH_FLAGS } from './commands/patch/flags.js';
import { SCHEMA_FLAGS } from './commands/schema/flags.js';
import { URLS_FLAGS } from './commands/urls/flags.js';
import { VALIDATE_METADATA_FLAGS } from './commands/validate-metadata/flags.js';

/**
 * commander wiring. The only place that turns errors into exit codes (docs/design.md §3, §4).
 * Commands are imported lazily: `--version` and `urls` never load xml-crypto or inquirer.
 */
const EXIT_TABLE = `
Exit codes:
  0    ok
  1    the check ran and found errors (or warnings over --max-warnings / --strict)
  2    could not run (usage, unreadable input, internal error)
  130  cancelled (Ctrl-C, or the write was declined)
`;

/** Root --help: where a new user starts, and the everyday commands. */
const ROOT_HELP = `
Start here:
  $ polyaxon-sso init    guided setup: host and organization, the Okta form, the metadata, the config

Examples:
  $ polyaxon-sso urls --host polyaxon.acme.com --org acme
  $ polyaxon-sso patch values.yaml --metadata okta-metadata.xml --diff
  $ polyaxon-sso lint values.yaml --host polyaxon.acme.com --org acme
${EXIT_TABLE}`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- commander hands positionals untyped
type Handler = (io: Io, ...args: any[]) => Promise<number>;
const collect = (v: string, prev: string[] = []): string[] => [...prev, v];

/** The commander options of a command's flag table, in the table's order (src/cli/flags.ts). */
function declare(cmd: Command, table: FlagTable): Command {
  for (const flag of Object.values(table)) {
    const option = new Option(flag.spec, flag.help);
    if (flag.choices !== undefined) option.choices(flag.choices);
    if (flag.default !== undefined) option.default(flag.default);
    if (flag.repeatable === true) option.argParser(collect);
    cmd.addOption(option);
  }
  return cmd;
}

function examples(cmd: Command, lines: string[]): Command {
  return cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n${EXIT_TABLE}`);
}

/** One import per command; the build keeps each a separate file, loaded only when run. */
const COMMANDS: Record<string, () => Promise<{ run: unknown }>> = {
  urls: () => import('./commands/urls/run.js'),
  'validate-metadata': () => import('./commands/validate-metadata/run.js'),
  patch: () => import('./commands/patch/run.js'),
  lint: () => import('./commands/lint/run.js'),
  init: () => import('./commands/init/run.js'),
  'check-response': () => import('./commands/check-response/run.js'),
  drift: () => import('./commands/drift/run.js'),
  schema: () => import('./commands/schema/run.js'),
  explain: () => import('./commands/explain/run.js'),
};

type Runner = (load: () => Promise<Handler>, args: unknown[]) => Promise<void>;

/**
 * The command tree. With `argv`, only the command being run gets its options, arguments and
 * action: declaring all ~90 options took ~7 ms of every start, and the others need only
 * their name for dispatch. Root help, an unknown command and no argv (tests) get the full tree.
 */
export function buildProgram(io: Io, run: Runner, argv?: readonly string[]): Command {
  const program = new Command('polyaxon-sso')
    .description('Wire a self-hosted Polyaxon deployment to Okta SAML single sign-on.')
    .version(VERSION, '-V, --version')
    .option('--debug', 'show stack traces for internal errors')
    .option('--no-color', 'no colour, even on a terminal (NO_COLOR and FORCE_COLOR are honoured)')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // commander's errors are rendered by reportError, with a hint and, under --json, as JSON
      outputError: () => undefined,
    });
  program.addHelpText('after', ROOT_HELP);
  const lazy =
    (name: string) =>
    (...args: unknown[]) =>
      run(async () => (await (COMMANDS[name] as () => Promise<{ run: unknown }>)()).run as Handler, args);
  const only = argv === undefined ? undefined : invokedCommand(argv);
  const command = (name: string, description: string, define: (cmd: Command) => Command): void => {
    const cmd = program.command(name).description(description);
    if (only === undefined || only === name) define(cmd).action(lazy(name));
  };

  command('urls', 'print the URLs and values to type into Okta\'s "Create SAML Integration" form', (cmd) =>
    examples(declare(cmd, URLS_FLAGS), [
      'polyaxon-sso urls --host polyaxon.acme.com --org acme',
      'polyaxon-sso urls --config values.yaml --org acme --format terraform',
    ]),
  );

  command('validate-metadata', 'parse and verify the IdP metadata downloaded from Okta and its signing certificate', (cmd) =>
    examples(declare(cmd.argument('<source>', 'file, https URL, or - for stdin'), VALIDATE_METADATA_FLAGS), [
      'polyaxon-sso validate-metadata okta-metadata.xml',
      'polyaxon-sso validate-metadata https://acme.okta.com/app/exk123/sso/saml/metadata --json',
    ]),
  );

  command('patch', 'write externalServices.auth.okta into the deployment config, touching nothing else', (cmd) =>
    examples(declare(cmd.argument('<config>', 'deployment config (YAML)'), PATCH_FLAGS), [
      'polyaxon-sso patch values.yaml --metadata okta-metadata.xml --diff',
      'polyaxon-sso patch values.yaml --metadata okta-metadata.xml --backup',
    ]),
  );

  command('lint', 'check deployment configs (for CI)', (cmd) =>
    examples(declare(cmd.argument('<inputs...>', 'files, directories, globs, or - for stdin'), LINT_FLAGS), [
      'polyaxon-sso lint deploy/',
      'polyaxon-sso lint "deploy/**/*.yaml" --format sarif > lint.sarif',
    ]),
  );

  command('schema', 'print the deployment-config schema lint checks with, as JSON Schema (for editors)', (cmd) =>
    examples(declare(cmd, SCHEMA_FLAGS), [
      'polyaxon-sso schema > polyaxon-deployment.schema.json',
      'polyaxon-sso schema --draft 07 --target helm',
    ]),
  );

  command('init', 'guided setup: from hostname and organization to a patched deployment config', (cmd) =>
    examples(declare(cmd, INIT_FLAGS), [
      'polyaxon-sso init',
      'polyaxon-sso init --config values.yaml --host polyaxon.acme.com --org acme --metadata okta.xml --yes',
    ]),
  );

  command('check-response', 'verify a captured SAML response against the setup, offline', (cmd) =>
    examples(
      declare(
        cmd.argument('<source>', 'SAMLResponse (XML, base64, URL-encoded, deflated), SAML-tracer JSON or HAR; - for stdin'),
        CHECK_RESPONSE_FLAGS,
      ),
      ['polyaxon-sso check-response saml-tracer.json --config values.yaml --host polyaxon.acme.com --org acme'],
    ),
  );

  command('drift', "compare the config's okta metadata with what Okta serves now (network)", (cmd) =>
    examples(declare(cmd.argument('<config>', 'deployment config (YAML) holding the okta metadata'), DRIFT_FLAGS), [
      'polyaxon-sso drift values.yaml',
      'polyaxon-sso drift values.yaml --format sarif > drift.sarif',
    ]),
  );

  command('explain', 'what a finding code means and how to fix it (offline)', (cmd) =>
    examples(declare(cmd.argument('<code>', 'a finding code, e.g. CERT_EXPIRED (any case)'), EXPLAIN_FLAGS), [
      'polyaxon-sso explain CERT_EXPIRED',
      'polyaxon-sso explain auth_enabled_quoted --json',
    ]),
  );

  return program;
}

/**
 * The subcommand commander will dispatch to: the first operand (the root's own options take no
 * value), or the one after `help`; '' for `--version` alone (no command needed); undefined when
 * unknown (root help, a typo to suggest for), which declares them all.
 */
function invokedCommand(argv: readonly string[]): string | undefined {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) return '';
  const operands = argv.filter((a) => !a.startsWith('-'));
  const name = operands[0] === 'help' ? operands[1] : operands[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}

/** What a run ended with: the exit code and, when an error ended it, the error as reported. */
export interface Execution {
  code: number;
  /** The code, message, hint and exit code written to stderr (and, under --json, to stdout). */
  error?: RunError;
  /** What was thrown (tests: an INTERNAL error surfaces with its stack). */
  thrown?: unknown;
}

/** Runs the CLI in-process; returns the exit code. The bin and tests with a fake Io call this. */
export async function main(argv: string[], ioGiven?: Io): Promise<number> {
  return (await execute(argv, ioGiven)).code;
}

/** main(), keeping the error it reported: the in-process test runner asserts on its code. */
export async function execute(argv: string[], ioGiven?: Io): Promise<Execution> {
  const io = ioGiven ?? processIo();
  // The real process only (tests pass their own Io): Ctrl-C outside a prompt still says so, and a
  // --json run still ends with its one document (exit 130). Inside a prompt, inquirer reads Ctrl-C
  // as a key and the command throws `cancelled`, which reportError renders the same way.
  if (ioGiven === undefined)
    process.once('SIGINT', () => process.exit(reportError(cancelled('cancelled (Ctrl-C)'), io, argv, false).exitCode));
  const debug = argv.includes('--debug');
  let code: number = EXIT.OK;
  const program = buildProgram(
    io,
    async (load, args) => {
      const cmd = args[args.length - 1] as Command;
      const opts = { ...cmd.optsWithGlobals() };
      code = await (await load())(io, ...args.slice(0, -2), opts);
    },
    argv,
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return { code };
  } catch (e) {
    if (e instanceof CommanderError && e.exitCode === 0) return { code: EXIT.OK }; // --help, --version
    const error = reportError(e, io, argv, debug);
    return { code: error.exitCode, error, thrown: e };
  }
}

/**
 * Every error that ends a run, rendered once: one line and a hint on stderr and, when JSON was
 * asked for, the command's document with `exitCode` and `error` on stdout (schemas/error.schema.json).
 */
function reportError(e: unknown, io: Io, argv: readonly string[], debug: boolean): RunError {
  const command = invokedCommand(argv) || undefined;
  const err = e instanceof CommanderError ? fromCommander(e, command) : (fromOperational(e, command) ?? internalError(e));
  // A message may quote a path or value from the input: escaped, so it cannot draw on the terminal.
  io.stderr.write(`polyaxon-sso: ${escapeForTerminal(err.message)}\n  hint: ${escapeForTerminal(err.hint)}\n`);
  if (debug && e instanceof Error && e.stack) io.stderr.write(`${e.stack}\n`);
  if (asksJson(argv)) io.stdout.write(errorDocument(command, err));
  return err;
}
