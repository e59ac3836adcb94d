import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { inferHost } from '../../core/config/infer-host.js';
import { parseConfig } from '../../core/config/parse-config.js';
import { inputError } from '../../core/errors.js';
import { existingOkta } from '../../core/init/existing-okta.js';
import type { ConfigState } from '../../core/init/init-state.js';
import type { Io } from '../io.js';

/**
 * Step 1: the deployment config, read if it exists (issue 6). A missing file is not an error:
 * init creates a minimal one. A file that is not one YAML document is (patch would refuse it too),
 * with its line:col, so the interactive wizard can show it and ask for another path.
 */
export async function loadConfig(path: string, io: Io, now: Date): Promise<ConfigState> {
  let text: string;
  try {
    text = await readFile(resolve(io.cwd, path), 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { path, exists: false };
    if (code === 'EISDIR') throw inputError(`${path} is a directory, not a deployment config`, 'INPUT_IS_DIRECTORY');
    throw inputError(`cannot read ${path}: ${(e as Error).message}`, 'INPUT_UNREADABLE', 'Check the path and its permissions.');
  }
  const parsed = parseConfig(text, path);
  const bad = parsed.findings.find((f) => f.severity === 'error');
  if (bad) {
    const at = bad.location ? `${path}:${bad.location.line}:${bad.location.column}: ` : `${path}: `;
    throw inputError(`${at}${bad.message}`, bad.code, bad.hint);
  }
  const state: ConfigState = { path, exists: true, text };
  const host = inferHost(parsed.doc);
  if (host.host !== undefined && host.source !== undefined) {
    state.host = host.host;
    state.hostSource = host.source;
  }
  const okta = existingOkta(parsed.doc, { now });
  if (okta) state.okta = okta;
  return state;
}
