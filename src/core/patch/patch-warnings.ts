import { isMap, isScalar, type Document, type LineCounter, type Node } from 'yaml';
import { positionAt } from '../config/parse-config.js';
import { finding, type Finding } from '../findings.js';
import { findPlaintextSecrets } from '../lint/plaintext-secrets.js';

/**
 * Warnings that do not stop the write. Values of secrets are never put in a message:
 * findings end up in CI logs.
 */
const PROVIDERS = ['github', 'gitlab', 'bitbucket', 'google', 'onelogin', 'azuread'];

export function collectPatchWarnings(doc: Document.Parsed, lc: LineCounter, file?: string, o: { secrets?: boolean } = {}): Finding[] {
  const out: Finding[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? positionAt(lc, node.range[0], file) : undefined);
  const root = doc.contents;
  if (isMap(root)) {
    const ps = root.items.find((p) => isScalar(p.key) && p.key.value === 'platformSecret');
    // read from the node, never by expanding the document (an alias bomb stays unexpanded)
    const value = ps && isScalar(ps.value) ? ps.value.value : ps?.value;
    if (ps && value !== null && value !== undefined && value !== '')
      out.push(
        finding(
          'PATCH_PLATFORM_SECRET',
          'warning',
          'platformSecret is set: the chart then reads the platform env from that Secret and ignores this okta block',
          'Put POLYAXON_AUTH_OKTA_OPTIONS (and enabled) into that Secret too, or remove platformSecret.',
          at(ps.key as Node),
        ),
      );
  }
  const auth = doc.getIn(['externalServices', 'auth'], true);
  if (isMap(auth)) {
    for (const name of PROVIDERS) {
      const node = auth.getIn([name, 'enabled'], true) as Node | undefined;
      if (isScalar(node) && node.value === true)
        out.push(
          finding(
            'PATCH_OTHER_PROVIDER_ENABLED',
            'warning',
            `externalServices.auth.${name} is enabled too: users will see both sign-in options`,
            'Fine when intended; set its enabled to false otherwise.',
            at(node),
          ),
        );
    }
  }
  if (o.secrets !== false) out.push(...findPlaintextSecrets(doc, lc, file));
  return out;
}
