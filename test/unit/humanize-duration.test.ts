/** Durations as people say them: one humaniser for certificates, validUntil and response times. */
import { describe, expect, it } from 'vitest';
import { humanizeDuration, relativeTime } from '../../src/core/humanize-duration.js';

const MIN = 60_000;
const DAY = 86_400_000;

describe('humanizeDuration', () => {
  it.each([
    [0, '0 seconds'],
    [1000, '1 second'],
    [45_000, '45 seconds'],
    [MIN, '1 minute'],
    [5 * MIN, '5 minutes'],
    [90 * MIN, '1.5 hours'],
    [30 * 60 * MIN, '30 hours'],
    [31 * DAY + 5 * MIN, '31 days'],
    [-31 * DAY, '31 days'],
    [120 * DAY, '3.9 months'],
    [1_374_682 * MIN, '2.6 years'],
    [3136 * DAY, '8.6 years'],
    [365.2425 * DAY, '12 months'],
    [20 * 365.2425 * DAY, '20 years'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanizeDuration(ms)).toBe(text);
  });
});

describe('relativeTime', () => {
  const now = Date.parse('2026-06-01T00:00:00Z');
  it('says "in …" for the future and "… ago" for the past', () => {
    expect(relativeTime(now + 31 * DAY, now)).toBe('in 31 days');
    expect(relativeTime(now - 1_374_682 * MIN, now)).toBe('2.6 years ago');
    expect(relativeTime(now + 4 * MIN, now)).toBe('in 4 minutes');
    expect(relativeTime(now, now)).toBe('now');
  });
});

describe('certificate validity reads the same way', () => {
  it('an expired cert says "6.4 years ago", one expiring soon "in 12 days", never a day or minute count', async () => {
    const { analyzeCertificate } = await import('../../src/core/cert/index.js');
    const { certBase64 } = await import('../support/fixture-certs.js');
    const expired = analyzeCertificate(certBase64('expired'), { now: new Date('2026-06-01T00:00:00Z') }).findings.find(
      (f) => f.code === 'CERT_EXPIRED',
    );
    expect(expired?.message).toContain('(6.4 years ago)');
    const soon = analyzeCertificate(certBase64('okta-like'), { now: new Date('2034-12-20T00:00:00Z') }).findings.find(
      (f) => f.code === 'CERT_EXPIRING_SOON',
    );
    expect(soon?.message).toContain('in 12 days');
    for (const f of [expired, soon]) expect(f?.message).not.toMatch(/\d{3,} (days|min)/);
  });
});

describe('validate-metadata text', () => {
  it('the certificate table says when a certificate expires as people say it', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const r = await runCli(['validate-metadata', 'fixtures/metadata/valid/okta-acme.xml', '--now', '2026-06-01T00:00:00Z']);
    expect(r.stdout).toMatch(/ expires +key/);
    expect(r.stdout).toMatch(/ in \d+(\.\d)? years /);
    expect(r.stdout).not.toMatch(/ \d{3,} +RSA/);
  });
});
