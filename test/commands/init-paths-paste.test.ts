import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { readPaste } from '../../src/commands/init/read-paste.js';
import { guardPrompter } from '../../src/cli/prompter.js';
import { run, type InitDeps } from '../../src/commands/init/run.js';
import { isOperationalError } from '../../src/core/errors.js';
import { expandHome } from '../../src/core/init/expand-home.js';
import { fakeIo } from '../support/run-cli.js';
import { fakePrompter, type Answer } from '../support/fake-prompter.js';
import { TEST_NOW as NOW } from '../support/clock.js';
import { INIT_FLAGS } from '../../src/commands/init/flags.js';
import { flagDefaults } from '../support/flag-defaults.js';

/**
 * A newcomer's mistakes in the wizard (README "init"): `~` paths, a config that does not exist,
 * a paste that is ended early, cut off or a URL, a wrong answer, a config changed meanwhile, and
 * the plain-text-secret summary. Prompts are injected (fake-prompter.ts).
 */
const ROOT = resolve('.');
const DEMO = join(ROOT, 'fixtures/demo/values.yaml');
const ACME = join(ROOT, 'fixtures/metadata/valid/okta-acme.xml');
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden', name), 'utf8');

let home: string;
let cwd: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'init-home-'));
  cwd = join(home, 'work');
  mkdirSync(cwd);
  copyFileSync(DEMO, join(home, 'values.yaml'));
});

async function wizard(answers: Answer[], opts: Record<string, unknown> = {}, deps: InitDeps = {}) {
  const io = fakeIo({ cwd, tty: true, env: { NO_COLOR: '1', HOME: home } });
  const fake = fakePrompter(answers);
  let code: number;
  let error = '';
  try {
    code = await run(io, { ...flagDefaults(INIT_FLAGS), now: NOW, ...opts }, { prompter: guardPrompter(fake.prompter), ...deps });
  } catch (e) {
    if (!isOperationalError(e)) throw e;
    code = e.exitCode;
    error = `${e.code}: ${e.message}`;
  }
  return { code, error, out: io.out(), asked: fake.asked, left: fake.left() };
}

describe('expandHome', () => {
  it('expands ~ and ~/… as a shell does, nothing else', () => {
    expect(expandHome('~', '/home/ada')).toBe('/home/ada');
    expect(expandHome('~/values.yaml', '/home/ada')).toBe('/home/ada/values.yaml');
    expect(expandHome('~/deploy/values.yaml', '/home/ada/')).toBe('/home/ada/deploy/values.yaml');
    for (const p of ['~ada/values.yaml', 'values~.yaml', './~/values.yaml', '/tmp/~/x', ' ~/x']) expect(expandHome(p, '/home/ada')).toBe(p);
    expect(expandHome('~/x', undefined)).toBe('~/x');
  });
});

