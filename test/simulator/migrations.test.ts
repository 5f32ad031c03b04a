// Push live migrations in the simulator: the lifecycle by polls and by simulated time, the
// 120-hour cutover window, the strict bodies of both API versions, and the refusals modelled
// conservatively. Driven over HTTP with an independent digest client.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiClient, atlasMedia } from '../harness/api-client.js';
import {
  ATLAS_CLUSTER_NAME,
  ATLAS_KEY,
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  standardSimulator,
} from './fixture.js';
import { CUTOVER_WINDOW_MS, type Simulator } from './index.js';

const V2023 = atlasMedia('2023-01-01');
const V2024 = atlasMedia('2024-05-30');
const base = `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations`;
const HOUR = 3600_000;

let sim: Simulator;
let api: ReturnType<typeof apiClient>;

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  await sim?.close();
  sim = standardSimulator(options);
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  api = apiClient(await sim.listen());
}
beforeEach(() => start());
afterEach(() => sim.close());

const request = (overrides: Record<string, unknown> = {}) => ({
  source: { clusterName: SOURCE_PROJECT.clusterName, groupId: SOURCE_PROJECT.id, managedAuthentication: true, ssl: true },
  destination: { clusterName: ATLAS_CLUSTER_NAME, groupId: ATLAS_PROJECT_ID, hostnameSchemaType: 'PUBLIC' },
  migrationHosts: [SOURCE_PROJECT.migrationHost],
  ...overrides,
});
const call = (method: string, path: string, body?: unknown, accept = V2023) => api.call(method, path, { key: ATLAS_KEY, accept, body });
const validate = (body: unknown = request(), accept = V2024) => call('POST', `${base}/validate`, body, accept);
const validation = (id: string) => call('GET', `${base}/validate/${id}`);
const create = (body: unknown = request(), accept = V2024) => call('POST', base, body, accept);
const describeMigration = async (id: string) => (await call('GET', `${base}/${id}`)).json;
const cutover = (id: string) => call('PUT', `${base}/${id}/cutover`);
const shape = (m: { status: string; readyForCutover: boolean; lagTimeSeconds?: number }) => [m.status, m.readyForCutover, m.lagTimeSeconds];

/** Validates and polls once, so that create is allowed. */
async function validated() {
  const { json } = await validate();
  expect((await validation(json._id)).json.status).toBe('SUCCESS');
}

describe('validation', () => {
  it('PENDING, then SUCCESS on the first poll; the body names both projects; 2024-05-30 is the media type', async () => {
    const res = await validate();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(V2024);
    expect(res.json).toEqual({
      _id: expect.stringMatching(/^[a-f0-9]{24}$/),
      status: 'PENDING',
      errorMessage: null,
      groupId: ATLAS_PROJECT_ID,
      sourceGroupId: SOURCE_PROJECT.id,
    });
    expect((await validation(res.json._id)).json.status).toBe('SUCCESS');
    expect(sim.validation(res.json._id)).toMatchObject({ status: 'SUCCESS', polls: 1 });
  });

  it('settles after 30 s of simulated time without polls', async () => {
    const { json } = await validate();
    sim.advance(29_999);
    expect(sim.validation(json._id)?.status).toBe('PENDING');
    sim.advance(1);
    expect(sim.validation(json._id)?.status).toBe('SUCCESS');
  });

  it('FAILS with a message for a source not available, a wrong deployment or host, a destination cluster that does not exist', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { source: { ...request().source, groupId: 'dddddddddddddddddddddddd' } },
        /Source project dddddddddddddddddddddddd is not available/,
      ],
      [{ source: { ...request().source, clusterName: 'rs9' } }, /Source deployment rs9 is not a deployment/],
      [{ migrationHosts: ['mh-9.example.net'] }, /Migration host mh-9.example.net is not a migration host/],
      [{ destination: { ...request().destination, clusterName: 'nope' } }, /Destination cluster nope does not exist/],
    ];
    for (const [overrides, message] of cases) {
      const { json } = await validate(request(overrides));
      const done = (await validation(json._id)).json;
      expect(done.status).toBe('FAILED');
      expect(done.errorMessage).toMatch(message);
    }
  });

  it('FAILS when no source org is linked SYNCED (no available projects), and with the plan’s message', async () => {
    sim.setStatus(SOURCE_ORG_ID, 'NOT_SYNCED');
    expect((await validation((await validate()).json._id)).json.errorMessage).toMatch(/is not available/);
    sim.setStatus(SOURCE_ORG_ID, 'SYNCED');
    sim.migrationPlan({ validationFails: 'Source cluster unreachable from the migration host.' });
    expect((await validation((await validate()).json._id)).json).toMatchObject({
      status: 'FAILED',
      errorMessage: 'Source cluster unreachable from the migration host.',
    });
  });

  it('reads hostile available projects without crashing', async () => {
    await start({ atlas: { availableProjects: [null, 7, { projectId: SOURCE_PROJECT.id, deployments: 'rs0', migrationHosts: {} }] } });
    const done = (await validation((await validate()).json._id)).json;
    expect([done.status, done.errorMessage]).toEqual(['FAILED', expect.stringMatching(/Source deployment rs0/)]);
  });
});

