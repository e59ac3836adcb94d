import type { KnownCode } from '../finding-codes.js';
import { isMap, isScalar, isSeq, type Document, type Node, type YAMLMap } from 'yaml';
import type { ParsedConfig } from '../config/parse-config.js';
import { finding, type Finding } from '../findings.js';
import { LINT_CODES, lintCodeInfo } from './codes.js';
import { didYouMean } from './did-you-mean.js';
import { asMap, entries, getEntry, isNullish, locate, sourceOf, type Entry } from './yaml-nodes.js';

/**
 * `externalServices.auth` against Polyaxon's schema (CLI ≥ 2.0.1, pydantic, unknown keys
 * rejected; docs/design.md §2): exactly these providers, each {enabled?, backend?, url?, options?}.
 */
export const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'google', 'okta', 'onelogin', 'azuread'] as const;
export const PROVIDER_KEYS = ['enabled', 'backend', 'url', 'options'] as const;

export interface OktaBlock {
  keyNode: Node | null;
  /** Absent when `okta:` is null (counts as absent, docs/design.md §8) or not a mapping. */
  map?: YAMLMap;
  /** As Helm's `if` sees it: true, or any non-empty string (even "false"). */
  enabled: boolean;
  /** `options.xml`, when `options` is a mapping that has the key. */
  xml?: Entry;
}

export interface AuthCheck {
  findings: Finding[];
  /** The okta provider entry, when the key exists under externalServices.auth. */
  okta?: OktaBlock;
  /** The node of externalServices.auth, for positions of deployment-level notes. */
  authKey?: Node | null;
}

const YAML11_WORDS = /^(y|n|yes|no|on|off)$/i;
const BOOL_WORDS = /^(true|false|yes|no|on|off|y|n)$/i;

export function checkAuth(cfg: ParsedConfig, root: YAMLMap, doc: Document.Parsed, file: string): AuthCheck {
  const out: Finding[] = [];
  const add = (code: KnownCode, message: string, node: Node | null | undefined, hint = lintCodeInfo(code)?.help): void => {
    out.push(finding(code, lintCodeInfo(code)?.severity ?? 'error', message, hint, locate(cfg, node, file)));
  };
  const ext = getEntry(root, 'externalServices', doc);
  if (!ext || isNullish(ext.value)) return { findings: out };
  if (!isMap(ext.value)) {
    add('AUTH_NOT_A_MAP', 'externalServices is not a mapping', ext.value);
    return { findings: out };
  }
  const auth = getEntry(ext.value, 'auth', doc);
  if (!auth || isNullish(auth.value)) return { findings: out, authKey: auth?.keyNode ?? null };
  if (!isMap(auth.value)) {
    add('AUTH_NOT_A_MAP', 'externalServices.auth is not a mapping', auth.value);
    return { findings: out, authKey: auth.keyNode };
  }
  const result: AuthCheck = { findings: out, authKey: auth.keyNode };
  for (const p of entries(auth.value, doc)) {
    if (p.key === 'saml') {
      add('AUTH_SAML_REMOVED', 'externalServices.auth.saml was removed in Polyaxon CLI 2.0.1 and now fails validation', p.keyNode);
      continue;
    }
    if (!(PROVIDERS as readonly string[]).includes(p.key)) {
      const hint = didYouMean(p.key, PROVIDERS);
      add(
        'AUTH_UNKNOWN_PROVIDER',
        `unknown auth provider "${p.key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
        p.keyNode,
        hint ? `Rename "${p.key}" to "${hint}". ${LINT_CODES.AUTH_UNKNOWN_PROVIDER?.help}` : undefined,
      );
      continue;
    }
    const enabled = checkProvider(cfg, p, doc, add);
    if (p.key === 'okta') result.okta = oktaBlock(p, enabled, doc);
  }
  return result;
}

type Add = (code: KnownCode, message: string, node: Node | null | undefined, hint?: string) => void;

function checkProvider(cfg: ParsedConfig, p: Entry, doc: Document.Parsed, add: Add): boolean {
  if (isNullish(p.value)) return false;
  if (!isMap(p.value)) {
    add('AUTH_PROVIDER_NOT_A_MAP', `externalServices.auth.${p.key} is not a mapping`, p.value);
    return false;
  }
  let enabled = false;
  for (const e of entries(p.value, doc)) {
    const where = `externalServices.auth.${p.key}.${e.key}`;
    if (e.key === 'enabled') enabled = checkEnabled(cfg, e, where, add);
    else if (e.key === 'backend' || e.key === 'url') {
      if (!isNullish(e.value) && !(isScalar(e.value) && typeof e.value.value === 'string'))
        add('AUTH_FIELD_NOT_STRING', `${where} must be a string`, e.value);
    } else if (e.key === 'options') {
      if (!isNullish(e.value) && !isMap(e.value))
        add('AUTH_OPTIONS_NOT_A_MAP', `${where} must be a mapping, not ${kindOf(e.value)}`, e.value);
    } else {
      const hint = didYouMean(e.key, PROVIDER_KEYS);
      add(
        'AUTH_UNKNOWN_KEY',
        `unknown key "${e.key}" in externalServices.auth.${p.key}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        e.keyNode,
        hint ? `Rename "${e.key}" to "${hint}". ${LINT_CODES.AUTH_UNKNOWN_KEY?.help}` : undefined,
      );
    }
  }
  return enabled;
}

/** Returns what Helm's `if` makes of the value (any non-empty string is true: docs/design.md §8). */
function checkEnabled(cfg: ParsedConfig, e: Entry, where: string, add: Add): boolean {
  const v = e.value;
  if (isNullish(v)) return false;
  if (!isScalar(v)) {
    add('AUTH_ENABLED_NOT_BOOL', `${where} must be true or false, not ${kindOf(v)}`, v);
    return false;
  }
  if (typeof v.value === 'boolean') {
    // yaml (YAML 1.1 mode) already turned yes/on into booleans; the source tells them apart.
    const raw = sourceOf(cfg, v).trim();
    if (YAML11_WORDS.test(raw))
      add('AUTH_ENABLED_YAML11_BOOL', `${where}: "${raw}" is a boolean only in YAML 1.1; write ${v.value ? 'true' : 'false'}`, v);
    return v.value;
  }
  if (typeof v.value === 'string') {
    const quoted = v.type === 'QUOTE_DOUBLE' || v.type === 'QUOTE_SINGLE';
    if (quoted && BOOL_WORDS.test(v.value))
      add(
        'AUTH_ENABLED_QUOTED',
        `${where} is the string "${v.value}", not a boolean: Helm treats any non-empty string as true${/^(false|no|off|n)$/i.test(v.value) ? `, so this turns ${where.split('.')[2]} ON` : ''}`,
        v,
      );
    else add('AUTH_ENABLED_NOT_BOOL', `${where} must be true or false, not a string`, v);
    return v.value !== '';
  }
  add('AUTH_ENABLED_NOT_BOOL', `${where} must be true or false, not ${kindOf(v)}`, v);
  return Boolean(v.value);
}

function oktaBlock(p: Entry, enabled: boolean, doc: Document.Parsed): OktaBlock {
  const map = asMap(p.value);
  const block: OktaBlock = { keyNode: p.keyNode, enabled };
  if (!map) return block;
  block.map = map;
  const options = asMap(getEntry(map, 'options', doc)?.value ?? null);
  const xml = options ? getEntry(options, 'xml', doc) : undefined;
  if (xml) block.xml = xml;
  return block;
}

export function kindOf(node: Node | null): string {
  if (node === null) return 'null';
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'null' : `a ${typeof node.value}`;
  return 'a node';
}