describe('init: paths typed at a prompt', () => {
  it('~/values.yaml is the existing file in the home directory: read, patched (not "does not exist yet")', async () => {
    const r = await wizard(['~/values.yaml', '', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('does not exist yet');
    expect(r.out).toContain(`Read ${home}/values.yaml: Polyaxon host polyaxon.acme.com`);
    expect(readFileSync(join(home, 'values.yaml'), 'utf8')).toBe(golden('init/values.acme.yaml'));
    expect(existsSync(join(cwd, '~'))).toBe(false);
  });

  it('a Terraform file that cannot be written: the reason, and the file name asked again', async () => {
    const r = await wizard(['~/values.yaml', '', 'acme', true, '~/no/such/dir/okta.tf', '~/okta.tf', 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`cannot write ${home}/no/such/dir/okta.tf`);
    expect(r.asked.filter((a) => a.message === 'Terraform file:')).toHaveLength(2);
    expect(r.asked.filter((a) => a.message.startsWith('Also write these settings'))).toHaveLength(1);
    expect(readFileSync(join(home, 'okta.tf'), 'utf8')).toBe(golden('urls/acme.tf'));
  });

  it('~ in the metadata file and the Terraform file prompts', async () => {
    copyFileSync(ACME, join(home, 'okta.xml'));
    const r = await wizard(['~/values.yaml', '', 'acme', true, '~/okta.tf', 'file', '~/okta.xml', true, true]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(home, 'okta.tf'), 'utf8')).toBe(golden('urls/acme.tf'));
    expect(readFileSync(join(home, 'values.yaml'), 'utf8')).toBe(golden('init/values.acme.yaml'));
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('init never creates a config silently', () => {
  it('a path that does not exist: "Create a new minimal config at …? (y/N)"; No asks the path again', async () => {
    const r = await wizard(['~/new.yaml', false, 'values.yaml', true, 'polyaxon.acme.com', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    const create = r.asked.filter((a) => a.message.startsWith('Create a new minimal config'));
    expect(create.map((a) => [a.message, a.default])).toEqual([
      [`Create a new minimal config at ${home}/new.yaml?`, false],
      ['Create a new minimal config at values.yaml?', false],
    ]);
    expect(r.asked.filter((a) => a.message.startsWith('Deployment config'))).toHaveLength(2);
    expect(existsSync(join(home, 'new.yaml'))).toBe(false);
    expect(readFileSync(join(cwd, 'values.yaml'), 'utf8')).toBe(golden('init/new-config.yaml'));
  });

  it('Enter takes the default, No', async () => {
    const r = await wizard(['new.yaml', '', 'values.yaml', true, 'polyaxon.acme.com', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, 'new.yaml'))).toBe(false);
  });

  it('--create creates it without asking', async () => {
    const r = await wizard(['polyaxon.acme.com', 'acme', false, 'file', ACME, true, true], { config: 'new.yaml', create: true });
    expect(r.code).toBe(0);
    expect(r.asked.some((a) => a.message.startsWith('Create a new'))).toBe(false);
    expect(readFileSync(join(cwd, 'new.yaml'), 'utf8')).toBe(golden('init/new-config.yaml'));
  });

  it('scripted (--yes) without --create: exit 2 with a hint, nothing created; with --create: created', async () => {
    const flags = { config: 'new.yaml', host: 'polyaxon.acme.com', org: 'acme', metadata: ACME, yes: true };
    const r = await wizard([], flags);
    expect(r.code).toBe(2);
    expect(r.error).toBe('INIT_CONFIG_NOT_FOUND: config file not found: new.yaml');
    expect(readdirSync(cwd)).toEqual([]);
    const c = await wizard([], { ...flags, create: true });
    expect(c.code).toBe(0);
    expect(readFileSync(join(cwd, 'new.yaml'), 'utf8')).toBe(golden('init/new-config.yaml'));
  });
});

describe('init: a config it must not replace silently', () => {
  it('read-only for its owner (0444): exit 2 with the reason and a hint, the file untouched', async () => {
    chmodSync(join(home, 'values.yaml'), 0o444);
    const r = await wizard([], { config: join(home, 'values.yaml'), org: 'acme', metadata: ACME, yes: true });
    expect(r.code).toBe(2);
    expect(r.error).toMatch(/^WRITE_FILE_READONLY: .*values\.yaml is read-only for its owner \(mode 0444\); nothing written$/);
    expect(readFileSync(join(home, 'values.yaml'), 'utf8')).toBe(readFileSync(DEMO, 'utf8'));
  });
});

describe('init: the paste has a way out', () => {
  const xml = readFileSync(ACME, 'utf8');
  const start = ['~/values.yaml', '', 'acme', false];

  it('a paste ended at once (a lone "." or Ctrl-D): back to the menu, every earlier answer kept', async () => {
    const r = await wizard([...start, 'paste', '', 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Nothing pasted: back to the menu.');
    expect(r.asked.filter((a) => a.kind === 'select').map((a) => a.default)).toEqual(['file', 'paste']);
    // config, host and org were asked once
    expect(r.asked.filter((a) => a.kind === 'input').length).toBe(4);
    expect(readFileSync(join(home, 'values.yaml'), 'utf8')).toBe(golden('init/values.acme.yaml'));
  });

  it('a cut-off paste is said to be one; then the menu', async () => {
    const cut = `${xml.split('\n').slice(0, 12).join('\n')}\n`;
    const r = await wizard([...start, 'paste', cut, 'paste', xml, true, true]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('The paste ends before the closing </md:EntityDescriptor> tag: an incomplete copy?');
  });

  it('a pasted URL is recognised and read as the metadata URL', async () => {
    const url = 'https://acme.okta.com/app/exk1/sso/saml/metadata';
    const fetched: string[] = [];
    const r = await wizard(
      [...start, 'paste', `${url}\n`, true, true],
      {},
      {
        services: (base) => ({ ...base, readMetadata: async (spec) => (fetched.push(spec), base.readMetadata(ACME)) }),
      },
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain('That is a URL, not the XML: reading it as the metadata URL.');
    expect(fetched).toEqual([url]);
  });

  it('an empty answer at the file question goes back to the menu', async () => {
    const r = await wizard([...start, 'file', '', 'paste', xml, true, true]);
    expect(r.code).toBe(0);
    expect(r.asked.filter((a) => a.kind === 'select')).toHaveLength(2);
  });
});

describe('readPaste (the terminal paste)', () => {
  const CLOSING = /<\/(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor\s*>/;
  const paste = (input: string, end: boolean) => {
    const stream = new PassThrough();
    const p = readPaste(stream, new PassThrough(), 'Paste:', CLOSING);
    stream.write(input);
    if (end) stream.end();
    return p;
  };
  it('ends at the closing tag', async () =>
    expect(await paste('<md:EntityDescriptor>\n</md:EntityDescriptor>\nignored\n', false)).toBe(
      '<md:EntityDescriptor>\n</md:EntityDescriptor>\n',
    ));
  it('a line with only "." ends it with what came before', async () =>
    expect(await paste('<md:EntityDescriptor>\n.\n', false)).toBe('<md:EntityDescriptor>\n'));
  it('"." first: nothing pasted', async () => expect(await paste(' . \n', false)).toBe(''));
  it('a URL as the first line ends it at once (no closing tag would come)', async () =>
    expect(await paste('\nhttps://acme.okta.com/app/exk1/sso/saml/metadata\n', false)).toBe(
      '\nhttps://acme.okta.com/app/exk1/sso/saml/metadata\n',
    ));
  it('Ctrl-D (end of input) ends it with what came before, not a cancel', async () =>
    expect(await paste('<md:Entity', true)).toBe('<md:Entity\n'));
});

describe('init: plain-text secrets', () => {
  it('one summary line in the preview; --no-secret-warnings hides it', async () => {
    writeFileSync(join(home, 'values.yaml'), `${readFileSync(DEMO, 'utf8')}redis:\n  password: hunter2\n`);
    const r = await wizard(['~/values.yaml', '', 'acme', false, 'file', ACME, true, true]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.includes('PLAINTEXT_SECRET'))).toHaveLength(1);
    expect(r.out).toMatch(/values\.yaml: warning: 1 value looks like a secret in plain text at line \d+ /);
    expect(r.out).not.toContain('hunter2');
    writeFileSync(join(home, 'values.yaml'), `${readFileSync(DEMO, 'utf8')}redis:\n  password: hunter2\n`);
    const quiet = await wizard(['~/values.yaml', '', 'acme', false, 'file', ACME, true, true], { secretWarnings: false });
    expect(quiet.code).toBe(0);
    expect(quiet.out).not.toContain('PLAINTEXT_SECRET');
  });
});
