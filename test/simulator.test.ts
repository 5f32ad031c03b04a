// The simulator is as strict as MongoDB, and each of its answers is the distinct, true one.
// Strictness is proved with curl and a hand-written digest client, not with the action's code.
import { execFile } from 'node:child_process';
import https from 'node:https';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, atlasMedia, digestHeader } from './harness/api-client.js';
import {
  ATLAS_CLUSTER_NAME,
  ATLAS_KEY,
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  SERVICE_ACCOUNT,
  SOURCE_KEY,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  standardSimulator,
} from './simulator/fixture.js';
import { makePki } from './helpers/tls.js';
import { Simulator, type Fault } from './simulator/index.js';

const exec = promisify(execFile);
const OTHER_ORG = 'ffffffffffffffffffffffff';
const V1 = atlasMedia();
const JSON_TYPE = 'application/json';
const atlasOrg = (org = ATLAS_ORG_ID) => `/api/atlas/v2/orgs/${org}`;
const tokens = (org = ATLAS_ORG_ID) => `${atlasOrg(org)}/liveMigrations/linkTokens`;
const sourceOrg = (org = SOURCE_ORG_ID) => `/api/public/v1.0/orgs/${org}`;
const link = (org = SOURCE_ORG_ID) => `${sourceOrg(org)}/liveExport/migrationLink`;
const status = (org = SOURCE_ORG_ID) => `${link(org)}/status`;

let sim: Simulator;
let url: string;
let api: ReturnType<typeof apiClient>;

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  await sim?.close();
  sim = standardSimulator(options);
  url = await sim.listen();
  api = apiClient(url);
}
beforeEach(() => start());
afterEach(() => sim.close());

const atlas = (method: string, path: string, body?: unknown, accept = V1) => api.call(method, path, { key: ATLAS_KEY, accept, body });
const source = (method: string, path: string, body?: unknown) => api.call(method, path, { key: SOURCE_KEY, accept: JSON_TYPE, body });

/** curl's status code for each response, in order (digest makes two). */
async function curl(args: string[]): Promise<number[]> {
  const { stdout } = await exec('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}\\n', ...args]);
  return stdout.trim().split('\n').map(Number);
}

/** A challenge's nonce, fetched with an unauthenticated request. */
async function challenge(target: string) {
  const res = await fetch(url + target, { headers: { Accept: JSON_TYPE } });
  return res.headers.get('www-authenticate')!;
}

