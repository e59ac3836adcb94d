import { isMap, isPair, isScalar, visit, type Document, type LineCounter, type Node } from 'yaml';
import { positionAt } from '../config/parse-config.js';
import { finding, type Finding } from '../findings.js';

/**
 * Warnings that do not stop the write (issue 4). Values of secrets are never put in a message:
 * findings end up in CI logs.
 */
const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'google', 'onelogin', 'azuread'];
// Names of secret *values*; `existingSecret`, `platformSecret`, `secretName` name a Kubernetes Secret instead.
const SECRET_KEY = /(^|[_-]|[a-z])(password|passwd|secretKey|secret_key|clientSecret|client_secret|apiKey|api_key|token|privateKey|private_key)$|^secret$/i;

export function collectPatchWarnings(doc: Document.Parsed, lc: LineCounter, file?: string): Finding[] {
  const out: Finding[] = [];
  const data = doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown> | null;
  const at = (node: Node | null | undefined) => (node?.range ? positionAt(lc, node.range[0], file) : undefined);
  const root = doc.contents;
  if (isMap(root)) {
    const ps = root.items.find((p) => isScalar(p.key) && p.key.value === 'platformSecret');
    const value = data && typeof data === 'object' ? data.platformSecret : undefined;
    if (ps && value !== null && value !== undefined && value !== '')
      out.push(finding('PATCH_PLATFORM_SECRET', 'warning', 'platformSecret is set: the chart then reads the platform env from that Secret and ignores this okta block', 'Put POLYAXON_AUTH_OKTA_OPTIONS (and enabled) into that Secret too, or remove platformSecret.', at(ps.key as Node)));
  }
  const auth = doc.getIn(['externalServices', 'auth'], true);
  if (isMap(auth)) {
    for (const name of PROVIDERS) {
      const node = auth.getIn([name, 'enabled'], true) as Node | undefined;
      if (isScalar(node) && node.value === true)
        out.push(finding('PATCH_OTHER_PROVIDER_ENABLED', 'warning', `externalServices.auth.${name} is enabled too: users will see both sign-in options`, 'Fine when intended; set its enabled to false otherwise.', at(node)));
    }
  }
  visit(doc, {
    Pair(_, pair) {
      if (!isPair(pair) || !isScalar(pair.key) || typeof pair.key.value !== 'string') return;
      if (!SECRET_KEY.test(pair.key.value)) return;
      const v = pair.value;
      if (!isScalar(v) || v.value === null || v.value === '' || typeof v.value === 'boolean') return;
      out.push(finding('PATCH_PLAINTEXT_SECRET', 'warning', `"${pair.key.value}" holds a secret in plain text (value not shown)`, 'Keep secrets out of the values file: use an existing Kubernetes Secret (existingSecret / platformSecret) or your secret manager.', at(pair.key as Node)));
    },
  });
  return out;
}
