import { describe, expect, it } from 'vitest';
import { parseHost } from '../../../src/core/urls/parse-host.js';

describe('parseHost accepts', () => {
  it.each([
    ['polyaxon.acme.com', 'https://polyaxon.acme.com'],
    ['https://polyaxon.acme.com', 'https://polyaxon.acme.com'],
    ['https://polyaxon.acme.com/', 'https://polyaxon.acme.com'],
    ['polyaxon.acme.com/', 'https://polyaxon.acme.com'],
    ['POLYAXON.Acme.COM', 'https://polyaxon.acme.com'],
    ['polyaxon.acme.com:8443', 'https://polyaxon.acme.com:8443'],
    ['HTTPS://polyaxon.acme.com:443', 'https://polyaxon.acme.com:443'],
    ['10.0.0.12', 'https://10.0.0.12'],
    ['10.0.0.12:31833', 'https://10.0.0.12:31833'],
    ['[2001:db8::1]', 'https://[2001:db8::1]'],
    ['[2001:DB8::1]:8443', 'https://[2001:db8::1]:8443'],
    ['localhost', 'https://localhost'],
    ['bücher.example', 'https://xn--bcher-kva.example'],
    [`${'a'.repeat(63)}.example.com`, `https://${'a'.repeat(63)}.example.com`],
  ])('%s → %s', (input, origin) => {
    const r = parseHost(input);
    expect(r.ok && r.value.origin).toBe(origin);
  });

  it('http only with allowHttp', () => {
    const r = parseHost('http://localhost:8000', { allowHttp: true });
    expect(r.ok && r.value.origin).toBe('http://localhost:8000');
  });

  it('reports an IDN as info and mixed scripts in one label as a warning', () => {
    const idn = parseHost('bücher.example');
    expect(idn.ok && idn.value.findings.map((f) => f.code)).toEqual(['HOST_IDN']);
    const spoof = parseHost('pаypal.com'); // Cyrillic "а" inside a Latin label
    expect(spoof.ok && spoof.value.findings.map((f) => [f.code, f.severity])).toEqual([
      ['HOST_IDN', 'info'],
      ['HOST_MIXED_SCRIPTS', 'warning'],
    ]);
  });
});

describe('parseHost rejects', () => {
  it.each([
    ['', 'HOST_EMPTY'],
    ['https://', 'HOST_EMPTY'],
    ['http://polyaxon.acme.com', 'HOST_HTTP_NOT_ALLOWED'],
    ['ftp://polyaxon.acme.com', 'HOST_INVALID'],
    ['javascript://x', 'HOST_INVALID'],
    ['evil.com/', 'OK'],
    ['evil.com/x', 'HOST_INVALID'],
    ['evil.com//', 'HOST_INVALID'],
    ['evil.com#', 'HOST_INVALID'],
    ['evil.com?a=1', 'HOST_INVALID'],
    ['user@evil.com', 'HOST_INVALID'],
    ['https://user:pw@evil.com', 'HOST_INVALID'],
    ['../../etc', 'HOST_INVALID'],
    ['%2e%2e', 'HOST_INVALID'],
    ['evil.com\\x', 'HOST_INVALID'],
    ['polyaxon acme.com', 'HOST_INVALID'],
    ['polyaxon.acme.com\t', 'HOST_INVALID'],
    ['polyaxon.acme.com\n', 'HOST_INVALID'],
    ['polyaxon\u0000.acme.com', 'HOST_INVALID'],
    [' polyaxon.acme.com', 'HOST_INVALID'],
    ['2130706433', 'HOST_INVALID'],
    ['0x7f.0.0.1', 'HOST_INVALID'],
    ['017.0.0.1', 'HOST_INVALID'],
    ['256.1.1.1', 'HOST_INVALID'],
    ['1.2.3', 'HOST_INVALID'],
    ['example.123', 'HOST_INVALID'],
    [`${'a'.repeat(64)}.example.com`, 'HOST_INVALID'],
    ['-bad.example.com', 'HOST_INVALID'],
    ['bad-.example.com', 'HOST_INVALID'],
    ['under_score.example.com', 'HOST_INVALID'],
    ['a..b', 'HOST_INVALID'],
    ['host:0', 'HOST_INVALID'],
    ['host:65536', 'HOST_INVALID'],
    ['host:', 'HOST_INVALID'],
    ['host:08', 'HOST_INVALID'],
    ['[::1', 'HOST_INVALID'],
    ['[zz::1]', 'HOST_INVALID'],
    ['a:b:c', 'HOST_INVALID'],
  ])('%j → %s', (input, code) => {
    const r = parseHost(input);
    expect(r.ok ? 'OK' : r.code).toBe(code);
  });
});