describe('digest, as strict as the real service (proved with curl)', () => {
  it('accepts curl --digest with the right key; the query is part of uri', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const codes = await curl([
      '--digest',
      '-u',
      `${SOURCE_KEY.publicKey}:${SOURCE_KEY.privateKey}`,
      '-H',
      `Accept: ${JSON_TYPE}`,
      `${url}${status()}?pretty=true`,
    ]);
    expect(codes).toEqual([200]);
    expect(sim.requests().map((r) => [r.status, r.auth, r.route])).toEqual([
      [401, 'none', 'source.link.status'],
      [200, 'digest', 'source.link.status'],
    ]);
    expect(String(sim.requests()[1].headers.authorization)).toContain(`uri="${status()}?pretty=true"`);
  });

  it('sends the documented challenge with a NOT_AUTHORIZED body', async () => {
    const res = await fetch(url + status(), { headers: { Accept: JSON_TYPE } });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(
      /^Digest realm="MMS Public API", domain="", nonce="[^"]+", algorithm=MD5, qop="auth", stale=false$/,
    );
    expect(await res.json()).toMatchObject({ error: 401, errorCode: 'NOT_AUTHORIZED' });
  });

  it('refuses curl --digest with a wrong private key, on both sides', async () => {
    expect(await curl(['--digest', '-u', `${SOURCE_KEY.publicKey}:wrong`, '-H', `Accept: ${JSON_TYPE}`, url + status()])).toEqual([401]);
    expect(await curl(['--digest', '-u', `${ATLAS_KEY.publicKey}:wrong`, '-H', `Accept: ${V1}`, url + atlasOrg()])).toEqual([401]);
    expect(sim.requests().map((r) => r.rejected)).toEqual([undefined, 'wrong response hash', undefined, 'wrong response hash']);
  });

  it('refuses a replayed nonce count', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const header = digestHeader(await challenge(status()), SOURCE_KEY, 'GET', status(), '00000001');
    const args = ['-H', `Authorization: ${header}`, '-H', `Accept: ${JSON_TYPE}`, url + status()];
    expect(await curl(args)).toEqual([200]);
    expect(await curl(args)).toEqual([401]);
    expect(sim.requests().at(-1)?.rejected).toBe('nonce count 1 replayed (last 1)');
  });

  it('refuses a uri without the query, and a nonce it never issued', async () => {
    const target = `${status()}?pretty=true`;
    const header = digestHeader(await challenge(target), SOURCE_KEY, 'GET', status());
    expect(await curl(['-H', `Authorization: ${header}`, '-H', `Accept: ${JSON_TYPE}`, url + target])).toEqual([401]);
    expect(sim.requests().at(-1)?.rejected).toMatch(/is not the request target/);
    const forged = digestHeader('Digest realm="MMS Public API", nonce="bm90LWlzc3VlZA=="', SOURCE_KEY, 'GET', status());
    expect(await curl(['-H', `Authorization: ${forged}`, '-H', `Accept: ${JSON_TYPE}`, url + status()])).toEqual([401]);
    expect(sim.requests().at(-1)?.rejected).toBe('unknown nonce');
  });

  it('answers a nonce used too often with stale=true; the new nonce then works', async () => {
    await start({ nonceStaleAfterUses: 1 });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const first = await challenge(status());
    const ok = await fetch(url + status(), {
      headers: { Accept: JSON_TYPE, Authorization: digestHeader(first, SOURCE_KEY, 'GET', status(), '00000001') },
    });
    expect(ok.status).toBe(200);
    const stale = await fetch(url + status(), {
      headers: { Accept: JSON_TYPE, Authorization: digestHeader(first, SOURCE_KEY, 'GET', status(), '00000002') },
    });
    expect(stale.status).toBe(401);
    const fresh = stale.headers.get('www-authenticate')!;
    expect(fresh).toMatch(/stale=true$/);
    const again = await fetch(url + status(), {
      headers: { Accept: JSON_TYPE, Authorization: digestHeader(fresh, SOURCE_KEY, 'GET', status()) },
    });
    expect(again.status).toBe(200);
  });

  it('forgetNonces() makes every issued nonce unknown', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const nonce = await challenge(status());
    sim.forgetNonces();
    const res = await fetch(url + status(), {
      headers: { Accept: JSON_TYPE, Authorization: digestHeader(nonce, SOURCE_KEY, 'GET', status()) },
    });
    expect(res.status).toBe(401);
    expect(sim.requests().at(-1)?.rejected).toBe('unknown nonce');
  });
});

describe('the control API', () => {
  it('addApiKey() again replaces the key: the old private key is refused, the new one accepted', async () => {
    sim.addApiKey(SOURCE_KEY.publicKey, 'rotated-private-key', SOURCE_ORG_ID);
    expect((await source('GET', sourceOrg())).status).toBe(401);
    expect(
      (await api.call('GET', sourceOrg(), { key: { ...SOURCE_KEY, privateKey: 'rotated-private-key' }, accept: JSON_TYPE })).status,
    ).toBe(200);
  });

  it('refuses arrangements that cannot exist', () => {
    const fault: Fault = { kind: 'status', times: 0 };
    expect(() => sim.fail('atlas.org', fault)).toThrow(/times must be positive/);
    expect(() => sim.setStatus(SOURCE_ORG_ID, 'SYNCED')).toThrow(/has no link/);
    expect(() => sim.linkSource(OTHER_ORG, ATLAS_ORG_ID)).toThrow(/No source org/);
    expect(() => sim.addMigration(OTHER_ORG)).toThrow(/No Atlas project/);
    expect(() => sim.advance(-1)).toThrow(/non-negative/);
    expect(() => sim.fail('atlas.nope', { kind: 'reset' })).toThrow(/^Unknown route atlas\.nope; one of .*atlas\.migrations\.cutover/);
  });

  it('listens on HTTPS with a given certificate too', async () => {
    const pki = makePki(['127.0.0.1']);
    try {
      const secure = await sim.listen({ tls: { key: pki.key, cert: pki.cert } });
      expect(secure).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const status = await new Promise<number>((resolve, reject) =>
        https
          .get(secure + sourceOrg(), { ca: pki.caCert }, (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          })
          .on('error', reject),
      );
      expect(status).toBe(401);
      expect(sim.requests().at(-1)?.route).toBe('source.org');
    } finally {
      pki.cleanup();
    }
  });
});

