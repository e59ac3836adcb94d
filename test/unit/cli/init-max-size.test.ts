import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readPaste } from '../../../src/commands/init/read-paste.js';
import { defaultServices } from '../../../src/commands/init/services.js';
import { fakeIo } from '../../support/run-cli.js';

/** init honours --max-size for pasted and $EDITOR metadata as for a file (200 MB once went through with --max-size 1). */
const MB = 1024 * 1024;
const CLOSING = /<\/(?:[A-Za-z_][\w.-]*:)?Entit(?:y|ies)Descriptor\s*>/;

describe('init: --max-size for pasted and editor text', () => {
  it('a terminal paste stops as soon as it passes the limit, even without a line break', async () => {
    const input = new PassThrough();
    const pasted = readPaste(input, new PassThrough(), 'Paste:', CLOSING, 1 * MB);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let written = 0;
    // 200 MB offered; the reader must give up after ~1 MB.
    const feed = async () => {
      while (written < 200 * MB && !input.destroyed && input.listenerCount('data') > 0) {
        input.write(chunk);
        written += chunk.length;
        await new Promise((r) => setImmediate(r));
      }
    };
    void feed();
    await expect(pasted).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE', message: 'the pasted metadata is larger than 1 MB' });
    expect(written).toBeLessThan(4 * MB);
  });

  it('a paste within the limit still ends at the closing tag', async () => {
    const input = new PassThrough();
    const pasted = readPaste(input, new PassThrough(), 'Paste:', CLOSING, 1 * MB);
    input.write('<md:EntityDescriptor>\n</md:EntityDescriptor>\n');
    await expect(pasted).resolves.toBe('<md:EntityDescriptor>\n</md:EntityDescriptor>\n');
  });

  it('checkMetadata (editor and paste) refuses text over --max-size before validating it', () => {
    const services = defaultServices(fakeIo(), { now: new Date('2026-06-01T00:00:00Z'), fingerprints: [], maxSizeMb: '1' });
    expect(() => services.checkMetadata(`<a>${' '.repeat(MB)}</a>`, '<pasted>')).toThrow(
      expect.objectContaining({ code: 'INPUT_TOO_LARGE', message: 'the pasted metadata is larger than 1 MB' }),
    );
    expect(services.checkMetadata('<a/>', '<pasted>').text).toBe('<a/>');
  });
});
