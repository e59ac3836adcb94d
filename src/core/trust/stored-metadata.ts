import { isScalar, type Scalar } from 'yaml';
import { OKTA_XML_PATH, type ParsedConfig } from '../config/parse-config.js';
import { xmlPosition, type XmlPosition } from '../lint/xml-position.js';

/** The IdP metadata a config trusts today: externalServices.auth.okta.options.xml (docs/design.md). */
export interface StoredMetadata {
  xml: string;
  /** Maps a line:col inside the XML to the config file (literal blocks exactly). */
  pos: XmlPosition;
}

export function storedOktaMetadata(cfg: ParsedConfig, file: string): StoredMetadata | undefined {
  const node = cfg.doc?.getIn(OKTA_XML_PATH, true);
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return undefined;
  return { xml: node.value, pos: xmlPosition(cfg, node as Scalar, file) };
}