describe('media types', () => {
  it('Atlas: 406 INVALID_VERSION_DATE for a plain or unpublished version, 415 for a Content-Type other than the Accept', async () => {
    for (const accept of [JSON_TYPE, atlasMedia('2023-10-01'), atlasMedia('2024-05-30')]) {
      const res = await atlas('GET', atlasOrg(), undefined, accept);
      expect([res.status, res.json.errorCode]).toEqual([406, 'INVALID_VERSION_DATE']);
    }
    const mismatch = await api.call('POST', tokens(), { key: ATLAS_KEY, accept: V1, contentType: JSON_TYPE, body: { accessListIps: [] } });
    expect(mismatch.status).toBe(415);
    const ok = await atlas('POST', tokens(), { accessListIps: ['203.0.113.7', '198.51.100.0/24'] });
    expect(ok.status).toBe(201);
    expect(ok.headers.get('content-type')).toBe(V1);
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([ok.json.linkToken]);
  });

  it('getGroupCluster: digest, 2024-08-05 only (the one answer modelled), 404 CLUSTER_NOT_FOUND, the disk and version a test sets', async () => {
    const cluster = (name: string, groupId = ATLAS_PROJECT_ID) => `/api/atlas/v2/groups/${groupId}/clusters/${encodeURIComponent(name)}`;
    const V2024_08 = atlasMedia('2024-08-05');
    const unauthenticated = await fetch(url + cluster(ATLAS_CLUSTER_NAME), { headers: { Accept: V2024_08 } });
    expect(unauthenticated.status).toBe(401);
    expect(unauthenticated.headers.get('www-authenticate')).toMatch(/^Digest /);
    for (const accept of [V1, atlasMedia('2023-02-01'), JSON_TYPE]) {
      const res = await atlas('GET', cluster(ATLAS_CLUSTER_NAME), undefined, accept);
      expect([res.status, res.json.errorCode]).toEqual([406, 'INVALID_VERSION_DATE']);
    }
    const ok = await atlas('GET', cluster(ATLAS_CLUSTER_NAME), undefined, V2024_08);
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      name: ATLAS_CLUSTER_NAME,
      groupId: ATLAS_PROJECT_ID,
      clusterType: 'REPLICASET',
      mongoDBVersion: '7.0.15',
    });
    expect(ok.json.replicationSpecs[0].regionConfigs[0].electableSpecs.diskSizeGB).toBe(40);
    const missing = await atlas('GET', cluster('no-such-cluster'), undefined, V2024_08);
    expect([missing.status, missing.json.errorCode]).toEqual([404, 'CLUSTER_NOT_FOUND']);
    const otherProject = await atlas('GET', cluster(ATLAS_CLUSTER_NAME, 'ffffffffffffffffffffffff'), undefined, V2024_08);
    expect(otherProject.status).toBe(404);

    sim.addAtlasProject(ATLAS_PROJECT_ID, {
      orgId: ATLAS_ORG_ID,
      clusters: [ATLAS_CLUSTER_NAME],
      clusterSpecs: { [ATLAS_CLUSTER_NAME]: { diskSizeGB: 10, shards: 3, mongoDBVersion: '8.0.4' } },
    });
    const sharded = await atlas('GET', cluster(ATLAS_CLUSTER_NAME), undefined, V2024_08);
    expect(sharded.json).toMatchObject({ clusterType: 'SHARDED', mongoDBVersion: '8.0.4' });
    expect(sharded.json.replicationSpecs).toHaveLength(3);
  });

  it('a source deployment named with spaces is validated like any other', async () => {
    await start({
      atlas: {
        availableProjects: [
          { name: 'p', projectId: SOURCE_PROJECT.id, deployments: [{ name: 'Project X sharded cluster' }], migrationHosts: ['h 1'] },
        ],
      },
      plan: { validationAfterPolls: 0 },
    });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const body = {
      source: { clusterName: 'Project X sharded cluster', groupId: SOURCE_PROJECT.id, managedAuthentication: true, ssl: true },
      destination: { clusterName: ATLAS_CLUSTER_NAME, groupId: ATLAS_PROJECT_ID, hostnameSchemaType: 'PUBLIC' },
      migrationHosts: ['h 1'],
    };
    const res = await atlas('POST', `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations/validate`, body, atlasMedia('2024-05-30'));
    expect([res.status, res.json.status]).toEqual([200, 'SUCCESS']);
  });

  it('the token decodes to an API key pair of the Atlas org, and is reported as a secret', async () => {
    const { json } = await atlas('POST', tokens(), { accessListIps: [] });
    const decoded = JSON.parse(Buffer.from(json.linkToken, 'base64').toString('utf8'));
    expect(Object.keys(decoded)).toEqual(['orgId', 'publicKey', 'privateKey']);
    expect(decoded.orgId).toBe(ATLAS_ORG_ID);
    expect(sim.secretsIssued()).toEqual([json.linkToken, decoded.privateKey]);
  });

  it('source: 406 unless Accept is application/json, 415 for another Content-Type', async () => {
    const html = await api.call('GET', sourceOrg(), { key: SOURCE_KEY, accept: 'text/html' });
    expect([html.status, html.json.errorCode]).toEqual([406, 'NOT_ACCEPTABLE']);
    const wrongType = await api.call('POST', link(), {
      key: SOURCE_KEY,
      accept: JSON_TYPE,
      contentType: 'text/plain',
      body: { linkToken: 'x' },
    });
    expect(wrongType.status).toBe(415);
  });

  it('envelope=true wraps the body with the status; pretty=true indents it', async () => {
    const res = await atlas('GET', `${atlasOrg()}?envelope=true&pretty=true`);
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ status: 200, content: { id: ATLAS_ORG_ID, name: 'Atlas destination', isDeleted: false, links: [] } });
    expect(res.text).toContain('\n  "status": 200');
  });
});

