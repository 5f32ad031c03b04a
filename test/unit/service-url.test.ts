// One URL rule for every URL the action talks to: atlas-base-url, source-base-url and the
// runner's GITHUB_API_URL take https, plain http to a loopback host, or any http with
// allow-insecure-http: true; each refusal names the input (or variable), what is wrong and what would do.
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readCampaignInputs } from '../../src/inputs/campaign-inputs.js';
import { Findings, readBaseUrl, readServiceUrl } from '../../src/inputs/fields.js';
import { InputError } from '../../src/errors.js';

const LOOPBACK = [
  'http://localhost:8080',
  'http://LOCALHOST',
  'http://127.0.0.1:3000',
  'http://127.255.0.9',
  'http://127.1:81',
  'http://[::1]:8443',
  'http://[0:0:0:0:0:0:0:1]',
];
const REMOTE = [
  'http://ghe.example.com',
  'http://10.0.0.5:8080',
  'http://0.0.0.0:8080',
  'http://[::ffff:127.0.0.1]',
  'http://localhost.example.com',
];

const env = { GITHUB_REPOSITORY: 'octo-org/migrations', GITHUB_WORKSPACE: tmpdir() };
const inputs: Record<string, string> = { plan: 'orders.yml', 'github-token': 'ghs_x' };
function apiUrl(value: string, allowInsecureHttp = false) {
  const f = new Findings();
  const { github } = readCampaignInputs((n) => inputs[n] ?? '', { ...env, GITHUB_API_URL: value }, allowInsecureHttp, f);
  return { url: github?.apiUrl, problems: f.problems.filter((p) => p.input === 'GITHUB_API_URL') };
}
function baseUrl(name: string, value: string, allowInsecureHttp = false) {
  const f = new Findings();
  const url = readBaseUrl((n) => (n === name ? value : ''), name, 'https://cloud.mongodb.com', allowInsecureHttp, f);
  return { url, problems: f.problems };
}

describe('GITHUB_API_URL', () => {
  it.each(LOOPBACK)('takes plain http to the loopback host of %s without allow-insecure-http', (host) => {
    const { url, problems } = apiUrl(`${host}/github-api/`);
    expect(problems).toEqual([]);
    expect(url).toBe(`${new URL(host).origin}/github-api`);
  });

  it.each(REMOTE)('refuses plain http to %s without allow-insecure-http, naming GITHUB_API_URL', (host) => {
    const { url, problems } = apiUrl(`${host}/api/v3`);
    expect(url).toBeUndefined();
    expect(problems).toHaveLength(1);
    const message = new InputError(problems).message;
    expect(message).toMatch(/^Input 'GITHUB_API_URL': the environment variable uses plain http:\/\/ to a host that is not loopback \(/);
    expect(message).toContain('github-token would cross the network unencrypted');
    expect(message).toContain('Use https:// (such as https://api.github.com)');
    expect(message).toContain("allow-insecure-http: 'true'");
  });

  it.each(REMOTE)('takes plain http to %s with allow-insecure-http', (host) => {
    const { url, problems } = apiUrl(`${host}/api/v3`, true);
    expect(problems).toEqual([]);
    expect(url).toBe(`${new URL(host).origin}/api/v3`);
  });

  it.each([
    ['ftp://ghe.example.com', /must use https; got the scheme "ftp:"/],
    ['https://user:pw@ghe.example.com', /must not contain a user name or password/],
    ['https://ghe.example.com/api/v3?x=1', /must not contain a query or fragment/],
    ['https://ghe.example.com/api/v3#x', /must not contain a query or fragment/],
    ['not a url', /should be an absolute URL such as https:\/\/api\.github\.com; got "not a url"/],
  ])('refuses %s before any request, saying what would do', (value, reason) => {
    const { problems } = apiUrl(value, true);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(reason)]);
    expect(problems[0].message).toMatch(/^the environment variable /);
  });
});

describe('the same rule for the base URLs', () => {
  for (const name of ['atlas-base-url', 'source-base-url']) {
    it.each(LOOPBACK)(`${name}: takes plain http to %s`, (host) => {
      expect(baseUrl(name, host)).toEqual({ url: new URL(host).origin, problems: [] });
    });
    it.each(REMOTE)(`${name}: refuses plain http to %s unless allow-insecure-http`, (host) => {
      const refused = baseUrl(name, host);
      expect(refused.problems).toEqual([
        { input: name, message: expect.stringMatching(/^uses plain http:\/\/ to a host that is not loopback/) },
      ]);
      expect(refused.problems[0].message).toContain('keys and the link token would cross the network unencrypted');
      expect(baseUrl(name, host, true)).toEqual({ url: new URL(host).origin, problems: [] });
    });
  }

  it('one function decides for all three: the answers agree host by host', () => {
    for (const host of [...LOOPBACK, ...REMOTE, 'https://ghe.example.com'])
      for (const allow of [false, true]) {
        const f = new Findings();
        const direct = readServiceUrl('x', host, { allowInsecureHttp: allow, path: false, carries: 'secrets' }, f) !== undefined;
        expect(apiUrl(host, allow).problems.length === 0, `${host} ${allow}`).toBe(direct);
        expect(baseUrl('source-base-url', host, allow).problems.length === 0, `${host} ${allow}`).toBe(direct);
      }
  });
});
