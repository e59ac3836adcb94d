// The floor for `lint`: read every config under the given directories and parse it as
// YAML 1.1 (docs/design.md §8), nothing else. Same process start-up and same parser as the CLI.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

let documents = 0;
for (const dir of process.argv.slice(2)) {
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const doc = parseDocument(readFileSync(join(dir, name), 'utf8'), { version: '1.1', uniqueKeys: true });
    if (doc.errors.length === 0) documents++;
  }
}
process.stdout.write(`${documents}\n`);