describe('the 404s are distinct and true', () => {
  it('an org that does not exist: RESOURCE_NOT_FOUND on Atlas, ORG_NOT_FOUND on the source, on every org route', async () => {
    const atlasRoutes = [
      ['GET', atlasOrg(OTHER_ORG)],
      ['POST', tokens(OTHER_ORG), { accessListIps: [] }],
      ['DELETE', tokens(OTHER_ORG)],
      ['GET', `${atlasOrg(OTHER_ORG)}/liveMigrations/availableProjects`],
    ] as const;
    for (const [method, path, body] of atlasRoutes) {
      const res = await atlas(method, path, body);
      expect([res.status, res.json.errorCode, res.json.detail]).toEqual([
        404,
        'RESOURCE_NOT_FOUND',
        `Cannot find resource organization ${OTHER_ORG}.`,
      ]);
    }
    const sourceRoutes = [
      ['GET', sourceOrg(OTHER_ORG)],
      ['GET', status(OTHER_ORG)],
      ['POST', link(OTHER_ORG), { linkToken: 'x' }],
      ['DELETE', link(OTHER_ORG)],
    ] as const;
    for (const [method, path, body] of sourceRoutes) {
      const res = await source(method, path, body);
      expect([res.status, res.json.errorCode, res.json.detail]).toEqual([
        404,
        'ORG_NOT_FOUND',
        `No organization with ID ${OTHER_ORG} exists.`,
      ]);
    }
  });

  it('an org the key does not belong to answers exactly as one that does not exist', async () => {
    const missing = 'eeeeeeeeeeeeeeeeeeeeeeee';
    sim.addAtlasOrg(OTHER_ORG).addSourceOrg(OTHER_ORG);
    /** The whole answer, with the org id in it replaced. */
    const answer = async (call: Promise<{ status: number; headers: Headers; text: string }>, org: string) => {
      const res = await call;
      return { status: res.status, contentType: res.headers.get('content-type'), json: JSON.parse(res.text.replaceAll(org, '<org>')) };
    };
    const cases = [
      (org: string) => atlas('GET', atlasOrg(org)),
      (org: string) => atlas('POST', tokens(org), { accessListIps: [] }),
      (org: string) => source('GET', sourceOrg(org)),
      (org: string) => source('GET', status(org)),
    ];
    for (const send of cases) {
      const foreign = await answer(send(OTHER_ORG), OTHER_ORG);
      expect(foreign.status).toBe(404);
      expect(foreign).toEqual(await answer(send(missing), missing));
    }
    expect((await atlas('GET', atlasOrg())).status).toBe(200);
    expect((await source('GET', sourceOrg())).json).toEqual({ id: SOURCE_ORG_ID, name: 'Ops Manager source', isDeleted: false, links: [] });
  });

  it('no link: 404 RESOURCE_NOT_FOUND by default, 200 NOT_SYNCED with noLinkAnswer not-synced; delete is 404 in both', async () => {
    const notFound = await source('GET', status());
    expect([notFound.status, notFound.json.errorCode, notFound.json.detail]).toEqual([
      404,
      'RESOURCE_NOT_FOUND',
      'No migration link exists for this organization.',
    ]);
    expect((await source('DELETE', link())).status).toBe(404);
    await start({ source: { noLinkAnswer: 'not-synced' } });
    const notSynced = await source('GET', status());
    expect([notSynced.status, notSynced.json]).toEqual([200, { status: 'NOT_SYNCED' }]);
    const del = await source('DELETE', link());
    expect([del.status, del.json.errorCode]).toEqual([404, 'RESOURCE_NOT_FOUND']);
  });

  it('deleting link tokens when there are none: 404 UNEXPECTED_ERROR', async () => {
    const res = await atlas('DELETE', tokens());
    expect([res.status, res.json.errorCode, res.json.detail]).toEqual([
      404,
      'UNEXPECTED_ERROR',
      'Could not find the requested external organization link.',
    ]);
  });

  it('a group that does not exist or is in another org: GROUP_NOT_FOUND; an unknown migration id: RESOURCE_NOT_FOUND', async () => {
    const otherProject = 'aaaaaaaaaaaaaaaaaaaaaaaa';
    sim.addAtlasOrg(OTHER_ORG).addAtlasProject(otherProject, { orgId: OTHER_ORG, clusters: ['c'] });
    for (const group of ['bbbbbbbbbbbbbbbbbbbbbbbb', otherProject]) {
      const res = await atlas('GET', `/api/atlas/v2/groups/${group}`);
      expect([res.status, res.json.errorCode, res.json.detail]).toEqual([404, 'GROUP_NOT_FOUND', `No group with ID ${group} exists.`]);
    }
    expect((await atlas('GET', `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}`)).json).toEqual({
      id: ATLAS_PROJECT_ID,
      name: 'migration-target',
      orgId: ATLAS_ORG_ID,
    });
    const unknown = 'cccccccccccccccccccccccc';
    for (const path of [`liveMigrations/${unknown}`, `liveMigrations/validate/${unknown}`]) {
      const res = await atlas('GET', `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/${path}`);
      expect([res.status, res.json.errorCode, res.json.detail]).toEqual([
        404,
        'RESOURCE_NOT_FOUND',
        `Cannot find resource live migration ${unknown}.`,
      ]);
    }
  });

  it('an id that is not 24 hexadecimal digits: 400 VALIDATION_ERROR naming the parameter', async () => {
    const res = await atlas('GET', atlasOrg('not-an-org'));
    expect([res.status, res.json.errorCode, res.json.badRequestDetail.fields[0].field]).toEqual([400, 'VALIDATION_ERROR', 'orgId']);
  });
});

