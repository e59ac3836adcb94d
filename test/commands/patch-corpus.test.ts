import { chmodSync, copyFileSync, mkdtempSync, readFileSync, readdirSync, statSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusPath, CORPUS_NOW, HAS_CORPUS } from '../support/corpus.js';
import { runCli } from '../support/run-cli.js';
import { expectConfinedToOkta } from '../support/patch-helpers.js';

/**
 * The 30 real configs through the command, each in a temp copy, with several real Okta
 * exports from the corpus: written once, okta-only diff, then "already up to date" without a write.
 */
describe.skipIf(!HAS_CORPUS)('patch command on the corpus deployment configs', () => {
  const files = HAS_CORPUS ? readdirSync(corpusPath('deployment-configs')).sort() : [];
  const metadata = ['boot-saml-3-dev2148273-pretty.xml', 'crewjam-dev513394-spaced-cert.xml', 'ssoready-trial1022863-indented-cert.xml'];
  const OLD = new Date('2020-01-01T00:00:00Z');

  files.forEach((f, i) => {
    it(f, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'patch-corpus-'));
      const file = join(dir, f);
      copyFileSync(corpusPath('deployment-configs', f), file);
      chmodSync(file, 0o644); // the corpus is read-only, and patch refuses a config its owner cannot write
      const before = readFileSync(file, 'utf8');
      const md = corpusPath('okta-metadata', metadata[i % metadata.length] as string);
      // two configs already hold a placeholder okta block: replacing it is the point here
      const args = ['patch', f, '--metadata', md, '--now', CORPUS_NOW, '--json', '--allow-idp-change'];
      const first = await runCli(args, { cwd: dir });
      expect(first.code).toBe(0);
      expect(JSON.parse(first.stdout)).toMatchObject({ schemaVersion: 1, outcome: 'written', changed: true, written: true });
      expectConfinedToOkta(before, readFileSync(file, 'utf8'));
      utimesSync(file, OLD, OLD);
      const second = await runCli(args, { cwd: dir });
      expect(JSON.parse(second.stdout)).toMatchObject({ outcome: 'up-to-date', changed: false, written: false });
      expect(statSync(file).mtimeMs).toBe(OLD.getTime());
      expect(readdirSync(dir)).toEqual([f]);
    });
  });
});
