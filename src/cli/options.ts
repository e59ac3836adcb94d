import { usageError } from '../core/errors.js';
import type { AttributeNames } from '../core/urls/okta-form.js';
import { parseHost, type Host, type Parsed } from '../core/urls/parse-host.js';
import { parseOrg } from '../core/urls/parse-org.js';
import type { ATTR_FLAGS, OptionsOf } from './flags.js';
import type { Io } from './io.js';

/** Option parsing shared by the command adapters: every bad value is a usage error (exit 2). */

export function unwrap<T>(r: Parsed<T>, flag: string): T {
  if (r.ok) return r.value;
  throw usageError(`${flag}: ${r.message}`, r.code, r.hint);
}

export function hostOption(value: string, allowHttp: boolean | undefined, flag = '--host'): Host {
  return unwrap(parseHost(value, { allowHttp: allowHttp === true }), flag);
}

export function orgOption(value: string, flag = '--org'): string {
  return unwrap(parseOrg(value), flag);
}

/** --now: an ISO 8601 time with a zone (a zoneless time would depend on the machine's TZ). */
export function nowOption(value: string | undefined, io: Io): Date {
  if (value === undefined) return io.now();
  const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2}))?$/.test(value);
  const d = new Date(value);
  if (!ok || Number.isNaN(d.getTime()))
    throw usageError(`--now: "${value}" is not an ISO 8601 time`, 'USAGE', 'Example: --now 2026-06-01T00:00:00Z');
  return d;
}

/** A whole-number flag; its default comes from the flag's table (src/cli/flags.ts), applied by commander. */
export function intOption(value: string, flag: string, min = 0): number {
  if (!/^\d+$/.test(value) || Number(value) < min)
    throw usageError(
      `${flag}: expected a whole number${min > 0 ? ` >= ${min}` : ''}, got "${value}"`,
      'USAGE',
      `Example: ${flag} ${Math.max(min, 30)}`,
    );
  return Number(value);
}

/** The attribute flags (ATTR_FLAGS), every one set: commander applies their defaults. */
export type AttrOpts = OptionsOf<typeof ATTR_FLAGS>;

export function attributeOptions(opts: AttrOpts): AttributeNames {
  const names: AttributeNames = {
    email: opts.attrEmail,
    firstName: opts.attrFirstName,
    lastName: opts.attrLastName,
    groupsFilter: opts.groupsFilter,
  };
  for (const [flag, v] of [
    ['--attr-email', names.email],
    ['--attr-first-name', names.firstName],
    ['--attr-last-name', names.lastName],
    ['--attr-groups', opts.attrGroups],
  ] as const)
    if (!/^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/.test(v))
      throw usageError(
        `${flag}: "${v}" is not a usable attribute name`,
        'USAGE',
        'Use letters, digits, "_", ".", ":" or "-", starting with a letter.',
      );
  try {
    new RegExp(names.groupsFilter);
  } catch {
    throw usageError(
      `--groups-filter: "${names.groupsFilter}" is not a valid regular expression`,
      'USAGE',
      "Okta's group filter is a regular expression, e.g. --groups-filter '^polyaxon-' (or '.*' for every group).",
    );
  }
  if (opts.groups) names.groups = opts.attrGroups;
  return names;
}

/**
 * --format with --json as its alias; a clash between the two is a usage error. `fallback` is the
 * table's default: --json with the default format (commander always sets one) is no clash.
 */
export function formatOption<T extends string>(format: T, json: boolean | undefined, fallback: T): T | 'json' {
  if (json && format !== fallback && format !== 'json')
    throw usageError(
      `--json and --format ${format} disagree: pick one`,
      'USAGE',
      `--json is --format json; for ${format} output drop --json.`,
    );
  return json ? 'json' : format;
}