describe('roles', () => {
  const groups = `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}`;
  const migrationBody = {
    source: { clusterName: SOURCE_PROJECT.clusterName, groupId: SOURCE_PROJECT.id, managedAuthentication: true, ssl: true },
    destination: { clusterName: ATLAS_CLUSTER_NAME, groupId: ATLAS_PROJECT_ID, hostnameSchemaType: 'PUBLIC' },
    migrationHosts: [SOURCE_PROJECT.migrationHost],
  };
  const V2024 = atlasMedia('2024-05-30');

  it('ORG_OWNER for everything; reading the org, a project or a migration also for ORG_MEMBER and ORG_READ_ONLY', async () => {
    const linkToken = sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const validation = await atlas('POST', `${groups}/liveMigrations/validate`, migrationBody, V2024);
    expect(validation.status).toBe(200);
    const migrationId = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    const refused = (res: { status: number; json: { errorCode?: string } }) => [res.status, res.json?.errorCode];
    for (const roles of [['ORG_READ_ONLY'], ['ORG_MEMBER']]) {
      sim.setRoles(ATLAS_KEY.publicKey, roles);
      // Reads that MongoDB documents for Organization Member (and Organization Read Only reads everything).
      expect((await atlas('GET', atlasOrg())).status, `${roles} org`).toBe(200);
      expect((await atlas('GET', groups)).json, `${roles} project`).toEqual({
        id: ATLAS_PROJECT_ID,
        name: 'migration-target',
        orgId: ATLAS_ORG_ID,
      });
      expect((await atlas('GET', `${groups}/liveMigrations/${migrationId}`)).json._id, `${roles} migration`).toBe(migrationId);
      // Organization Owner only: the link tokens, the available projects, and everything a migration does,
      // reading a validation included (MongoDB documents getValidationStatus for Organization Owner).
      const ownerOnly = [
        ['POST', tokens(), { accessListIps: [] }, V1],
        ['DELETE', tokens(), undefined, V1],
        ['GET', `${atlasOrg()}/liveMigrations/availableProjects`, undefined, V1],
        ['GET', `${groups}/liveMigrations/validate/${validation.json._id}`, undefined, V1],
        ['POST', `${groups}/liveMigrations/validate`, migrationBody, V2024],
        ['POST', `${groups}/liveMigrations`, migrationBody, V2024],
        ['PUT', `${groups}/liveMigrations/${migrationId}/cutover`, undefined, V1],
      ] as const;
      for (const [method, path, body, accept] of ownerOnly) {
        expect(refused(await atlas(method, path, body, accept)), `${roles} ${method} ${path}`).toEqual([403, 'USER_UNAUTHORIZED']);
      }
    }
    expect(sim.migration(migrationId)?.status).toBe('WORKING');
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([linkToken]);
    sim.setRoles(ATLAS_KEY.publicKey, ['ORG_OWNER']);
    expect((await atlas('GET', `${groups}/liveMigrations/validate/${validation.json._id}`)).status).toBe(200);
    for (const roles of [['ORG_READ_ONLY'], ['ORG_MEMBER']]) {
      sim.setRoles(SOURCE_KEY.publicKey, roles);
      expect((await source('GET', sourceOrg())).status, `${roles} source org`).toBe(200);
      expect(refused(await source('GET', status())), `${roles} status`).toEqual([403, 'USER_UNAUTHORIZED']);
    }
  });

  it('404 comes before 403: a key without the role still learns nothing about another org', async () => {
    sim.setRoles(ATLAS_KEY.publicKey, ['ORG_READ_ONLY']).setRoles(SOURCE_KEY.publicKey, ['ORG_MEMBER']);
    // On its own org the same keys are refused these owner-only routes: the role check is live.
    expect((await atlas('DELETE', tokens())).status).toBe(403);
    expect((await source('GET', status())).status).toBe(403);
    for (const exists of [false, true]) {
      if (exists) sim.addAtlasOrg(OTHER_ORG).addSourceOrg(OTHER_ORG);
      for (const [method, body] of [
        ['POST', { accessListIps: [] }],
        ['DELETE', undefined],
      ] as const) {
        const res = await atlas(method, tokens(OTHER_ORG), body);
        expect([res.status, res.json.errorCode, res.json.detail], `${method} exists=${exists}`).toEqual([
          404,
          'RESOURCE_NOT_FOUND',
          `Cannot find resource organization ${OTHER_ORG}.`,
        ]);
      }
      const res = await source('GET', status(OTHER_ORG));
      expect([res.status, res.json.errorCode, res.json.detail], `status exists=${exists}`).toEqual([
        404,
        'ORG_NOT_FOUND',
        `No organization with ID ${OTHER_ORG} exists.`,
      ]);
    }
  });
});

