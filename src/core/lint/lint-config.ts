import type { KnownCode } from '../finding-codes.js';
import { isMap, isScalar, type Node, type Scalar } from 'yaml';
import { parseConfig, type ParsedConfig } from '../config/parse-config.js';
import { finding, sortFindings, type Finding, type Location } from '../findings.js';
import type { MetadataReport } from '../metadata/types.js';
import { checkAuth, type OktaBlock } from './check-auth.js';
import { checkDeployment } from './check-deployment.js';
import { lintCodeInfo } from './codes.js';
import { looksLikePolyaxonConfig } from './known-keys.js';
import { findPlaintextSecrets } from './plaintext-secrets.js';
import { isNullish, locate } from './yaml-nodes.js';
import { xmlPosition } from './xml-position.js';

export interface LintOptions {
  /** validateMetadata with the run's options (clock, --min-days, pins); the caller caches it. */
  validateXml: (xml: string) => MetadataReport;
  /** A config without an enabled okta block is an error. */
  requireOkta?: boolean;
  /** --host, already validated and normalized (ASCII host[:port]). */
  expectedHost?: string;
  /** Files found by expanding a directory or glob: skip those that are not Polyaxon configs. */
  skipNonPolyaxon?: boolean;
  /** The bytes `text` was decoded from: bytes that are not UTF-8 are a finding (PyYAML refuses them). */
  bytes?: Uint8Array;
  /** `polyaxon-cli` (default): unknown keys are errors; `helm`: the chart ignores them, a warning. */
  target?: 'polyaxon-cli' | 'helm';
  /** Report values that look like plain-text secrets (PLAINTEXT_SECRET, the same findings as patch); default true. */
  secretWarnings?: boolean;
}

export interface FileReport {
  file: string;
  findings: Finding[];
  /** Why the file was not linted (not a Polyaxon config). */
  skipped?: string;
  /** The input could not be read: lint exits 2 (docs/design.md §8). */
  unreadable?: boolean;
  /** A finding about an input as given (a directory, glob or name), not a file: never counted as linted. */
  input?: true;
}

/** Keys the CLI's schema refuses but Helm's chart just ignores (`--target helm`). */
const HELM_IGNORES = new Set(['AUTH_UNKNOWN_PROVIDER', 'AUTH_UNKNOWN_KEY', 'AUTH_SAML_REMOVED']);

const NOT_POLYAXON = 'not a Polyaxon deployment config (no known top-level key)';

/** Lints one deployment config. Pure: text in, findings out. */
export function lintConfig(text: string, file: string, opts: LintOptions): FileReport {
  const cfg = parseConfig(text, file, opts.bytes);
  const skip = opts.skipNonPolyaxon === true;
  if (skip && cfg.documentCount > 1) return { file, findings: [], skipped: 'several YAML documents: not a Polyaxon deployment config' };
  // A file PyYAML would read differently (or not at all) gets its YAML findings only: any
  // further finding would describe a tree Polyaxon never sees. The skip decision uses the keys
  // PyYAML would see, merged keys included.
  if (cfg.unreadable) {
    if (skip && !looksLikePolyaxonConfig(cfg.topLevelKeys)) return { file, findings: [], skipped: NOT_POLYAXON };
    return { file, findings: sortFindings(cfg.findings) };
  }
  const doc = cfg.doc;
  const contents = doc?.contents ?? null;
  // Nothing to check is not a pass: `helm get values … | lint -` that printed nothing, or a file
  // emptied by mistake, would deploy without SSO (a false green).
  if (cfg.documentCount === 0 || (doc && isNullish(contents) && !cfg.findings.some((f) => f.severity === 'error'))) {
    const empty = note(
      'CONFIG_EMPTY',
      cfg.documentCount === 0 ? 'the input is empty (no YAML document)' : 'the document is empty',
      { file, line: 1, column: 1 },
      opts.requireOkta ? 'error' : 'warning',
    );
    return { file, findings: sortFindings([...cfg.findings, empty]) };
  }
  if (!doc || (!isMap(contents) && !isNullish(contents))) {
    if (skip) return { file, findings: [], skipped: NOT_POLYAXON };
    const extra = doc ? [note('CONFIG_NOT_A_MAP', 'the file is not a mapping of top-level keys', locate(cfg, contents, file))] : [];
    return { file, findings: sortFindings([...cfg.findings, ...extra]) };
  }
  if (!isMap(contents)) {
    if (skip) return { file, findings: [], skipped: NOT_POLYAXON };
    return {
      file,
      findings: sortFindings([...cfg.findings, oktaAbsent(opts, 'the file is empty: no okta block', { file, line: 1, column: 1 })]),
    };
  }
  if (skip && !looksLikePolyaxonConfig(cfg.topLevelKeys)) return { file, findings: [], skipped: NOT_POLYAXON };

  const auth = checkAuth(cfg, contents, doc, file);
  const findings = [...cfg.findings, ...auth.findings];
  findings.push(...checkOkta(cfg, auth.okta, auth.authKey ?? null, file, opts));
  findings.push(
    ...checkDeployment(cfg, contents, doc, file, {
      oktaPresent: auth.okta?.map !== undefined,
      expectedHost: opts.expectedHost,
      target: opts.target,
    }),
  );
  if (opts.target === 'helm') for (const f of findings) if (HELM_IGNORES.has(f.code)) f.severity = 'warning';
  if (opts.secretWarnings !== false) findings.push(...findPlaintextSecrets(doc, cfg.lineCounter, file));
  return { file, findings: sortFindings(findings) };
}