describe('bodies (strict, per version)', () => {
  const fields = async (body: unknown, accept = V2024) => {
    const res = await validate(body, accept);
    expect([res.status, res.json.errorCode]).toEqual([400, 'VALIDATION_ERROR']);
    return res.json.badRequestDetail.fields.map((f: { field: string }) => f.field);
  };

  it('refuses unknown fields, wrong types and the cross-field rules', async () => {
    expect(await fields(request({ extra: true, source: { ...request().source, ssl: 'yes', port: 27017 } }))).toEqual([
      'extra',
      'source.port',
      'source.ssl',
    ]);
    expect(await fields(request({ source: { ...request().source, username: 'u', password: 'p' } }))).toEqual([
      'source.managedAuthentication',
    ]);
    expect(await fields(request({ destination: { ...request().destination, hostnameSchemaType: 'PRIVATE_LINK' } }))).toEqual([
      'destination.privateLinkId',
    ]);
    expect(await fields(request({ destination: { ...request().destination, hostnameSchemaType: 'VPN' } }))).toEqual([
      'destination.hostnameSchemaType',
    ]);
    expect(await fields(request({ migrationHosts: ['a', 'b'] }))).toEqual(['migrationHosts']);
    expect(await fields(request({ destination: { ...request().destination, groupId: 'eeeeeeeeeeeeeeeeeeeeeeee' } }))).toEqual([
      'destination.groupId',
    ]);
    expect(
      await fields(
        request({
          sharding: { createSupportingIndexes: true, shardingEntries: [{ database: 'd', collection: 'c', shardCollection: { key: [1] } }] },
        }),
      ),
    ).toEqual(['sharding.shardingEntries[0].shardCollection.key[0]']);
  });

  it('2023-01-01 requires dropEnabled and knows no dropDestinationData; 2024-05-30 the reverse', async () => {
    expect(await fields(request(), V2023)).toEqual(['dropEnabled']);
    expect(await fields(request({ dropEnabled: false, dropDestinationData: true }), V2023)).toEqual(['dropDestinationData']);
    expect(await fields(request({ dropEnabled: false }))).toEqual(['dropEnabled']);
    expect((await validate(request({ dropEnabled: true }), V2023)).status).toBe(200);
    expect((await validate(request({ dropDestinationData: true }))).status).toBe(200);
  });

  it('describe, validation status and cutover publish only 2023-01-01', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    const validationId = (await validate()).json._id;
    for (const [method, path] of [
      ['GET', `${base}/${id}`],
      ['GET', `${base}/validate/${validationId}`],
      ['PUT', `${base}/${id}/cutover`],
    ]) {
      const res = await call(method, path, undefined, V2024);
      expect([res.status, res.json.errorCode], `${method} ${path}`).toEqual([406, 'INVALID_VERSION_DATE']);
    }
    expect(sim.validation(validationId)).toMatchObject({ status: 'PENDING', polls: 0 });
    expect((await validation(validationId)).status).toBe(200);
  });
});