describe('bodies', () => {
  it('unknown fields, wrong types and bad addresses: 400 VALIDATION_ERROR listing each field; nothing is created', async () => {
    const res = await atlas('POST', tokens(), { accessListIps: ['10.0.0.0/33', 7], extra: 1 });
    expect(res.status).toBe(400);
    expect(res.json.errorCode).toBe('VALIDATION_ERROR');
    expect(res.json.badRequestDetail.fields.map((f: { field: string }) => f.field)).toEqual(['extra', 'accessListIps[1]']);
    expect((await atlas('POST', tokens(), '{not json')).json.errorCode).toBe('INVALID_JSON');
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
  });
});

describe('links', () => {
  it('connect: NOT_SYNCED until the status was read syncAfterPolls times; setStatus pins any string', async () => {
    await start({ source: { syncAfterPolls: 2 } });
    const token = sim.issueToken(ATLAS_ORG_ID);
    expect((await source('POST', link(), { linkToken: token })).json).toEqual({ status: 'NOT_SYNCED' });
    expect((await source('GET', status())).json.status).toBe('NOT_SYNCED');
    expect((await source('GET', status())).json.status).toBe('SYNCED');
    expect(sim.linkOf(SOURCE_ORG_ID)).toEqual({ token, atlasOrgId: ATLAS_ORG_ID, status: 'SYNCED' });
    sim.setStatus(SOURCE_ORG_ID, 'PAUSED');
    expect((await source('GET', status())).json.status).toBe('PAUSED');
    expect((await source('POST', link(), { linkToken: 'bm90LWEtdG9rZW4=' })).json.errorCode).toBe('INVALID_LINK_TOKEN');
  });

  it('deleting the link tokens removes every token, breaks the links made with them and empties availableProjects', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.issueToken(ATLAS_ORG_ID);
    const available = `${atlasOrg()}/liveMigrations/availableProjects`;
    expect((await atlas('GET', available)).json).toHaveLength(1);
    expect((await atlas('DELETE', tokens())).status).toBe(204);
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
    expect(sim.linkOf(SOURCE_ORG_ID)?.status).toBe('NOT_SYNCED');
    expect((await source('GET', status())).json.status).toBe('NOT_SYNCED');
    expect((await atlas('GET', available)).json).toEqual([]);
  });

  it('409 on either delete during an active migration, flagged or real', async () => {
    await start({ atlas: { activeMigration: true }, source: { activeMigration: true } });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    expect((await atlas('DELETE', tokens())).json.errorCode).toBe('CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK');
    expect((await source('DELETE', link())).status).toBe(409);
    await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    expect((await atlas('DELETE', tokens())).status).toBe(409);
    expect((await source('DELETE', link())).status).toBe(409);
    expect(sim.migration(id)?.status).toBe('WORKING');
  });
});

