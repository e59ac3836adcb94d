import { decodeXml } from '../../core/xml/decode-xml.js';
import { finding } from '../../core/findings.js';
import type { ConfigState, PatchPreview } from '../../core/init/init-state.js';
import { validateMetadata } from '../../core/metadata/validate-metadata.js';
import type { MetadataReport } from '../../core/metadata/types.js';
import { planPatch } from '../../core/patch/plan-patch.js';
import type { Io } from '../io.js';
import { readSource } from '../read-source.js';
import { loadConfig } from './load-config.js';
import { unifiedDiff, writeSafely } from './write-adapter.js';

/**
 * Everything the wizard does to the outside world, behind one object so tests can replace a piece
 * (a failing write, a fake fetch). Each member calls the shared core of another command: init is a
 * guide around urls, validate-metadata and patch, never a second implementation (issue 6).
 */
export interface InitServices {
  loadConfig(path: string): Promise<ConfigState>;
  /** Reads a file or https URL (readSource: size cap, https-only redirects) and validates it. */
  readMetadata(spec: string): Promise<{ text?: string; report: MetadataReport }>;
  /** Validates pasted XML. */
  checkMetadata(text: string, name: string): { text: string; report: MetadataReport };
  /** patch's plan for the config (an empty text when the file does not exist: a minimal config). */
  planPatch(config: ConfigState, xml: string): PatchPreview;
  /** Writes with the safe writer; refuses when the file changed since `expected` was read. */
  writeFile(path: string, text: string, expected: string | undefined): Promise<void>;
}

export interface MetadataCheckOptions {
  now: Date;
  fingerprints: string[];
  maxSizeMb: string;
}

export function defaultServices(io: Io, o: MetadataCheckOptions): InitServices {
  const validate = (text: string, name: string): MetadataReport =>
    validateMetadata(text, { now: o.now, file: name, ...(o.fingerprints.length > 0 ? { fingerprints: o.fingerprints } : {}) });
  return {
    loadConfig: (path) => loadConfig(path, io, o.now),
    async readMetadata(spec) {
      const src = await readSource(spec, io, { maxSizeMb: o.maxSizeMb, what: 'metadata' });
      const decoded = decodeXml(src.bytes, src.name);
      if (decoded.text === undefined || decoded.findings.some((f) => f.severity === 'error')) return { report: { findings: decoded.findings } };
      return { text: decoded.text, report: validate(decoded.text, src.name) };
    },
    checkMetadata(text, name) {
      const clean = text.replace(/^\uFEFF/, '');
      if (clean.trim() === '') return { text: clean, report: { findings: [finding('XML_EMPTY', 'error', 'nothing was pasted', 'Paste the whole document, from <?xml or <md:EntityDescriptor to its closing tag.')] } };
      return { text: clean, report: validate(clean, name) };
    },
    planPatch(config, xml) {
      const before = config.text ?? '';
      const plan = planPatch(before, { mode: 'enable', xml, file: config.path });
      return {
        changed: plan.changed || !config.exists,
        diff: unifiedDiff(before, plan.text, config.exists ? config.path : '/dev/null', config.path),
        newText: plan.text,
        findings: plan.findings,
      };
    },
    writeFile: (path, text, expected) => writeSafely(io, path, text, expected),
  };
}
