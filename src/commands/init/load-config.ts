import { resolve } from 'node:path';
import { inferHost } from '../../core/config/infer-host.js';
import { parseConfig } from '../../core/config/parse-config.js';
import { inputError } from '../../core/errors.js';
import { formatLocation } from '../../core/findings.js';
import { existingOkta } from '../../core/init/existing-okta.js';
import type { ConfigState } from '../../core/init/init-state.js';
import type { Io } from '../../cli/io.js';
import { preloadIfSigned } from '../../cli/preload-if-signed.js';
import { readConfig } from '../../cli/patch-inputs.js';
import type { Snapshot } from '../../cli/safe-write.js';

/**
 * Step 1: the deployment config, read if it exists. A missing file is not an error:
 * init creates a minimal one (patch --create's). A file that is not one YAML document is (patch would refuse it too),
 * with its line:col, so the interactive wizard can show it and ask for another path.
 */
export async function loadConfig(path: string, io: Io, now: Date, limit: number): Promise<{ state: ConfigState; snapshot?: Snapshot }> {
  // patch's reader: the snapshot lets the safe writer refuse when the file changes meanwhile.
  const input = await readConfig(resolve(io.cwd, path), path, true, limit);
  if (!input.snapshot) return { state: { path, exists: false } };
  const text = input.text;
  const parsed = parseConfig(text, path);
  const bad = parsed.findings.find((f) => f.severity === 'error');
  if (bad) {
    const at = `${bad.location ? formatLocation(bad.location, path) : path}: `;
    throw inputError(`${at}${bad.message}`, bad.code, bad.hint);
  }
  const state: ConfigState = { path, exists: true, text };
  const host = inferHost(parsed.doc);
  if (host.host !== undefined && host.source !== undefined) {
    state.host = host.host;
    state.hostSource = host.source;
  }
  await preloadIfSigned(text);
  const okta = existingOkta(parsed.doc, { now });
  if (okta) state.okta = okta;
  return { state, snapshot: input.snapshot };
}
