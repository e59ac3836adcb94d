import { Option } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { ATTR_FLAGS, SHARED_FLAGS, type FlagTable, type OptionsOf } from '../../../src/cli/flags.js';
import { DEFAULT_ATTRIBUTES } from '../../../src/core/urls/okta-form.js';
import { CHECK_RESPONSE_FLAGS } from '../../../src/commands/check-response/flags.js';
import { DRIFT_FLAGS } from '../../../src/commands/drift/flags.js';
import { EXPLAIN_FLAGS } from '../../../src/commands/explain/flags.js';
import { INIT_FLAGS } from '../../../src/commands/init/flags.js';
import { LINT_FLAGS } from '../../../src/commands/lint/flags.js';
import { PATCH_FLAGS } from '../../../src/commands/patch/flags.js';
import { SCHEMA_FLAGS } from '../../../src/commands/schema/flags.js';
import { URLS_FLAGS } from '../../../src/commands/urls/flags.js';
import { VALIDATE_METADATA_FLAGS } from '../../../src/commands/validate-metadata/flags.js';
import { flagDefaults } from '../../support/flag-defaults.js';

const TABLES: Record<string, FlagTable> = {
  shared: SHARED_FLAGS,
  attr: ATTR_FLAGS,
  'check-response': CHECK_RESPONSE_FLAGS,
  drift: DRIFT_FLAGS,
  explain: EXPLAIN_FLAGS,
  init: INIT_FLAGS,
  lint: LINT_FLAGS,
  patch: PATCH_FLAGS,
  schema: SCHEMA_FLAGS,
  urls: URLS_FLAGS,
  'validate-metadata': VALIDATE_METADATA_FLAGS,
};

describe('flag tables (src/cli/flags.ts)', () => {
  it('keys each flag by the option name commander gives its spec, so the derived type reads what run() gets', () => {
    for (const [name, table] of Object.entries(TABLES))
      for (const [key, flag] of Object.entries(table)) expect([name, new Option(flag.spec).attributeName()]).toEqual([name, key]);
  });

  it('a default is one of its choices', () => {
    for (const table of Object.values(TABLES))
      for (const flag of Object.values(table))
        if (flag.choices !== undefined && flag.default !== undefined) expect(flag.choices).toContain(flag.default);
  });

  it('the attribute flags default to the library defaults', () => {
    const d = flagDefaults(ATTR_FLAGS);
    expect({
      email: d.attrEmail,
      firstName: d.attrFirstName,
      lastName: d.attrLastName,
      groups: d.attrGroups,
      groupsFilter: d.groupsFilter,
    }).toEqual(DEFAULT_ATTRIBUTES);
    expect(d.groups).toBe(true);
  });

  it('derives the options type from the specs', () => {
    type Urls = OptionsOf<typeof URLS_FLAGS>;
    expectTypeOf<Urls['attrFirstName']>().toEqualTypeOf<string>();
    expectTypeOf<Urls['groups']>().toEqualTypeOf<boolean>();
    expectTypeOf<Urls['format']>().toEqualTypeOf<'text' | 'json' | 'terraform'>();
    expectTypeOf<Urls['host']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Urls['allowHttp']>().toEqualTypeOf<boolean | undefined>();
    type Patch = OptionsOf<typeof PATCH_FLAGS>;
    expectTypeOf<Patch['minDays']>().toEqualTypeOf<string>();
    expectTypeOf<Patch['fingerprint']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Patch['yes']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Patch['secretWarnings']>().toEqualTypeOf<boolean>();
    expectTypeOf<OptionsOf<typeof CHECK_RESPONSE_FLAGS>['acsUrl']>().toEqualTypeOf<string | undefined>();
  });
});
