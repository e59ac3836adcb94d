import type { KnownCode } from '../finding-codes.js';
import { isAlias, isMap, isScalar, type LineCounter, type Node, type YAMLMap } from 'yaml';
import { positionAt } from '../config/parse-config.js';
import { inputError, type OperationalError } from '../errors.js';
import { formatLocation } from '../findings.js';

/**
 * Refusals on the way to `externalServices.auth.okta`: each leaves the file untouched
 * and tells the user what to change by hand, because any edit we could make would change more
 * than the okta block, or change it somewhere else than the user thinks.
 */
export interface CheckCtx {
  text: string;
  lc: LineCounter;
  file?: string;
  anchors: Set<string>;
}

const STANDARD_TAGS = new Set(['tag:yaml.org,2002:map', 'tag:yaml.org,2002:null', 'tag:yaml.org,2002:str', 'tag:yaml.org,2002:bool']);

export function refuse(ctx: CheckCtx, pos: number | undefined, code: KnownCode, message: string, hint?: string): OperationalError {
  const at = pos === undefined ? undefined : positionAt(ctx.lc, pos, ctx.file);
  const where = at ? `${formatLocation(at)}: ` : '';
  return inputError(`${where}${message}`, code, hint);
}

/** The value of a key on the path: not an alias, no custom tag, no anchor that an alias uses. */
export function checkPathNode(ctx: CheckCtx, node: Node | null | undefined, path: string, keyPos?: number): void {
  if (node == null) return;
  // report at the key: a node's range starts after its anchor or tag, often on the next line
  const pos = keyPos ?? node.range?.[0];
  if (isAlias(node))
    throw refuse(
      ctx,
      pos,
      'PATCH_ALIAS',
      `${path} is an alias (*${node.source}); patching it would change the anchored node it points to`,
      `Write ${path} out in full (replace *${node.source} with its content), then run patch again.`,
    );
  if (node.tag !== undefined && !STANDARD_TAGS.has(node.tag))
    throw refuse(
      ctx,
      pos,
      'PATCH_CUSTOM_TAG',
      `${path} has the tag ${node.tag}, which PyYAML safe_load does not read as a plain mapping or value`,
      `Remove the tag from ${path}.`,
    );
  if (node.anchor !== undefined && ctx.anchors.has(node.anchor))
    throw refuse(
      ctx,
      pos,
      'PATCH_ANCHOR_SHARED',
      `${path} carries the anchor &${node.anchor}, and an alias elsewhere reuses it: an edit here would change that place too`,
      `Replace the aliases *${node.anchor} with a copy, then run patch again.`,
    );
}

/** Keys of a mapping on the path: no merge keys (their values would mix with ours), no `saml`. */
export function checkPathMap(ctx: CheckCtx, map: YAMLMap, path: string, isAuth: boolean): void {
  for (const pair of map.items) {
    const key = pair.key as Node | null;
    if (!isScalar(key)) continue;
    const pos = key.range?.[0];
    // `yaml` represents a YAML 1.1 merge key as Symbol(<<), and a quoted "<<" as the string
    if (key.source === '<<' || key.value === '<<' || typeof key.value === 'symbol')
      throw refuse(
        ctx,
        pos,
        'PATCH_MERGE_KEY',
        `${path || 'the top level'} uses a merge key (<<); the result would depend on merge order`,
        'Write the merged keys out in full, then run patch again.',
      );
    if (isAuth && key.value === 'saml')
      throw refuse(
        ctx,
        pos,
        'PATCH_SAML_REMOVED',
        'externalServices.auth.saml was removed in Polyaxon 2.0.1 and now fails validation',
        'Move what it holds to externalServices.auth.okta (which patch writes) and delete the saml block; patch removes it by itself only when it is disabled and empty.',
      );
  }
}

export function isNullish(node: Node | null | undefined): boolean {
  return node == null || (isScalar(node) && node.value === null);
}

export function notAMap(ctx: CheckCtx, node: Node | null | undefined, path: string): OperationalError {
  const what = isScalar(node) ? `a ${typeof node.value === 'string' ? 'string' : 'scalar'}` : isMap(node) ? 'a mapping' : 'a list';
  return refuse(
    ctx,
    node?.range?.[0],
    'PATCH_NOT_A_MAP',
    `${path || 'the document'} is ${what}, not a mapping`,
    `Make ${path || 'the top level'} a mapping (key: value pairs), then run patch again.`,
  );
}
