import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxyFor } from '../../src/http/proxy-config.js';

// The rules are @actions/http-client's (getProxyUrl, checkBypass), which read the process environment.
afterEach(() => vi.unstubAllEnvs());

function withEnv(env: Record<string, string>) {
  for (const name of ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY', 'no_proxy', 'NO_PROXY']) vi.stubEnv(name, '');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

describe('the proxy for a target, by the runner’s rules', () => {
  it('NO_PROXY cases worth naming', () => {
    const cases: Array<[string, string, boolean]> = [
      ['https://opsmanager.corp.example:8443', 'corp.example', true],
      ['https://opsmanager.corp.example:8443', '.corp.example', true],
      ['https://opsmanager.corp.example:8443', 'opsmanager.corp.example:443', false],
      ['https://opsmanager.corp.example:8443', 'opsmanager.corp.example:8443', true],
      ['https://cloud.mongodb.com', 'mongodb.com', true],
      ['https://cloud.mongodb.com', 'notmongodb.com', false],
      ['https://cloud.mongodb.com', '*', true],
      ['http://localhost:18080', '', true],
      ['https://[::1]:8443', '', true],
    ];
    for (const [url, noProxy, bypass] of cases) {
      withEnv({ HTTPS_PROXY: 'http://proxy.corp.example:3128', HTTP_PROXY: 'http://proxy.corp.example:3128', no_proxy: noProxy });
      expect(proxyFor(new URL(url)) === undefined, `${url} with ${noProxy}`).toBe(bypass);
    }
  });

  it('the variable of the scheme, lower case first; an IPv6 proxy keeps its host', () => {
    withEnv({ https_proxy: 'http://[::1]:3128', HTTPS_PROXY: 'http://other:1', HTTP_PROXY: 'http://plain:8080' });
    expect(proxyFor(new URL('https://cloud.mongodb.com'))).toMatchObject({ variable: 'https_proxy', secrets: [] });
    expect(proxyFor(new URL('https://cloud.mongodb.com'))?.url.host).toBe('[::1]:3128');
    expect(proxyFor(new URL('http://opsmanager.corp.example'))?.url.host).toBe('plain:8080');
  });

  it('credentials: Basic from the decoded pair, every form masked; bad percent-encoding refused, never sent direct', () => {
    withEnv({ HTTPS_PROXY: 'http://runner:p%40ss@proxy:3128' });
    const proxy = proxyFor(new URL('https://cloud.mongodb.com'))!;
    const basic = Buffer.from('runner:p@ss').toString('base64');
    expect(proxy.authorization).toBe(`Basic ${basic}`);
    expect(proxy.secrets).toEqual(['p@ss', 'p%40ss', basic]);
    withEnv({ HTTPS_PROXY: 'http://user:50%off@proxy:1' });
    expect(() => proxyFor(new URL('https://cloud.mongodb.com'))).toThrow(
      /^HTTPS_PROXY holds a user name or password that is not valid percent-encoding/,
    );
    withEnv({ HTTPS_PROXY: 'socks5://proxy:1080' });
    expect(() => proxyFor(new URL('https://cloud.mongodb.com'))).toThrow(
      'HTTPS_PROXY must be an http:// or https:// proxy URL; got the scheme socks5:',
    );
  });
});
