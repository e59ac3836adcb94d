import { resolve } from 'node:path';
import { finding } from '../../core/findings.js';
import type { ConfigState, PatchPreview } from '../../core/init/init-state.js';
import type { MetadataReport } from '../../core/metadata/types.js';
import { planPatch } from '../../core/patch/plan-patch.js';
import type { Io } from '../../cli/io.js';
import { loadMetadata, loadMetadataText } from '../../cli/load-metadata.js';
import { tooLarge } from '../../cli/read-capped.js';
import { maxBytes, readLocalFile } from '../../cli/read-source.js';
import { safeWrite, type Snapshot } from '../../cli/safe-write.js';
import { unifiedDiff } from '../../cli/unified-diff.js';
import { loadConfig } from './load-config.js';

/**
 * Everything the wizard does to the outside world, behind one object so tests can replace a piece
 * (a failing write, a fake fetch). Each member calls the shared core of another command: init is a
 * guide around urls, validate-metadata and patch, never a second implementation.
 */
export interface InitServices {
  loadConfig(path: string): Promise<ConfigState>;
  /** Reads a file or https URL (readSource: size cap, https-only redirects) and validates it. */
  readMetadata(spec: string): Promise<{ text?: string; report: MetadataReport }>;
  /** Validates pasted XML. */
  checkMetadata(text: string, name: string): { text: string; report: MetadataReport };
  /** patch's plan for the config (an empty text when the file does not exist: a minimal config). */
  planPatch(config: ConfigState, xml: string): PatchPreview;
  /** The current text of a file, undefined when it cannot be read (Terraform: skip identical writes). */
  readText(path: string): Promise<string | undefined>;
  /** patch's safe writer; a config read by loadConfig must not have changed since. */
  writeFile(path: string, text: string): Promise<void>;
}

export interface MetadataCheckOptions {
  now: Date;
  fingerprints: string[];
  maxSizeMb: string;
  /** false: no PLAINTEXT_SECRET findings in the preview (--no-secret-warnings). */
  secretWarnings?: boolean;
}

export function defaultServices(io: Io, o: MetadataCheckOptions): InitServices {
  const checks = { now: o.now, ...(o.fingerprints.length > 0 ? { fingerprints: o.fingerprints } : {}) };
  const snapshots = new Map<string, Snapshot>();
  return {
    async loadConfig(path) {
      const { state, snapshot } = await loadConfig(path, io, o.now, maxBytes(o.maxSizeMb));
      if (snapshot) snapshots.set(path, snapshot);
      return state;
    },
    async readMetadata(spec) {
      const loaded = await loadMetadata(io, spec, { ...checks, maxSize: o.maxSizeMb });
      // The text init stores: UTF-8 declaration or none (loadMetadata's stored form).
      const text = loaded.stored ?? loaded.text;
      return text === undefined ? { report: loaded.report } : { text, report: loaded.report };
    },
    checkMetadata(text, name) {
      // --max-size holds for pasted and $EDITOR text as for a file (the paste reader stops earlier).
      const limit = maxBytes(o.maxSizeMb);
      if (Buffer.byteLength(text, 'utf8') > limit) throw tooLarge(`the ${name === '<pasted>' ? 'pasted metadata' : name}`, limit);
      const clean = text.replace(/^\uFEFF/, '');
      if (clean.trim() === '')
        return {
          text: clean,
          report: {
            findings: [
              finding(
                'XML_EMPTY',
                'error',
                'nothing was pasted',
                'Paste the whole document, from <?xml or <md:EntityDescriptor to its closing tag.',
              ),
            ],
          },
        };
      const loaded = loadMetadataText(clean, name, checks);
      return { text: loaded.stored ?? clean, report: loaded.report };
    },
    planPatch(config, xml) {
      const before = config.text ?? '';
      const plan = planPatch(before, { mode: 'enable', xml, file: config.path, secretWarnings: o.secretWarnings !== false });
      return {
        changed: plan.changed || !config.exists,
        // patch --diff's names, and /dev/null for a file that does not exist yet (as git shows it).
        diff: unifiedDiff(before, plan.text, config.exists ? `a/${config.path}` : '/dev/null', `b/${config.path}`),
        newText: plan.text,
        findings: plan.findings,
      };
    },
    readText: (path) =>
      readLocalFile(resolve(io.cwd, path), path, maxBytes(o.maxSizeMb), 'Terraform').then(
        (b) => b.toString('utf8'),
        () => undefined,
      ),
    async writeFile(path, text) {
      const expect = snapshots.get(path);
      await safeWrite(resolve(io.cwd, path), Buffer.from(text, 'utf8'), expect ? { expect } : {});
    },
  };
}
