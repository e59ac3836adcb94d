import { isMap, isScalar, type Document } from 'yaml';
import { finding, type Finding } from '../findings.js';

/**
 * Where Polyaxon is served, from the deployment config (docs/design.md §2): `ingress.hostName` when
 * `ingress.enabled`, else top-level `hostName`. Neither carries a scheme; https is assumed.
 */
export interface ConfigHost {
  host?: string;
  source?: 'ingress.hostName' | 'hostName';
  findings: Finding[];
}

export function inferHost(doc: Document.Parsed | undefined): ConfigHost {
  const findings: Finding[] = [];
  const get = (path: string[]): unknown => (doc && isMap(doc.contents) ? doc.getIn(path) : undefined);
  const ingressEnabled = get(['ingress', 'enabled']) === true;
  const ingressHost = get(['ingress', 'hostName']);
  const topHost = get(['hostName']);
  let host: string | undefined;
  let source: ConfigHost['source'];
  if (ingressEnabled && typeof ingressHost === 'string' && ingressHost !== '') {
    host = ingressHost;
    source = 'ingress.hostName';
  } else if (typeof topHost === 'string' && topHost !== '') {
    host = topHost;
    source = 'hostName';
  }
  if (host === undefined) {
    findings.push(
      finding(
        'CONFIG_NO_HOST',
        'error',
        'the config sets neither ingress.hostName (with ingress.enabled) nor hostName',
        'Pass --host, or set ingress.hostName in the deployment config.',
      ),
    );
    return { findings };
  }
  const tls = get(['ingress', 'tls']);
  const tlsEmpty = !ingressEnabled || tls === undefined || tls === null || isEmptyCollection(doc, ['ingress', 'tls']);
  if (tlsEmpty)
    findings.push(
      finding(
        'CONFIG_TLS_EMPTY',
        'warning',
        `ingress.tls is empty: the URLs assume https://${host} is served with TLS`,
        'Okta posts the SAML response to an https URL: terminate TLS at the ingress (ingress.tls) or in front of it.',
      ),
    );
  return { host, source, findings };
}

function isEmptyCollection(doc: Document.Parsed | undefined, path: string[]): boolean {
  const node = doc?.getIn(path, true);
  if (isScalar(node)) return node.value === null || node.value === '' || node.value === false;
  const items = (node as { items?: unknown[] } | undefined)?.items;
  return Array.isArray(items) && items.length === 0;
}
