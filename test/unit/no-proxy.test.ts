import { checkBypass } from '@actions/http-client/lib/proxy';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bypassesProxy } from '../../src/http/proxy-config.js';

afterEach(() => vi.unstubAllEnvs());

/** @actions/http-client reads NO_PROXY from process.env; ours takes the environment as an argument. */
function theirs(url: URL, noProxy: string, variable: 'no_proxy' | 'NO_PROXY'): boolean {
  vi.stubEnv('no_proxy', '');
  vi.stubEnv('NO_PROXY', '');
  vi.stubEnv(variable, noProxy);
  return checkBypass(url);
}

// A label starts with a letter: a last label of digits alone would make a URL an IPv4 address, or invalid.
const label = fc.stringMatching(/^[a-z]([a-z0-9-]{0,6}[a-z0-9])?$/).filter((l) => !/^..--/.test(l)); // xn--… is punycode
const host = fc.oneof(
  fc.array(label, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
  fc.constantFrom(
    'localhost',
    '127.0.0.1',
    '127.8.9.1',
    '[::1]',
    '[0:0:0:0:0:0:0:1]',
    'opsmanager.corp.example',
    'cloud.mongodb.com',
    '10.0.0.1',
  ),
);
const item = fc.oneof(
  host,
  host.map((h) => `.${h}`),
  host.map((h) => `${h}:443`),
  fc.constantFrom('*', 'example', '.example', 'CORP.EXAMPLE', ' opsmanager.corp.example ', '', 'mongodb.com:8443'),
);

describe('NO_PROXY: the same answers as @actions/http-client', () => {
  it('for any host, port, scheme and NO_PROXY list, in either variable', () => {
    fc.assert(
      fc.property(
        host,
        fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
        fc.constantFrom('http:', 'https:'),
        fc.array(item, { maxLength: 5 }).map((items) => items.join(',')),
        fc.constantFrom('no_proxy' as const, 'NO_PROXY' as const),
        (h, port, scheme, noProxy, variable) => {
          const url = new URL(`${scheme}//${h}${port ? `:${port}` : ''}/api`);
          expect(bypassesProxy(url, { [variable]: noProxy })).toBe(theirs(url, noProxy, variable));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('cases worth naming', () => {
    const cases: Array<[string, string, boolean]> = [
      ['https://opsmanager.corp.example:8443', 'corp.example', true],
      ['https://opsmanager.corp.example:8443', '.corp.example', true],
      ['https://opsmanager.corp.example:8443', 'opsmanager.corp.example:443', false],
      ['https://opsmanager.corp.example:8443', 'opsmanager.corp.example:8443', true],
      ['https://cloud.mongodb.com', 'mongodb.com', true],
      ['https://cloud.mongodb.com', 'notmongodb.com', false],
      ['https://cloud.mongodb.com', '*', true],
      ['http://localhost:18080', '', true],
    ];
    for (const [url, noProxy, bypass] of cases) {
      expect(bypassesProxy(new URL(url), { NO_PROXY: noProxy }), `${url} with ${noProxy}`).toBe(bypass);
      expect(theirs(new URL(url), noProxy, 'NO_PROXY')).toBe(bypass);
    }
  });
});
