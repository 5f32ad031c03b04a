import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ATLAS_KEY,
  ATLAS_ORG_ID,
  AVAILABLE_PROJECTS,
  linkInputs,
  SERVICE_ACCOUNT,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';
import { runAction } from '../helpers/run-action.js';

let sim: Simulator;
let url: string;

beforeEach(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterEach(() => sim.close());

describe('link with API keys (digest)', () => {
  it('creates a token, connects, and outputs SYNCED with the token masked', async () => {
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.outputs.changed).toBe('true');
    const token = run.outputs['link-token'];
    expect(sim.linkTokens.has(token)).toBe(true);
    expect(run.stdout).toContain(`::add-mask::${token}`);
    expect(sim.sourceOrgs.get(SOURCE_ORG_ID).link.token).toBe(token);
    expect(JSON.parse(run.outputs['available-projects'])).toEqual(AVAILABLE_PROJECTS);

    // Per side one challenge, then authenticated calls reusing the nonce: the source's status
    // read and connect; Atlas's token and, once SYNCED, the available projects. The Atlas
    // challenge is a harmless GET made while the source status is read.
    expect(sim.count('atlas', 'POST', '/linkTokens')).toBe(1);
    expect(sim.count('source', 'POST', '/migrationLink')).toBe(1);
    expect(sim.count('source', 'GET', '/status')).toBe(2);
    expect(sim.count('atlas', 'GET', '/availableProjects')).toBe(2);
    expect(
      sim.requests
        .filter((r) => r.status === 401)
        .map((r) => `${r.side} ${r.method}`)
        .sort(),
    ).toEqual(['atlas GET', 'source GET']);
    expect(sim.requests).toHaveLength(6);
    expect(sim.requests.filter((r) => r.rejected)).toEqual([]);

    const create = sim.requests.find((r) => r.path.endsWith('/linkTokens') && r.status === 201);
    expect(create?.headers.accept).toBe('application/vnd.atlas.2023-01-01+json');
    expect(create?.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json');
    expect(JSON.parse(create?.body ?? '')).toEqual({ accessListIps: ['203.0.113.7', '198.51.100.0/24'] });
    const connect = sim.requests.find((r) => r.path.endsWith('/migrationLink'));
    expect(connect?.headers.accept).toBe('application/json');
    expect(JSON.parse(connect?.body ?? '')).toEqual({ linkToken: token });

    expect(run.summary).toContain('<td>Status</td><td>SYNCED</td>');
    expect(run.summary).toContain('<td>Access-list entries</td><td>2</td>');
    expect(run.summary).toContain(ATLAS_ORG_ID);
    expect(run.summary).toContain('orders');
  });

  it('sends the nonce count 1 after each challenge and then 2, 3 … on the same nonce', async () => {
    await runAction(sim, linkInputs(url, url));
    const counts = (side: string) =>
      sim.requests
        .filter((r) => r.side === side && r.auth === 'digest')
        .map((r) => /nc=([0-9a-f]{8})/.exec(String(r.headers.authorization))?.[1]);
    expect(counts('source')).toEqual(['00000001', '00000002']);
    expect(counts('atlas')).toEqual(['00000001', '00000002']);
  });

  it('accepts a link token the API returns as a one-element array', async () => {
    const original = sim.atlas.bind(sim);
    sim.atlas = (req, u, body, principal) => {
      const result = original(req, u, body, principal);
      if (result.status === 201) result.body = { linkToken: [result.body.linkToken] };
      return result;
    };
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(sim.linkTokens.has(run.outputs['link-token'])).toBe(true);
  });

  it('warns when the access list is empty and the source is not Cloud Manager', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': '' }));
    expect(run.code).toBe(0);
    expect(run.warnings.join('\n')).toMatch(/access-list-ips is empty but the source is not Cloud Manager/);
  });
});

