import { describe, expect, it } from 'vitest';
import { inferHost } from '../../../src/core/config/infer-host.js';
import { parseConfig } from '../../../src/core/config/parse-config.js';

const infer = (yaml: string) => {
  const r = inferHost(parseConfig(yaml).doc);
  return { host: r.host, source: r.source, codes: r.findings.map((f) => f.code) };
};

describe('inferHost', () => {
  it.each([
    [
      'ingress:\n  enabled: true\n  hostName: p.acme.com\n  tls:\n    - hosts: [p.acme.com]\nhostName: other.acme.com\n',
      'p.acme.com',
      'ingress.hostName',
      [],
    ],
    ['ingress:\n  enabled: true\n  hostName: p.acme.com\n  tls: []\n', 'p.acme.com', 'ingress.hostName', ['CONFIG_TLS_EMPTY']],
    ['ingress:\n  enabled: true\n  hostName: p.acme.com\n', 'p.acme.com', 'ingress.hostName', ['CONFIG_TLS_EMPTY']],
    ['ingress:\n  enabled: false\n  hostName: p.acme.com\nhostName: top.acme.com\n', 'top.acme.com', 'hostName', ['CONFIG_TLS_EMPTY']],
    ['ingress:\n  enabled: yes\n  hostName: p.acme.com\n  tls: [{hosts: [p.acme.com]}]\n', 'p.acme.com', 'ingress.hostName', []],
    ['hostName: top.acme.com\n', 'top.acme.com', 'hostName', ['CONFIG_TLS_EMPTY']],
    ['rbac:\n  enabled: true\n', undefined, undefined, ['CONFIG_NO_HOST']],
    ['', undefined, undefined, ['CONFIG_NO_HOST']],
  ])('%#', (yaml, host, source, codes) => {
    expect(infer(yaml)).toEqual({ host, source, codes });
  });
});
