// What the bench measures, each with the baseline it is judged against and the target issue 9
// sets. Baselines are cases too, timed in the same run on the same machine.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { xmlsecVerifyArgs } from '../generate/sign.mjs';

const LIGHT = { runs: 10, warmup: 2 };
const HEAVY = { runs: 5, warmup: 1 };

/** root: the repository (baselines, inputs); pkg: the build under test (bin/, dist/). */
export function cases(root, pkg, m) {
  const node = process.execPath;
  const cli = (...args) => [node, join(pkg, 'bin', 'polyaxon-sso.js'), ...args];
  const now = ['--now', m.now];
  const list = [
    { id: 'node-e-0', group: 'start-up', label: '`node -e 0`', baseline: true, argv: [node, '-e', '0'], ...LIGHT },
    { id: 'version', group: 'start-up', label: '`--version`', argv: cli('--version'), ref: 'node-e-0', target: 1.3, ...LIGHT },
    { id: 'help', group: 'start-up', label: '`--help`', argv: cli('--help'), ref: 'node-e-0', target: 1.3, ...LIGHT },
    {
      id: 'urls',
      group: 'start-up',
      label: '`urls --host … --org … --json`',
      command: 'urls',
      argv: cli('urls', '--host', 'polyaxon.acme.com', '--org', 'acme', '--json'),
      ref: 'node-e-0',
      target: 1.3,
      ...LIGHT,
    },

    {
      id: 'xmlsec-okta',
      group: 'Okta-size metadata',
      label: '`xmlsec1 --verify` signed',
      baseline: true,
      argv: ['xmlsec1', ...xmlsecVerifyArgs(m.okta.signed, m.signerCert, 'EntityDescriptor')],
      bytes: m.okta.signedBytes,
      ...LIGHT,
    },
    {
      id: 'vm-okta-unsigned',
      group: 'Okta-size metadata',
      label: '`validate-metadata` unsigned',
      command: 'validate-metadata',
      argv: cli('validate-metadata', m.okta.unsigned, ...now, '--json'),
      ref: 'node-e-0',
      target: 1.8,
      bytes: m.okta.unsignedBytes,
      ...LIGHT,
    },
    {
      id: 'vm-okta-signed',
      group: 'Okta-size metadata',
      label: '`validate-metadata --signer-cert` signed',
      command: 'validate-metadata',
      argv: cli('validate-metadata', m.okta.signed, '--signer-cert', m.signerCert, ...now, '--json'),
      ref: 'node-e-0',
      target: 2.5,
      also: 'xmlsec-okta',
      bytes: m.okta.signedBytes,
      ...LIGHT,
    },
  ];

  for (const a of m.aggregates) {
    const k = `${a.entities / 1000}k`;
    const mb = Math.ceil(a.bytes / 2 ** 20) + 1;
    const runs = a.entities >= 30_000 ? { runs: 3, warmup: 0 } : HEAVY;
    list.push(
      {
        id: `xmlsec-agg-${k}`,
        group: 'signed aggregates',
        label: `\`xmlsec1 --verify\` ${k} entities`,
        baseline: true,
        argv: ['xmlsec1', ...xmlsecVerifyArgs(a.file, m.signerCert, 'EntitiesDescriptor')],
        bytes: a.bytes,
        ...runs,
      },
      {
        id: `vm-agg-${k}`,
        group: 'signed aggregates',
        label: `\`validate-metadata --entity-id\` ${k} entities`,
        command: 'validate-metadata',
        argv: cli(
          'validate-metadata',
          a.file,
          '--signer-cert',
          m.signerCert,
          '--entity-id',
          a.entityId,
          '--max-size',
          String(mb),
          ...now,
          '--json',
        ),
        ref: `xmlsec-agg-${k}`,
        target: a.entities === 10_000 ? 10 : undefined,
        bytes: a.bytes,
        ...runs,
      },
    );
  }

  for (const c of m.configs) {
    list.push(
      {
        id: `read-parse-${c.count}`,
        group: 'lint at scale',
        label: `read + YAML parse, ${c.count} configs`,
        baseline: true,
        argv: [node, join(root, 'bench', 'baseline', 'read-parse.mjs'), c.dir],
        ...HEAVY,
      },
      {
        id: `lint-${c.count}`,
        group: 'lint at scale',
        label: `\`lint\` ${c.count} configs (${c.distinctXml} distinct XML)`,
        command: 'lint',
        argv: cli('lint', c.dir, '--format', 'json', ...now),
        ref: `read-parse-${c.count}`,
        target: c.count === 1000 ? 2 : undefined,
        ...HEAVY,
      },
    );
  }
  return list;
}

/** A command counts as built when its adapter exists (src/commands/<name>/run.ts; before: src/commands/<name>.ts). */
export const isBuilt = (root, command) =>
  command === undefined ||
  existsSync(join(root, 'src', 'commands', command, 'run.ts')) ||
  existsSync(join(root, 'src', 'commands', `${command}.ts`));
