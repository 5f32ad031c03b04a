import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { digestResponse, parseAuthParams, REALM } from './simulator/digest.js';
import { ATLAS_KEY, ATLAS_ORG_ID, SOURCE_KEY, SOURCE_ORG_ID, standardSimulator } from './simulator/fixture.js';
import type { Simulator } from './simulator/simulator.js';

const exec = promisify(execFile);
let sim: Simulator;
let url: string;
const statusPath = `/api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status`;
const tokenPath = `/api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens`;

beforeEach(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterEach(() => sim.close());

/** curl's status code for each response, in order (digest makes two). */
async function curl(args: string[]): Promise<number[]> {
  const { stdout } = await exec('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}\\n', ...args]);
  return stdout.trim().split('\n').map(Number);
}

/** An Authorization header computed here, independently of the action's code. */
async function handMadeHeader(method: string, target: string, nc: string, uri = target, nonce?: string) {
  if (!nonce) {
    const res = await fetch(url + target, { method, headers: { Accept: 'application/json' } });
    nonce = parseAuthParams(res.headers.get('www-authenticate')!.slice(7)).nonce;
  }
  const p = { username: SOURCE_KEY.publicKey, realm: REALM, nonce, nc, cnonce: 'abc123', qop: 'auth', uri };
  const response = digestResponse({ ...p, password: SOURCE_KEY.privateKey, method });
  return `Digest username="${p.username}", realm="${REALM}", nonce="${p.nonce}", uri="${uri}", qop=auth, nc=${nc}, cnonce="abc123", response="${response}", algorithm=MD5`;
}

describe('the simulator checks digest as strictly as the real service', () => {
  it('accepts curl --digest with the right key (the query is part of uri)', async () => {
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const codes = await curl([
      '--digest',
      '-u',
      `${SOURCE_KEY.publicKey}:${SOURCE_KEY.privateKey}`,
      '-H',
      'Accept: application/json',
      `${url}${statusPath}?pretty=true`,
    ]);
    expect(codes).toEqual([200]);
    expect(sim.requests.map((r) => r.status)).toEqual([401, 200]);
    expect(sim.requests[0].status).toBe(401);
    expect(String(sim.requests[1].headers.authorization)).toMatch(/uri="[^"]+\?pretty=true"/);
  });

  it('sends the documented challenge', async () => {
    const res = await fetch(url + statusPath, { headers: { Accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=false$/,
    );
    expect(await res.json()).toMatchObject({ error: 401, errorCode: 'NOT_AUTHORIZED' });
  });

  it('rejects curl --digest with a wrong private key', async () => {
    const codes = await curl(['--digest', '-u', `${SOURCE_KEY.publicKey}:wrong-key`, '-H', 'Accept: application/json', url + statusPath]);
    expect(codes).toEqual([401]);
    expect(sim.requests.map((r) => [r.status, r.rejected])).toEqual([
      [401, undefined],
      [401, 'wrong response hash'],
    ]);
  });

  it('rejects a replayed nonce count', async () => {
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const header = await handMadeHeader('GET', statusPath, '00000001');
    const args = ['-H', `Authorization: ${header}`, '-H', 'Accept: application/json', url + statusPath];
    expect(await curl(args)).toEqual([200]);
    expect(await curl(args)).toEqual([401]);
    expect(sim.requests.at(-1)?.rejected).toBe('nonce count 1 replayed (last 1)');
  });

  it('rejects a uri that is not the request target, and unknown nonces', async () => {
    const header = await handMadeHeader('GET', `${statusPath}?pretty=true`, '00000001', statusPath);
    expect(await curl(['-H', `Authorization: ${header}`, '-H', 'Accept: application/json', `${url}${statusPath}?pretty=true`])).toEqual([
      401,
    ]);
    expect(sim.requests.at(-1)?.rejected).toMatch(/is not the request target/);
    const forged = header.replace(/nonce="[^"]+"/, 'nonce="bm90LWlzc3VlZA=="');
    expect(await curl(['-H', `Authorization: ${forged}`, '-H', 'Accept: application/json', url + statusPath])).toEqual([401]);
    expect(sim.requests.at(-1)?.rejected).toBe('unknown nonce');
  });

  it('marks a nonce stale after its allowed uses', async () => {
    await sim.close();
    sim = standardSimulator({ nonceStaleAfterUses: 1 });
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    url = await sim.listen();
    const first = await handMadeHeader('GET', statusPath, '00000001');
    expect(await curl(['-H', `Authorization: ${first}`, '-H', 'Accept: application/json', url + statusPath])).toEqual([200]);
    const second = await handMadeHeader('GET', statusPath, '00000002', statusPath, parseAuthParams(first.slice(7)).nonce);
    const res = await fetch(url + statusPath, { headers: { Authorization: second, Accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/stale=true$/);
  });
});

describe('the simulator checks versioned media types and bodies', () => {
  const atlas = (extra: string[]) =>
    curl(['--digest', '-u', `${ATLAS_KEY.publicKey}:${ATLAS_KEY.privateKey}`, '-X', 'POST', ...extra, url + tokenPath]);
  const v2 = 'application/vnd.atlas.2023-01-01+json';

  it('creates a token with the right headers and body', async () => {
    expect(await atlas(['-H', `Accept: ${v2}`, '-H', `Content-Type: ${v2}`, '-d', '{"accessListIps":["203.0.113.7"]}'])).toEqual([201]);
  });

  it('refuses an unknown API version, a wrong content type, and a bad body', async () => {
    expect(
      await atlas(['-H', 'Accept: application/vnd.atlas.2023-10-01+json', '-H', `Content-Type: ${v2}`, '-d', '{"accessListIps":[]}']),
    ).toEqual([406]);
    expect(await atlas(['-H', `Accept: ${v2}`, '-H', 'Content-Type: application/json', '-d', '{"accessListIps":[]}'])).toEqual([415]);
    expect(await atlas(['-H', `Accept: ${v2}`, '-H', `Content-Type: ${v2}`, '-d', '{"accessListIps":["10.0.0.0/33"]}'])).toEqual([400]);
    expect(await atlas(['-H', `Accept: ${v2}`, '-H', `Content-Type: ${v2}`, '-d', '{"accessListIps":[],"extra":1}'])).toEqual([400]);
    expect(sim.linkTokens.size).toBe(0);
  });
});
