/**
 * Flags as data: each flag is declared once, in its command's `flags.ts` (or here when several
 * commands share it). main.ts declares the commander options from these tables, and each
 * command's options type is derived from its table (docs/design.md §4). Imports nothing: this file
 * is bundled into the start-up bundle (docs/startup.md).
 */
export interface FlagSpec {
  /** commander's flags: '--min-days <n>', '--no-groups', '-y, --yes'. */
  readonly spec: string;
  readonly help: string;
  /** Applied by commander, so the command reads the flag as always set. */
  readonly default?: string;
  readonly choices?: readonly string[];
  /** Each use adds one value: the flag reads as string[]. */
  readonly repeatable?: true;
}

export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** Options several commands share: the flag and its help read the same everywhere. */
/** lint's report formats, which drift shares (src/cli/lint-formats/). */
export const REPORT_FORMAT_FLAGS = {
  format: {
    spec: '--format <format>',
    help: 'output format',
    choices: ['auto', 'text', 'json', 'github', 'sarif', 'junit'],
    default: 'auto',
  },
  json: { spec: '--json', help: 'same as --format json' },
} as const;

export const SHARED_FLAGS = {
  now: { spec: '--now <iso>', help: 'use this time instead of the clock' },
  minDays: { spec: '--min-days <n>', help: 'warn when a certificate expires within n days', default: '30' },
  maxSize: { spec: '--max-size <MB>', help: 'refuse larger inputs', default: '10' },
  strict: { spec: '--strict', help: 'warnings fail too (exit 1)' },
  fingerprint: { spec: '--fingerprint <sha>', help: 'pin: SHA-256 or SHA-1 of the expected signing cert (repeatable)', repeatable: true },
  allowHttp: { spec: '--allow-http', help: 'allow an http:// host (local labs only)' },
  /** Declared by patch and init alike, so the flag reads the same in both (docs/design.md §8, "Trust changes"). */
  allowIdpChange: {
    spec: '--allow-idp-change',
    help: 'allow replacing the trusted IdP or its certificates without a pin (scripts)',
  },
  secretWarnings: { spec: '--no-secret-warnings', help: 'do not report values that look like secrets in plain text (PLAINTEXT_SECRET)' },
} as const satisfies FlagTable;

/** The attribute statements of the Okta form (urls, init, check-response). */
export const ATTR_FLAGS = {
  attrEmail: { spec: '--attr-email <name>', help: 'attribute statement name for the email', default: 'email' },
  attrFirstName: { spec: '--attr-first-name <name>', help: 'attribute statement name for the first name', default: 'firstName' },
  attrLastName: { spec: '--attr-last-name <name>', help: 'attribute statement name for the last name', default: 'lastName' },
  attrGroups: { spec: '--attr-groups <name>', help: 'group attribute statement name', default: 'groups' },
  groupsFilter: { spec: '--groups-filter <regex>', help: 'Okta group filter (regex) for the groups statement', default: '.*' },
  groups: { spec: '--no-groups', help: 'leave out the group attribute statement' },
} as const satisfies FlagTable;

/** 'attr-first-name' → 'attrFirstName', as commander names the option. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
/** The long name: '-y, --yes' → 'yes', '--min-days <n>' → 'min-days'. */
type LongName<S extends string> = S extends `${string}--${infer R}` ? (R extends `${infer N} ${string}` ? N : R) : never;
/** The option's key: '--no-groups' → 'groups' (commander's negatable flag). */
export type FlagKey<S extends string> = LongName<S> extends `no-${infer N}` ? Camel<N> : Camel<LongName<S>>;

type FlagValue<F extends FlagSpec> = F extends { repeatable: true }
  ? string[]
  : F['spec'] extends `${string}<${string}>`
    ? F extends { choices: readonly (infer C)[] }
      ? C
      : string
    : boolean;
/** Always set after parsing: a default, or a negatable flag (commander defaults it to true). */
type AlwaysSet<F extends FlagSpec> = F extends { default: string } ? true : LongName<F['spec']> extends `no-${string}` ? true : false;

type Set<T extends FlagTable> = { [K in keyof T as AlwaysSet<T[K]> extends true ? FlagKey<T[K]['spec']> : never]: FlagValue<T[K]> };
type Maybe<T extends FlagTable> = { [K in keyof T as AlwaysSet<T[K]> extends true ? never : FlagKey<T[K]['spec']>]?: FlagValue<T[K]> };

/** The root's own options, which commander hands every command too. */
interface GlobalOptions {
  /** --no-color: false. */
  color?: boolean;
  debug?: boolean;
}

/** What commander hands a command for its table: `--min-days <n>` with a default → `minDays: string`. */
export type OptionsOf<T extends FlagTable> = Set<T> & Maybe<T> & GlobalOptions;

/** A table whose keys are not the options commander makes of their specs does not compile. */
export type CheckedTable<T extends FlagTable> = { [K in keyof T]: K extends FlagKey<T[K]['spec']> ? T[K] : never };
