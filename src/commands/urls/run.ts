import { EXIT, usageError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import { buildOktaForm } from '../../core/urls/okta-form.js';
import { renderTerraform } from '../../core/urls/terraform.js';
import type { Io } from '../../cli/io.js';
import { wantsColor } from '../../cli/io.js';
import { attributeOptions, formatOption, hostOption, orgOption } from '../../cli/options.js';
import { renderOktaFormText } from '../../cli/render-okta-form.js';
import { renderFindingLines } from '../../cli/render-finding-lines.js';
import { URLS_FLAGS, type UrlsOptions } from './flags.js';

/** `urls`: what the admin types into Okta, from --host (or the config's host) and --org. */
export async function run(io: Io, opts: UrlsOptions): Promise<number> {
  const format = formatOption(opts.format, opts.json, URLS_FLAGS.format.default);
  if (opts.org === undefined)
    throw usageError(
      'missing --org (the Polyaxon organization)',
      'USAGE',
      'Pass the organization slug of your Polyaxon URLs, e.g. --org acme.',
    );
  const org = orgOption(opts.org);
  const attrs = attributeOptions(opts);
  const findings: Finding[] = [];
  let hostInput = opts.host;
  let hostSource = '--host';
  if (hostInput === undefined) {
    if (opts.config === undefined)
      throw usageError(
        'missing --host (or --config to read it from the deployment config)',
        'USAGE',
        'Pass the address your users open Polyaxon at, e.g. --host polyaxon.acme.com, or --config values.yaml.',
      );
    // Only --config needs yaml (the biggest module urls could load): a separate file, read here
    // (`urls --host` within 1.3× of `node -e 0`).
    const { hostFromConfig } = await import('./host-from-config.js');
    const fromConfig = await hostFromConfig(opts.config, io);
    findings.push(...fromConfig.findings);
    hostInput = fromConfig.host;
    hostSource = `${fromConfig.source} in ${opts.config}`;
  }
  const host = hostOption(hostInput, opts.allowHttp, hostSource === '--host' ? '--host' : `host from ${hostSource}`);
  findings.push(...host.findings);
  const form = buildOktaForm(host, org, attrs);
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ schemaVersion: 1, exitCode: EXIT.OK, hostSource, ...form, findings }, null, 2)}\n`);
  } else if (format === 'terraform') {
    io.stdout.write(renderTerraform(form, opts.label));
  } else {
    io.stdout.write(renderOktaFormText(form, hostSource, wantsColor(io, opts.color)));
  }
  if (format !== 'json' && findings.length > 0) io.stderr.write(renderFindingLines(findings, wantsColor(io, opts.color)));
  return EXIT.OK;
}
