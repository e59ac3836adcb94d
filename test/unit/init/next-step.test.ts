import { describe, expect, it } from 'vitest';
import type { AcceptedMetadata, CertSummary, PatchPreview, WizardState } from '../../../src/core/init/init-state.js';
import { nextStep, type Step } from '../../../src/core/init/next-step.js';
import { parseHost } from '../../../src/core/urls/parse-host.js';

const hostR = parseHost('polyaxon.acme.com');
if (!hostR.ok) throw new Error('fixture host');
const host = hostR.value;
const cert: CertSummary = { subject: 'CN=a', notAfter: '2035-01-01T00:00:00.000Z', daysLeft: 3136, sha256: 'AA:BB' };
const md = (pinned = false): AcceptedMetadata => ({
  source: 'm.xml',
  xml: '<x/>',
  entityId: 'http://www.okta.com/exk1',
  cert,
  certs: [cert],
  findings: [],
  pinned,
});
const preview = (changed: boolean): PatchPreview => ({ changed, diff: '', newText: '', findings: [] });
const fresh = { path: 'values.yaml', exists: true };
const configured = { path: 'values.yaml', exists: true, okta: { enabled: true, xml: '<old/>', certs: [cert] } };

const I = (s: Partial<WizardState>): WizardState => ({ mode: 'interactive', yes: false, ...s });
const S = (s: Partial<WizardState>): WizardState => ({ mode: 'scripted', yes: true, ...s });
const base = { config: fresh, host, org: 'acme' };

describe('nextStep: the wizard decisions as a function of what is known', () => {
  const table: [string, WizardState, Step][] = [
    ['nothing known: ask for the config', I({}), 'config'],
    ['config read: the host', I({ config: fresh }), 'host'],
    ['host known: the org', I({ config: fresh, host }), 'org'],
    ['fresh config: show the Okta form', I(base), 'okta'],
    ['form shown: the Terraform question', I({ ...base, oktaShown: true }), 'terraform'],
    ['Terraform asked for (interactive): written at once', I({ ...base, oktaShown: true, terraform: 'okta.tf' }), 'write-terraform'],
    ['Terraform declined: the metadata', I({ ...base, oktaShown: true, terraform: null }), 'metadata'],
    ['Terraform written: the metadata', I({ ...base, oktaShown: true, terraform: 'okta.tf', terraformWritten: true }), 'metadata'],
    [
      'metadata accepted, not pinned: compare the fingerprint',
      I({ ...base, oktaShown: true, terraform: null, metadata: md() }),
      'fingerprint',
    ],
    [
      'metadata pinned by --fingerprint: no comparison by eye',
      I({ ...base, oktaShown: true, terraform: null, metadata: md(true) }),
      'preview',
    ],
    [
      'fingerprint confirmed: the diff',
      I({ ...base, oktaShown: true, terraform: null, metadata: md(), fingerprintConfirmed: true }),
      'preview',
    ],
    [
      'a change: confirm it',
      I({ ...base, oktaShown: true, terraform: null, metadata: md(), fingerprintConfirmed: true, preview: preview(true) }),
      'confirm',
    ],
    [
      'confirmed: write',
      I({ ...base, oktaShown: true, terraform: null, metadata: md(), fingerprintConfirmed: true, preview: preview(true), confirmed: true }),
      'write',
    ],
    [
      'written: done',
      I({
        ...base,
        oktaShown: true,
        terraform: null,
        metadata: md(),
        fingerprintConfirmed: true,
        preview: preview(true),
        confirmed: true,
        written: true,
      }),
      'done',
    ],
    [
      'no change: already up to date',
      I({ ...base, oktaShown: true, terraform: null, metadata: md(), fingerprintConfirmed: true, preview: preview(false) }),
      'up-to-date',
    ],
    ['configured file (interactive): offer the rotation first', I({ ...base, config: configured }), 'rotation'],
    ['rotation accepted: no Okta form (the app exists)', I({ ...base, config: configured, replace: true }), 'terraform'],
    [
      'configured but no xml stored: a normal first setup',
      I({ ...base, config: { ...fresh, okta: { enabled: false, certs: [] } } }),
      'okta',
    ],
    // Scripted: no questions, the Terraform file is written with the config after every check.
    ['scripted: Okta form still shown', S(base), 'okta'],
    ['scripted on a configured file: no rotation question', S({ ...base, config: configured, terraform: null }), 'metadata'],
    ['scripted: Terraform waits for the checks', S({ ...base, oktaShown: true, terraform: 'okta.tf' }), 'metadata'],
    ['scripted: no fingerprint question', S({ ...base, oktaShown: true, terraform: null, metadata: md() }), 'preview'],
    ['scripted: no confirmation', S({ ...base, oktaShown: true, terraform: null, metadata: md(), preview: preview(true) }), 'write'],
    [
      'scripted, no change but Terraform pending: write it',
      S({ ...base, oktaShown: true, terraform: 'okta.tf', metadata: md(), preview: preview(false) }),
      'write',
    ],
    [
      'scripted, no change, Terraform written: done',
      S({ ...base, oktaShown: true, terraform: 'okta.tf', terraformWritten: true, metadata: md(), preview: preview(false), written: true }),
      'done',
    ],
    [
      'scripted, nothing to do: up to date',
      S({ ...base, oktaShown: true, terraform: null, metadata: md(), preview: preview(false) }),
      'up-to-date',
    ],
  ];
  it.each(table)('%s', (_name, state, expected) => {
    expect(nextStep(state)).toBe(expected);
  });
});
