import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeChecked, edited } from '../helpers/scripts.js';
import {
  ATLAS_KEY,
  ATLAS_ORG_ID,
  AVAILABLE_PROJECTS,
  linkInputs,
  SERVICE_ACCOUNT,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction } from '../helpers/run-action.js';

let sim: Simulator;
let url: string;
beforeEach(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterEach(() => closeChecked(sim));

const sequence = (side: string) => sim.requests({ side: side as 'atlas' }).map((r) => `${r.method} ${r.route} ${r.status}`);

describe('link with API keys (digest)', () => {
  it('links a fresh source, masks the token, and outputs SYNCED, the projects and the deployments', async () => {
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.errors).toEqual([]);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    const token = run.outputs['link-token'];
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([token]);
    expect(run.masks).toContain(token);
    expect(sim.linkOf(SOURCE_ORG_ID)?.token).toBe(token);
    expect(JSON.parse(run.outputs['available-projects'])).toEqual(AVAILABLE_PROJECTS);
    expect(JSON.parse(run.outputs.deployments)).toEqual([
      {
        'source-project-id': SOURCE_PROJECT.id,
        'source-project-name': SOURCE_PROJECT.name,
        'source-cluster-name': SOURCE_PROJECT.clusterName,
        'migration-host': SOURCE_PROJECT.migrationHost,
        'mongodb-version': '7.0.14',
        sharded: false,
        tls: true,
        'db-size-bytes': 12_884_901_888,
        'oplog-size-mb': 990,
        'agent-version': '13.22.0.9175-1',
        fcv: '7.0',
      },
    ]);
    // The source answers 404 for "no link"; the organization read proves that is what it meant.
    expect(sequence('source')).toEqual([
      'GET source.link.status 401',
      'GET source.link.status 404',
      'GET source.org 200',
      'POST source.link.connect 201',
    ]);
    // The Atlas challenge (an unauthenticated GET) overlaps the source's reads.
    expect(sequence('atlas')).toEqual(['GET atlas.org 401', 'POST atlas.linkTokens.create 201', 'GET atlas.availableProjects 200']);
    expect(sim.requests()).toHaveLength(7);
    expect(sim.requests().filter((r) => r.rejected)).toEqual([]);

    const create = sim.requests({ route: 'atlas.linkTokens.create' })[0];
    expect(create.headers.accept).toBe('application/vnd.atlas.2023-01-01+json');
    expect(create.headers['content-type']).toBe('application/vnd.atlas.2023-01-01+json');
    expect(JSON.parse(create.body)).toEqual({ accessListIps: ['203.0.113.7', '198.51.100.0/24'] });
    const connect = sim.requests({ route: 'source.link.connect' })[0];
    expect(connect.headers.accept).toBe('application/json');
    expect(JSON.parse(connect.body)).toEqual({ linkToken: token });
    expect(create.at).toBeLessThanOrEqual(connect.at);

    expect(run.summary).toContain('<td>Status</td><td>SYNCED</td>');
    expect(run.summary).toContain('<td>Create a link token in Atlas</td><td>✅ done</td>');
    expect(run.summary).toContain(ATLAS_ORG_ID);
    expect(run.summary).toContain('<td>orders</td>');
  });

  it('on a source that answers NOT_SYNCED for "no link", the happy path stays at 6 requests', async () => {
    await sim.close();
    sim = standardSimulator({ source: { noLinkAnswer: 'not-synced' } });
    url = await sim.listen();
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(sequence('source')).toEqual(['GET source.link.status 401', 'GET source.link.status 200', 'POST source.link.connect 201']);
    expect(sim.requests()).toHaveLength(6);
  });

  it('sends the nonce count 1 after each challenge and then 2, 3 … on the same nonce', async () => {
    await runAction(sim, linkInputs(url, url));
    const counts = (side: 'atlas' | 'source') =>
      sim
        .requests({ side })
        .filter((r) => r.auth === 'digest')
        .map((r) => /nc=([0-9a-f]{8})/.exec(String(r.headers.authorization))?.[1]);
    expect(counts('source')).toEqual(['00000001', '00000002', '00000003']);
    expect(counts('atlas')).toEqual(['00000001', '00000002']);
  });

  it('accepts a link token the API returns as a one-element array', async () => {
    sim.respond(
      'atlas.linkTokens.create',
      edited((b) => void (b.linkToken = [b.linkToken])),
    );
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([run.outputs['link-token']]);
  });

  it('warns when the access list is empty and the source is not Cloud Manager', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': '' }));
    expect(run.code).toBe(0);
    expect(run.warnings.map((w) => w.message).join('\n')).toMatch(/access-list-ips is empty but the source is not Cloud Manager/);
  });

  it('sends access-list entries canonical and de-duplicated, and warns about addresses Atlas cannot see', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': '203.0.113.7/32 203.0.113.7 10.1.2.3 198.51.100.0/024' }));
    expect(run.code).toBe(0);
    expect(JSON.parse(sim.requests({ route: 'atlas.linkTokens.create' })[0].body)).toEqual({
      accessListIps: ['203.0.113.7', '10.1.2.3', '198.51.100.0/24'],
    });
    expect(run.warnings).toContainEqual(
      expect.objectContaining({ message: expect.stringMatching(/^access-list-ips: 10\.1\.2\.3 is a private address/) }),
    );
  });
});