describe('service accounts', () => {
  const basic = `Basic ${Buffer.from(`${SERVICE_ACCOUNT.clientId}:${SERVICE_ACCOUNT.clientSecret}`).toString('base64')}`;
  const form = { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: basic };
  const token = async () => {
    const res = await fetch(`${url}/api/oauth/token`, { method: 'POST', headers: form, body: 'grant_type=client_credentials' });
    return (await res.json()) as { access_token: string; expires_in: number; token_type: string };
  };

  it('a token from Basic credentials works as Bearer on Atlas, and not after revoke', async () => {
    const { access_token, token_type, expires_in } = await token();
    expect([token_type, expires_in]).toEqual(['Bearer', 3600]);
    expect((await api.call('GET', atlasOrg(), { bearer: access_token, accept: V1 })).status).toBe(200);
    const revoke = await fetch(`${url}/api/oauth/revoke`, {
      method: 'POST',
      headers: form,
      body: `token=${access_token}&token_type_hint=access_token`,
    });
    expect(revoke.status).toBe(200);
    const refused = await api.call('GET', atlasOrg(), { bearer: access_token, accept: V1 });
    expect([refused.status, refused.json.detail]).toEqual([401, 'Invalid, expired or revoked access token.']);
    expect(sim.accessTokens()).toEqual([
      expect.objectContaining({ token: access_token, clientId: SERVICE_ACCOUNT.clientId, revoked: true }),
    ]);
    const wrong = await fetch(`${url}/api/oauth/token`, {
      method: 'POST',
      headers: { ...form, Authorization: 'Basic eDp5' },
      body: 'grant_type=client_credentials',
    });
    expect([wrong.status, ((await wrong.json()) as { error: string }).error]).toEqual([401, 'invalid_client']);
  });

  it('a token expires after expires_in seconds on a clock shared with the test', async () => {
    let t = 1_000_000;
    await sim.close();
    sim = new Simulator({ clock: { now: () => t } });
    sim
      .addAtlasOrg(ATLAS_ORG_ID)
      .addServiceAccount(SERVICE_ACCOUNT.clientId, SERVICE_ACCOUNT.clientSecret, ATLAS_ORG_ID, undefined, { expiresInSeconds: 60 });
    url = await sim.listen();
    api = apiClient(url);
    const { access_token, expires_in } = await token();
    expect(expires_in).toBe(60);
    expect(sim.accessTokens()[0].expiresAt).toBe(t + 60_000);
    t += 59_999;
    expect((await api.call('GET', atlasOrg(), { bearer: access_token, accept: V1 })).status).toBe(200);
    t += 1;
    expect((await api.call('GET', atlasOrg(), { bearer: access_token, accept: V1 })).status).toBe(401);
  });

  it('Bearer is not accepted by the source side (digest only)', async () => {
    const { access_token } = await token();
    const res = await api.call('GET', sourceOrg(), { bearer: access_token, accept: JSON_TYPE });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Digest /);
  });
});

