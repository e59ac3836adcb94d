// Generates every benchmark input under bench/work/ once and records it in manifest.json; later
// runs reuse it (the 30k aggregate takes a while to sign). Bump GENERATOR_VERSION when any
// generator changes, so stale inputs are rebuilt.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeKeys } from './keys.mjs';
import { entityIdOf, oktaMetadata, writeAggregateTemplate } from './metadata.mjs';
import { writeConfigs } from './configs.mjs';
import { xmlsecSign } from './sign.mjs';

const GENERATOR_VERSION = 1;
export const AGGREGATE_SIZES = [1_000, 10_000, 30_000];
export const CONFIG_COUNTS = [100, 1_000];

function build(work, log) {
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const created = new Date();
  log('keys: 1 signer + entity certs (openssl)');
  const keys = makeKeys(work);
  const files = {};

  // Okta-size metadata, unsigned (the daily case) and signed by the "federation" signer.
  const okta = { org: 'dev-4242424', appId: 'exk1bench0okta0app0h7', pem: keys.entities[0].pem };
  files.oktaUnsigned = join(work, 'okta-unsigned.xml');
  writeFileSync(files.oktaUnsigned, oktaMetadata(okta));
  const oktaTemplate = join(work, 'okta-signed.template.xml');
  writeFileSync(oktaTemplate, oktaMetadata({ ...okta, signedId: 'id-bench-okta-0001' }));
  files.oktaSigned = join(work, 'okta-signed.xml');
  xmlsecSign(oktaTemplate, files.oktaSigned, keys.signer, 'EntityDescriptor');
  rmSync(oktaTemplate);

  const aggregates = [];
  return (async () => {
    for (const n of AGGREGATE_SIZES) {
      log(`aggregate: ${n} entities (write template, sign with xmlsec1)`);
      const template = join(work, `aggregate-${n}.template.xml`);
      const file = join(work, `aggregate-${n}.xml`);
      await writeAggregateTemplate(
        template,
        n,
        keys.entities.map((e) => e.pem),
        `id-bench-aggregate-${n}`,
      );
      xmlsecSign(template, file, keys.signer, 'EntitiesDescriptor');
      rmSync(template);
      // The entity in the middle: selecting it cannot short-circuit at either end of the file.
      aggregates.push({ entities: n, file, entityId: entityIdOf(Math.floor(n / 2)), bytes: statSync(file).size });
    }

    // Configs: 4 distinct Okta documents shared by all of them.
    const xmls = [0, 1, 2, 3].map((k) =>
      oktaMetadata({
        org: `dev-10${k}0${k}`,
        appId: `exk1bench0fleet${k}app0h7`,
        pem: keys.entities[k].pem,
      }),
    );
    const configs = [];
    for (const count of CONFIG_COUNTS) {
      log(`configs: ${count}`);
      const dir = join(work, `configs-${count}`);
      writeConfigs(dir, count, xmls);
      configs.push({ count, dir, distinctXml: xmls.length });
    }

    const manifest = {
      version: GENERATOR_VERSION,
      created: created.toISOString(),
      // Certificates start at `created`: checks run one day later, valid for ~10 years.
      now: new Date(created.getTime() + 86_400_000).toISOString(),
      signerCert: keys.signer.cert,
      okta: {
        unsigned: files.oktaUnsigned,
        signed: files.oktaSigned,
        unsignedBytes: statSync(files.oktaUnsigned).size,
        signedBytes: statSync(files.oktaSigned).size,
      },
      aggregates,
      configs,
    };
    writeFileSync(join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  })();
}

function cached(work) {
  const path = join(work, 'manifest.json');
  if (!existsSync(path)) return undefined;
  const m = JSON.parse(readFileSync(path, 'utf8'));
  if (m.version !== GENERATOR_VERSION) return undefined;
  const paths = [m.signerCert, m.okta.unsigned, m.okta.signed, ...m.aggregates.map((a) => a.file), ...m.configs.map((c) => c.dir)];
  return paths.every((p) => existsSync(p)) ? m : undefined;
}

/** The manifest of bench/work, generating everything first when missing, stale or `fresh`. */
export async function ensureInputs(work, { fresh = false, log = () => {} } = {}) {
  const m = fresh ? undefined : cached(work);
  if (m) {
    log(`inputs: reusing ${work} (generated ${m.created}; --fresh to rebuild)`);
    return m;
  }
  return build(work, log);
}