function note(code: KnownCode, message: string, at: Location, severity = lintCodeInfo(code)?.severity ?? 'error'): Finding {
  return finding(code, severity, message, lintCodeInfo(code)?.help, at);
}

function oktaAbsent(opts: LintOptions, message: string, at: Location): Finding {
  return note('OKTA_ABSENT', message, at, opts.requireOkta ? 'error' : 'info');
}

function checkOkta(cfg: ParsedConfig, okta: OktaBlock | undefined, authKey: Node | null, file: string, opts: LintOptions): Finding[] {
  if (!okta || !okta.map) {
    const where = okta ? locate(cfg, okta.keyNode, file) : authKey ? locate(cfg, authKey, file) : { file, line: 1, column: 1 };
    return [oktaAbsent(opts, okta ? 'externalServices.auth.okta is empty' : 'no externalServices.auth.okta block', where)];
  }
  const at = locate(cfg, okta.keyNode, file);
  const xml = okta.xml;
  if (!xml || isNullish(xml.value)) {
    return okta.enabled
      ? [note('OKTA_XML_MISSING', 'okta is enabled but options.xml is missing', at)]
      : [oktaAbsent(opts, 'okta is disabled and has no metadata', at)];
  }
  const node = xml.value;
  if (!isScalar(node) || typeof node.value !== 'string')
    return [note('OKTA_XML_NOT_STRING', `externalServices.auth.okta.options.xml must be a string`, locate(cfg, node, file))];
  if (node.value.trim() === '') return [note('OKTA_XML_EMPTY', 'externalServices.auth.okta.options.xml is empty', locate(cfg, node, file))];
  const out: Finding[] = [];
  if (!okta.enabled) {
    out.push(
      note('OKTA_DISABLED_WITH_METADATA', 'okta is disabled; its metadata is kept and checked', at, opts.requireOkta ? 'error' : 'info'),
    );
  }
  out.push(...metadataFindings(cfg, node as Scalar<string>, file, opts));
  return out;
}

/** validateMetadata's findings, each moved to its real line:col in the YAML file. */
function metadataFindings(cfg: ParsedConfig, node: Scalar<string>, file: string, opts: LintOptions): Finding[] {
  const pos = xmlPosition(cfg, node, file);
  const report = opts.validateXml(node.value);
  const out: Finding[] = report.findings.map((f) => {
    const location = f.location ? pos.map(f.location.line, f.location.column) : pos.start;
    return { ...f, location };
  });
  if (!pos.exact || node.type === 'BLOCK_FOLDED')
    out.push(
      note('OKTA_XML_NOT_BLOCK', 'options.xml is not a literal block scalar: XML positions point at the start of the value', pos.start),
    );
  return out;
}
