import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nodeWriterFs } from '../../src/cli/writer-fs.js';
import { runCli } from '../support/run-cli.js';
import { TEST_CLOCK as NOW } from '../support/clock.js';

/**
 * The modes that write nothing (`--check`, `--diff`, `--dry-run`, `--output -`) never open a temp
 * file either: the safe writer is not called, and the directory's own mtime (which any created
 * or removed entry would bump) does not move. A real write is the control.
 */
const METADATA = join(process.cwd(), 'fixtures', 'metadata', 'valid', 'okta-acme.xml');
const OLD = new Date('2020-01-01T00:00:00Z');
const CONFIG = '# deployment\nhostName: polyaxon.acme.com\n';

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'patch-no-temp-'));
  writeFileSync(join(dir, 'values.yaml'), CONFIG);
  utimesSync(join(dir, 'values.yaml'), OLD, OLD);
  utimesSync(dir, OLD, OLD);
  return dir;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('patch modes that write nothing create no temp file', () => {
  for (const mode of [['--check'], ['--diff'], ['--dry-run'], ['--output', '-']]) {
    it(`${mode.join(' ')}: no file opened for writing, directory untouched`, async () => {
      const dir = workdir();
      const open = vi.spyOn(nodeWriterFs, 'open');
      const r = await runCli(['patch', 'values.yaml', '--metadata', METADATA, ...mode], { cwd: dir, now: NOW });
      expect(r.code).toBe(mode[0] === '--check' ? 1 : 0);
      expect(open).not.toHaveBeenCalled();
      expect(statSync(dir).mtimeMs).toBe(OLD.getTime());
      expect(readdirSync(dir)).toEqual(['values.yaml']);
      expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toBe(CONFIG);
      expect(statSync(join(dir, 'values.yaml')).mtimeMs).toBe(OLD.getTime());
    });
  }

  it('control: a real write opens a temp file (and --backup a second one) in the directory', async () => {
    const dir = workdir();
    const open = vi.spyOn(nodeWriterFs, 'open');
    const r = await runCli(['patch', 'values.yaml', '--metadata', METADATA, '--backup'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    const temps = open.mock.calls.filter(([, flags]) => flags === 'wx').map(([p]) => p);
    expect(temps.map((p) => p.replace(/-\d+-[0-9a-f]{8}\.tmp$/, ''))).toEqual([
      join(dir, '.values.yaml.bak.polyaxon-sso'),
      join(dir, '.values.yaml.polyaxon-sso'),
    ]);
    expect(statSync(dir).mtimeMs).not.toBe(OLD.getTime());
    expect(readdirSync(dir).sort()).toEqual(['values.yaml', 'values.yaml.bak']);
    expect(readFileSync(join(dir, 'values.yaml.bak'), 'utf8')).toBe(CONFIG);
  });
});