describe('link with an Atlas service account (OAuth)', () => {
  it('fetches exactly one token, uses Bearer on Atlas, and revokes it', async () => {
    const inputs = withServiceAccount(linkInputs(url, url));
    const run = await runAction(sim, inputs);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(sim.count('oauth', 'POST', '/api/oauth/token')).toBe(1);
    expect(sim.count('oauth', 'POST', '/api/oauth/revoke')).toBe(1);
    const atlasCalls = sim.requests.filter((r) => r.side === 'atlas');
    expect(atlasCalls.map((r) => r.auth)).toEqual(['bearer', 'bearer']);
    expect([...sim.accessTokens.values()].every((t) => t.revoked)).toBe(true);
    const tokenCall = sim.requests.find((r) => r.path === '/api/oauth/token');
    const expected = Buffer.from(`${SERVICE_ACCOUNT.clientId}:${SERVICE_ACCOUNT.clientSecret}`).toString('base64');
    expect(tokenCall?.headers.authorization).toBe(`Basic ${expected}`);
    expect(tokenCall?.body).toBe('grant_type=client_credentials');
    expect(run.stdout).toContain('Revoked the service account access token.');
  });

  it('revokes the token even when the link fails', async () => {
    sim.faults.push({
      method: 'POST',
      path: '/linkTokens',
      kind: 'status',
      status: 400,
      body: { error: 400, errorCode: 'VALIDATION_ERROR', detail: 'Simulated.' },
    });
    const inputs = withServiceAccount(linkInputs(url, url));
    const run = await runAction(sim, inputs);
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(/^Atlas: create the link token failed: HTTP 400 VALIDATION_ERROR: Simulated\./);
    expect(sim.count('oauth', 'POST', '/api/oauth/revoke')).toBe(1);
    expect([...sim.accessTokens.values()].every((t) => t.revoked)).toBe(true);
  });

  it('explains a wrong client secret without retrying the token endpoint', async () => {
    const inputs = withServiceAccount(linkInputs(url, url), 'mdb_sa_sk_wrongwrongwrong');
    const run = await runAction(sim, inputs, { secrets: ['mdb_sa_sk_wrongwrongwrong'] });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toMatch(
      /Atlas: get a service account access token failed: HTTP 401 invalid_client: Invalid client credentials\. Hint: check atlas-client-id and atlas-client-secret/,
    );
    expect(sim.count('oauth', 'POST', '/api/oauth/token')).toBe(1);
  });
});

describe('failures', () => {
  it('a wrong Atlas private key fails with the 401 hint after at most 2 Atlas requests', async () => {
    const wrong = '00000000-1111-2222-3333-444444444444';
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-private-key': wrong }), { secrets: [wrong] });
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^Atlas: create the link token failed: HTTP 401 NOT_AUTHORIZED: You are not authorized for this resource\. Hint: check the public and private key, and that the runner’s IP address is on the API key’s access list\.$/,
    );
    expect(sim.count('atlas')).toBe(2);
    expect(sim.count('source', 'POST')).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });

  it('a wrong source private key fails after 2 source requests and creates no token', async () => {
    const wrong = '99999999-1111-2222-3333-444444444444';
    const run = await runAction(sim, linkInputs(url, url, { 'source-private-key': wrong }), { secrets: [wrong] });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^source: read the migration link status failed: HTTP 401 NOT_AUTHORIZED.*Hint: check the public and private key/,
    );
    expect(sim.count('source')).toBe(2);
    expect(sim.requests.filter((r) => r.side === 'atlas').map((r) => `${r.method} ${r.status}`)).toEqual(['GET 401']);
    expect(sim.linkTokens.size).toBe(0);
  });

  it('a key without the Organization Owner role gets the 403 hint', async () => {
    sim.apiKeys.get(ATLAS_KEY.publicKey).roles = ['ORG_READ_ONLY'];
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^Atlas: create the link token failed: HTTP 403 USER_UNAUTHORIZED: .*Hint: the API key needs the Organization Owner role/,
    );
  });

  it('an organization the key does not belong to gets the 404 hint', async () => {
    const other = 'ffffffffffffffffffffffff';
    sim.addAtlasOrg(other);
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-org-id': other }));
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^Atlas: create the link token failed: HTTP 404 RESOURCE_NOT_FOUND: .*Hint: check the organization id, and that the API key belongs to that organization\.$/,
    );
  });

  it('a bad atlas-org-id fails naming the input and sends nothing', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-org-id': 'not-an-org' }));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      'Input \'atlas-org-id\': expected 24 hexadecimal digits such as 5f1a2b3c4d5e6f7a8b9c0d1e; got "not-an-org".',
    ]);
    expect(sim.requests).toHaveLength(0);
  });

  it('the job summary is skipped when GITHUB_STEP_SUMMARY is unset (a local run)', async () => {
    const run = await runAction(sim, linkInputs(url, url), { env: { GITHUB_STEP_SUMMARY: undefined } });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.warnings).toEqual([]);
  });
});
