import { resolve } from 'node:path';
import { inferHost } from '../../core/config/infer-host.js';
import { parseConfig } from '../../core/config/parse-config.js';
import { refuseMisreadConfig } from '../../core/config/refuse-misread-config.js';
import { inputError } from '../../core/errors.js';
import type { Finding } from '../../core/findings.js';
import type { Io } from '../../cli/io.js';
import { maxBytes, readLocalFile } from '../../cli/read-source.js';

/**
 * `urls --config`: the Polyaxon host from a deployment config (docs/design.md §2). Its own module, and
 * its own file in the build, because it is the only part of `urls` that needs yaml.
 */
export async function hostFromConfig(file: string, io: Io): Promise<{ host: string; source: string; findings: Finding[] }> {
  const text = (await readLocalFile(resolve(io.cwd, file), file, maxBytes(undefined), 'config')).toString('utf8');
  const parsed = parseConfig(text, file);
  refuseMisreadConfig(parsed, file, 'the host', 'Or pass --host instead of --config.');
  const inferred = inferHost(parsed.doc);
  if (inferred.host === undefined || inferred.source === undefined)
    throw inputError(`${file}: no host found (ingress.hostName with ingress.enabled, or hostName)`, 'CONFIG_NO_HOST', 'Pass --host.');
  return { host: inferred.host, source: inferred.source, findings: inferred.findings };
}