describe('fail() and respond()', () => {
  it('fail() answers before auth, the given number of times, on that route only', async () => {
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.fail('source.link.status', { kind: 'status', status: 503, headers: { 'Retry-After': '1' }, times: 2 });
    expect((await source('GET', sourceOrg())).status).toBe(200);
    const first = await fetch(url + status(), { headers: { Accept: JSON_TYPE } });
    expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([
      503,
      '1',
      { error: 503, errorCode: 'SIMULATED', detail: 'Simulated 503' },
    ]);
    expect((await source('GET', status())).status).toBe(503);
    expect((await source('GET', status())).status).toBe(200);
    expect(sim.requests({ route: 'source.link.status' }).map((r) => [r.status, r.injected ?? null])).toEqual([
      [503, 'status'],
      [503, 'status'],
      [401, null],
      [200, null],
    ]);
    expect(() => sim.fail('source.nope', { kind: 'reset' })).toThrow(/Unknown route/);
  });

  it('fail() kinds: html, malformed, empty, reset, hang', async () => {
    sim.fail('atlas.org', { kind: 'html' }).fail('atlas.org', { kind: 'malformed' }).fail('atlas.org', { kind: 'empty', status: 204 });
    const html = await fetch(url + atlasOrg());
    expect([html.status, html.headers.get('content-type'), (await html.text()).length]).toEqual([502, 'text/html', 136]);
    expect(await (await fetch(url + atlasOrg())).text()).toBe('{"status": "SYNC');
    expect((await fetch(url + atlasOrg())).status).toBe(204);
    sim.fail('atlas.org', { kind: 'reset' });
    await expect(fetch(url + atlasOrg())).rejects.toThrow();
    sim.fail('atlas.org', { kind: 'hang', ms: 300 });
    const started = Date.now();
    await expect(fetch(url + atlasOrg())).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(sim.requests().map((r) => r.status)).toEqual([502, 200, 204, -1, -2]);
  });

  it('drip sends the body a byte at a time: a given body, or the real answer', async () => {
    sim.fail('atlas.org', { kind: 'drip', status: 503, body: { error: 503 }, ms: 20 });
    let started = Date.now();
    const dripped = await fetch(url + atlasOrg());
    expect([dripped.status, await dripped.text()]).toEqual([503, '{"error":503}']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(13 * 20 - 20);
    sim.fail('source.org', { kind: 'drip', ms: 2, times: 2 });
    started = Date.now();
    const real = await source('GET', sourceOrg());
    expect([real.status, real.json.id]).toEqual([200, SOURCE_ORG_ID]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(real.text.length * 2);
  });

  it('respond() answers after auth, in place of the service, the given number of times', async () => {
    sim.respond('atlas.linkTokens.create', (request, real) => {
      const answer = real();
      expect(request.auth).toBe('digest');
      return { ...answer, body: { linkToken: [(answer.body as { linkToken: string }).linkToken] } };
    });
    sim.respond('atlas.org', { status: 200, raw: '{"id": 1, "id": 2}', contentType: 'application/json' }, 2);
    const wrapped = await atlas('POST', tokens(), { accessListIps: [] });
    expect([wrapped.status, wrapped.json.linkToken]).toEqual([201, sim.tokensOf(ATLAS_ORG_ID)]);
    expect((await atlas('POST', tokens(), { accessListIps: [] })).json.linkToken).toEqual(expect.any(String));
    expect((await atlas('GET', atlasOrg())).text).toBe('{"id": 1, "id": 2}');
    expect((await atlas('GET', atlasOrg())).text).toBe('{"id": 1, "id": 2}');
    expect((await atlas('GET', atlasOrg())).json.id).toBe(ATLAS_ORG_ID);
    expect(sim.requests().map((r) => `${r.status} ${r.injected ?? '-'}`)).toEqual([
      '401 -',
      '201 respond',
      '401 -',
      '201 -',
      '401 -',
      '200 respond',
      '401 -',
      '200 respond',
      '401 -',
      '200 -',
    ]);
    sim.respond('atlas.org', () => {
      throw new Error('a bug in a respond() function');
    });
    const broken = await atlas('GET', atlasOrg());
    expect([broken.status, broken.json.detail]).toEqual([500, expect.stringContaining('a bug in a respond() function')]);
    expect(sim.requests().at(-1)?.status).toBe(500);
  });
});

describe('requests()', () => {
  it('filters by side, method, route and path part, hands out frozen copies, and clears', async () => {
    await atlas('GET', atlasOrg());
    await source('GET', sourceOrg());
    expect(sim.count('atlas')).toBe(2);
    expect(sim.count('source', 'GET', '/orgs/')).toBe(2);
    expect(sim.requests({ route: 'source.org', method: 'GET' }).map((r) => r.seq)).toEqual([3, 4]);
    const [first] = sim.requests();
    expect(Object.isFrozen(first)).toBe(true);
    expect(first.clock).toBe(sim.now());
    sim.clearRequests();
    expect(sim.requests()).toEqual([]);
  });
});
