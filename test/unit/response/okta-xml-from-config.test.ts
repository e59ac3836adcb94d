import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/core/config/parse-config.js';
import { oktaXmlFromConfig } from '../../../src/core/response/trust-anchors.js';

const okta = (xml: string) => `externalServices:\n  auth:\n    okta:\n      options:\n        xml: ${JSON.stringify(xml)}\n`;
const thrown = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return { code: (e as { code?: string }).code, message: (e as Error).message };
  }
  return undefined;
};

describe('oktaXmlFromConfig: trust only from a config PyYAML reads as we do', () => {
  it('takes options.xml from a clean config', () => {
    expect(oktaXmlFromConfig(parseConfig(okta('<md/>'), 'v.yaml'), 'v.yaml')).toBe('<md/>');
  });

  it('refuses when PyYAML would read another options.xml (a duplicate key: PyYAML keeps the last)', () => {
    const text = `${okta('<md-first/>')}externalServices:\n  auth:\n    okta:\n      options:\n        xml: "<md-second/>"\n`;
    expect(thrown(() => oktaXmlFromConfig(parseConfig(text, 'v.yaml'), 'v.yaml'))).toEqual({
      code: 'YAML_DUPLICATE_KEY',
      message: expect.stringMatching(/^v\.yaml:6:1: .*the trusted IdP metadata is not taken from a config that PyYAML/),
    });
  });
});
