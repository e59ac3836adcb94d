import type { KnownCode } from '../finding-codes.js';
import { isScalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { ParsedConfig } from '../config/parse-config.js';
import { finding, type Finding } from '../findings.js';
import { checkRules } from '../schema/check-rules.js';
import { checkSchema } from '../schema/check-schema.js';
import { DEPLOYMENT_SCHEMA } from '../schema/deployment-schema.js';
import type { Target } from '../schema/to-json-schema.js';
import { parseHost } from '../urls/parse-host.js';
import { lintCodeInfo } from './codes.js';
import { asMap, getEntry, isNullish, locate } from './yaml-nodes.js';

/** Deployment-level notes around the okta block (docs/design.md §2). */
export interface DeploymentContext {
  /** An okta mapping exists under externalServices.auth. */
  oktaPresent: boolean;
  /** --host, normalized by parseHost. */
  expectedHost?: string | undefined;
  /** Who reads the file: `polyaxon admin deploy` (default) or Helm directly (unknown keys warn). */
  target?: Target | undefined;
}

export function checkDeployment(cfg: ParsedConfig, root: YAMLMap, doc: Document.Parsed, file: string, ctx: DeploymentContext): Finding[] {
  const out: Finding[] = [];
  const add = (code: KnownCode, message: string, node: Parameters<typeof locate>[1]): void => {
    out.push(finding(code, lintCodeInfo(code)?.severity ?? 'error', message, lintCodeInfo(code)?.help, locate(cfg, node, file)));
  };
  // The chart mounts env from platformSecret instead of rendering it: the okta options are ignored.
  const secret = getEntry(root, 'platformSecret', doc);
  if (ctx.oktaPresent && secret && !isNullish(secret.value) && !(isScalar(secret.value) && secret.value.value === ''))
    add('PLATFORM_SECRET_OKTA_IGNORED', 'platformSecret is set, so the okta block in this file never reaches Polyaxon', secret.keyNode);

  // The whole config against Polyaxon's deployment schema (src/core/schema); externalServices.auth
  // is left to the okta/auth checks, which report it in depth.
  const target = ctx.target ?? 'polyaxon-cli';
  for (const v of [...checkSchema(DEPLOYMENT_SCHEMA, root, doc, target), ...checkRules(DEPLOYMENT_SCHEMA, root, doc, target)])
    out.push(finding(v.code, v.severity, v.message, v.hint ?? lintCodeInfo(v.code)?.help, locate(cfg, v.node, file)));

  if (ctx.expectedHost !== undefined) {
    const host = configHost(root, doc);
    if (!host) add('HOST_NOT_IN_CONFIG', 'the config sets neither ingress.hostName (with ingress.enabled) nor hostName', root);
    else {
      const parsed = parseHost(host.value, { allowHttp: true });
      const actual = parsed.ok ? parsed.value.host : host.value;
      if (actual !== ctx.expectedHost)
        add(
          'HOST_MISMATCH',
          `the config serves ${JSON.stringify(actual)} (${host.path}) but --host is ${JSON.stringify(ctx.expectedHost)}`,
          host.node,
        );
    }
  }
  return out;
}

/**
 * `ingress.hostName` when `ingress.enabled`, else top-level `hostName` (docs/design.md §2), with the
 * same fallback as inferHost (src/core/config/infer-host.ts) so `lint --host` and `urls --config`
 * agree; read by node here to point at the value.
 */
function configHost(root: YAMLMap, doc: Document.Parsed) {
  const ingress = asMap(getEntry(root, 'ingress', doc)?.value ?? null);
  const enabled = ingress ? getEntry(ingress, 'enabled', doc)?.value : undefined;
  const fromIngress =
    ingress && isScalar(enabled) && enabled.value === true ? stringValue(getEntry(ingress, 'hostName', doc)?.value ?? null) : undefined;
  if (fromIngress) return { ...fromIngress, path: 'ingress.hostName' };
  const top = stringValue(getEntry(root, 'hostName', doc)?.value ?? null);
  return top ? { ...top, path: 'hostName' } : undefined;
}

function stringValue(node: Node | null): { value: string; node: Node } | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value === '') return undefined;
  return { value: node.value.trim(), node };
}