describe('link with an Atlas service account (OAuth)', () => {
  it('fetches exactly one token, uses Bearer on Atlas, and revokes it', async () => {
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url)));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(sim.count('oauth', 'POST', '/api/oauth/token')).toBe(1);
    expect(sim.count('oauth', 'POST', '/api/oauth/revoke')).toBe(1);
    expect(sim.requests({ side: 'atlas' }).map((r) => r.auth)).toEqual(['bearer', 'bearer']);
    expect(sim.accessTokens()).toEqual([expect.objectContaining({ revoked: true })]);
    const tokenCall = sim.requests({ route: 'oauth.token' })[0];
    expect(tokenCall.headers.authorization).toBe(
      `Basic ${Buffer.from(`${SERVICE_ACCOUNT.clientId}:${SERVICE_ACCOUNT.clientSecret}`).toString('base64')}`,
    );
    expect(tokenCall.body).toBe('grant_type=client_credentials');
    expect(run.lines).toContain('Revoked the service account access token.');
  });

  it('revokes the token even when the link fails', async () => {
    sim.fail('atlas.linkTokens.create', {
      kind: 'status',
      status: 400,
      body: { error: 400, errorCode: 'VALIDATION_ERROR', detail: 'Simulated.' },
    });
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url)));
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual(['Atlas: create the link token failed: HTTP 400 VALIDATION_ERROR: Simulated.']);
    expect(run.errors[0].properties.title).toBe('Atlas: create the link token');
    expect(sim.count('oauth', 'POST', '/api/oauth/revoke')).toBe(1);
    expect(sim.accessTokens()).toEqual([expect.objectContaining({ revoked: true })]);
  });

  it('explains a wrong client secret without retrying the token endpoint', async () => {
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url), 'mdb_sa_sk_wrongwrongwrong'), {
      secrets: ['mdb_sa_sk_wrongwrongwrong'],
    });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(
      /^Atlas: get a service account access token failed: HTTP 401 invalid_client: .*Hint: check atlas-client-id and atlas-client-secret/,
    );
    expect(sim.count('oauth', 'POST', '/api/oauth/token')).toBe(1);
  });
});

describe('failures a user meets first', () => {
  it('a wrong Atlas private key fails with the 401 hint after 2 Atlas requests, and the summary says what was done', async () => {
    const wrong = '00000000-1111-2222-3333-444444444444';
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-private-key': wrong }), { secrets: [wrong] });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'Atlas: create the link token failed: HTTP 401 NOT_AUTHORIZED: You are not authorized for this resource. Hint: check the public and private key, and that the runner’s IP address is on the API key’s access list.',
    ]);
    expect(sim.count('atlas')).toBe(2);
    expect(sim.count('source', 'POST')).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    expect(run.summary).toContain('<td>Read the source&#39;s link status</td><td>✅ done</td>');
    expect(run.summary).toContain('<td>Create a link token in Atlas</td><td>❌ failed</td>');
    expect(run.summary).toContain('<td>Connect the source organization with the link token</td><td>⏹️ not attempted</td>');
    expect(run.outputs.changed).toBe('false');
  });

  it('a wrong source private key fails after 2 source requests and creates no token', async () => {
    const wrong = '99999999-1111-2222-3333-444444444444';
    const run = await runAction(sim, linkInputs(url, url, { 'source-private-key': wrong }), { secrets: [wrong] });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(
      /^source: read the migration link status failed: HTTP 401 NOT_AUTHORIZED.*Hint: check the public and private key/,
    );
    expect(sim.count('source')).toBe(2);
    expect(sequence('atlas')).toEqual(['GET atlas.org 401']);
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
  });

  it('a key without the Organization Owner role gets the 403 hint', async () => {
    sim.setRoles(ATLAS_KEY.publicKey, ['ORG_READ_ONLY']);
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(
      /^Atlas: create the link token failed: HTTP 403 USER_UNAUTHORIZED: .*Hint: the API key needs the Organization Owner role/,
    );
  });

  it('an Atlas organization the key does not belong to: the 404 names atlas-org-id, after the source was proven', async () => {
    const other = 'ffffffffffffffffffffffff';
    sim.addAtlasOrg(other);
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-org-id': other }));
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(
      /^Atlas: create the link token failed: HTTP 404 RESOURCE_NOT_FOUND: Cannot find resource organization f{24}\. Hint: check atlas-org-id for a typo/,
    );
    // The source was read, and its 404 proven to mean "no link", before any token was asked for.
    expect(sequence('source')).toEqual(['GET source.link.status 401', 'GET source.link.status 404', 'GET source.org 200']);
    expect(sequence('atlas')).toEqual(['GET atlas.org 401', 'POST atlas.linkTokens.create 404']);
    const order = sim.requests().map((r) => r.route);
    expect(order.indexOf('atlas.linkTokens.create')).toBeGreaterThan(order.indexOf('source.org'));
  });

  it('the job summary is skipped when GITHUB_STEP_SUMMARY is unset (a local run)', async () => {
    const run = await runAction(sim, linkInputs(url, url), { env: { GITHUB_STEP_SUMMARY: undefined } });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.warnings).toEqual([]);
    expect(run.summary).toBe('');
    expect(run.commands.filter((c) => c.name === 'debug').map((c) => c.data)).toContain(
      'GITHUB_STEP_SUMMARY is not set: no job summary written.',
    );
  });
});
