/**
 * xml-crypto (with xpath, ~230 KB of bundled code) is the heaviest module we load, and only a
 * document with a ds:Signature needs it: docs/startup.md rule 3 keeps it off every other path (unsigned Okta
 * metadata, `urls`, `lint` of unsigned configs). The verifiers stay synchronous and typed: they
 * call xmlCrypto(), which returns the module the command preloaded with `await preloadXmlCrypto()`
 * (a dynamic import: the CLI build points it at dist/lazy/xml-crypto.cjs, read from disk only then;
 * the library build keeps it in its own chunk).
 *
 * When nothing preloaded it (library callers, unit tests), xmlCrypto() falls back to a synchronous
 * require of the installed package: the same code and the same checks, only not from the bundle.
 */
import { createRequire } from 'node:module';

export type XmlCryptoModule = typeof import('xml-crypto');

let loaded: XmlCryptoModule | undefined;

/** Loads xml-crypto ahead of a synchronous verification; cheap when already loaded. */
export async function preloadXmlCrypto(): Promise<XmlCryptoModule> {
  const ns = await import('xml-crypto');
  // xml-crypto is CommonJS: its module.exports is the namespace's `default` (what the bundles'
  // __toESM wrapper and Node's namespace both provide; Node's adds the named exports it detects).
  loaded ??= (ns as { default?: XmlCryptoModule }).default ?? ns;
  return loaded;
}

/** The xml-crypto module, for the synchronous verifiers. */
export function xmlCrypto(): XmlCryptoModule {
  loaded ??= createRequire(import.meta.url)('xml-crypto') as XmlCryptoModule;
  return loaded;
}