describe('migration lifecycle', () => {
  it('by polls: NEW → WORKING (lag 120, 30) → ready (lag 2) → cutover 202, 202 again → COMPLETE', async () => {
    await validated();
    const created = await create();
    expect(created.status).toBe(201);
    expect(created.json).toEqual({
      _id: expect.stringMatching(/^[a-f0-9]{24}$/),
      status: 'NEW',
      readyForCutover: false,
      migrationHosts: [SOURCE_PROJECT.migrationHost],
    });
    const id = created.json._id;
    expect(shape(await describeMigration(id))).toEqual(['WORKING', false, 120]);
    expect(shape(await describeMigration(id))).toEqual(['WORKING', false, 30]);
    expect(shape(await describeMigration(id))).toEqual(['WORKING', true, 2]);
    expect([(await cutover(id)).status, (await cutover(id)).status]).toEqual([202, 202]);
    expect(sim.migration(id)).toMatchObject({ status: 'WORKING', readyForCutover: false, cutoverAt: sim.now() });
    expect(sim.migration(id)).not.toHaveProperty('lagTimeSeconds');
    expect(shape(await describeMigration(id))).toEqual(['COMPLETE', false, undefined]);
  });

  it('by simulated time: 30 s to WORKING, 5 min to ready, 60 s after cutover to COMPLETE', async () => {
    await validated();
    const id = (await create()).json._id;
    sim.advance(30_000);
    expect(sim.migration(id)).toMatchObject({ status: 'WORKING', readyForCutover: false, lagTimeSeconds: 120 });
    sim.advance(5 * 60_000 - 1);
    expect(sim.migration(id)?.readyForCutover).toBe(false);
    sim.advance(1);
    expect(sim.migration(id)).toMatchObject({ status: 'WORKING', readyForCutover: true, lagTimeSeconds: 2, readyAt: sim.now() });
    expect((await cutover(id)).status).toBe(202);
    sim.advance(60_000);
    expect(shape(await describeMigration(id))).toEqual(['COMPLETE', false, undefined]);
  });

  it('EXPIRES 120 hours after readiness without a cutover; cutover is then refused', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true, readyAt: sim.now() - 119 * HOUR });
    expect(shape(await describeMigration(id))).toEqual(['WORKING', true, 2]);
    sim.advance(HOUR - 1);
    expect(sim.migration(id)?.status).toBe('WORKING');
    sim.advance(1);
    expect(CUTOVER_WINDOW_MS).toBe(120 * HOUR);
    expect(shape(await describeMigration(id))).toEqual(['EXPIRED', false, undefined]);
    expect((await cutover(id)).json.errorCode).toBe('LIVE_MIGRATION_NOT_READY_FOR_CUTOVER');
  });

  it('one long advance() walks every step: created now, expired 120 h after readiness', async () => {
    await validated();
    const id = (await create()).json._id;
    sim.advance(30_000 + 5 * 60_000 + 120 * HOUR);
    expect(sim.migration(id)).toMatchObject({ status: 'EXPIRED', readyForCutover: false, readyAt: sim.now() - 120 * HOUR });
  });

  it('FAILED after the plan’s polls, with its message in the snapshot', async () => {
    sim.migrationPlan({ failAfterPolls: 2, failMessage: 'Oplog rolled over.' });
    await validated();
    const id = (await create()).json._id;
    expect((await describeMigration(id)).status).toBe('WORKING');
    expect(shape(await describeMigration(id))).toEqual(['FAILED', false, undefined]);
    expect(sim.migration(id)?.failMessage).toBe('Oplog rolled over.');
  });

  it('follows the plan: slower steps and a custom lag sequence', async () => {
    sim.migrationPlan({ workingAfterPolls: 2, readyAfterPolls: 1, lagSeconds: [50, 5] });
    await validated();
    const id = (await create()).json._id;
    expect((await describeMigration(id)).status).toBe('NEW');
    expect(shape(await describeMigration(id))).toEqual(['WORKING', false, 50]);
    expect(shape(await describeMigration(id))).toEqual(['WORKING', true, 5]);
  });
});

describe('refusals modelled conservatively', () => {
  it('create without a successful validation: 400 LIVE_MIGRATION_VALIDATION_REQUIRED (also while PENDING)', async () => {
    expect((await create()).json.errorCode).toBe('LIVE_MIGRATION_VALIDATION_REQUIRED');
    await validate();
    expect((await create()).json.errorCode).toBe('LIVE_MIGRATION_VALIDATION_REQUIRED');
    sim.advance(30_000);
    expect((await create()).status).toBe(201);
  });

  it('a second migration into the same cluster while one runs: 409 LIVE_MIGRATION_IN_PROGRESS; allowed once it ended', async () => {
    sim.addMigration(ATLAS_PROJECT_ID, { status: 'COMPLETE' });
    await validated();
    const first = (await create()).json._id;
    const second = await create();
    expect([second.status, second.json.errorCode]).toEqual([409, 'LIVE_MIGRATION_IN_PROGRESS']);
    sim.advance(30_000 + 5 * 60_000);
    expect((await cutover(first)).status).toBe(202);
    sim.advance(60_000);
    expect((await create()).status).toBe(201);
  });

  it('cutover of a migration that is not ready: 409 LIVE_MIGRATION_NOT_READY_FOR_CUTOVER', async () => {
    for (const status of ['NEW', 'WORKING', 'FAILED', 'COMPLETE'] as const) {
      const id = sim.addMigration(ATLAS_PROJECT_ID, { status });
      const res = await cutover(id);
      expect([res.status, res.json.errorCode]).toEqual([409, 'LIVE_MIGRATION_NOT_READY_FOR_CUTOVER']);
    }
  });

  it('a migration or validation of another project is not found in this one', async () => {
    const otherProject = 'abababababababababababab';
    sim.addAtlasProject(otherProject, { orgId: ATLAS_ORG_ID, clusters: [ATLAS_CLUSTER_NAME] });
    const id = sim.addMigration(otherProject, { status: 'NEW' });
    const res = await call('GET', `${base}/${id}`);
    expect([res.status, res.json.errorCode]).toEqual([404, 'RESOURCE_NOT_FOUND']);
    expect((await call('GET', `/api/atlas/v2/groups/${otherProject}/liveMigrations/${id}`)).json._id).toBe(id);
    const validationId = (await validate()).json._id;
    const elsewhere = await call('GET', `/api/atlas/v2/groups/${otherProject}/liveMigrations/validate/${validationId}`);
    expect([elsewhere.status, elsewhere.json.detail]).toEqual([404, `Cannot find resource live migration ${validationId}.`]);
  });
});
