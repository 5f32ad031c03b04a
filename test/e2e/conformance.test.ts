// Issue 18 through the bundle: answers read as MongoDB specifies them and distrusted as a
// stranger's, names as MongoDB allows them, the sharding input, and the destination's size.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import {
  ATLAS_CLUSTER_NAME,
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  AVAILABLE_PROJECTS,
  linkInputs,
  migrationInputs,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  standardSimulator,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction } from '../helpers/run-action.js';

const OTHER_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';
const SHARDING = {
  createSupportingIndexes: true,
  shardingEntries: [{ database: 'shop', collection: 'orders', shardCollection: { key: [{ customerId: 1 }, { _id: 'hashed' }] } }],
};

let sim: Simulator;
let url: string;
async function start(options: Parameters<typeof standardSimulator>[0] = {}) {
  sim = standardSimulator({ plan: { validationAfterPolls: 0 }, ...options });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  url = await sim.listen();
}
beforeEach(() => start());
afterEach(() => closeChecked(sim));

const migrate = (extra: Record<string, string> = {}) => runAction(sim, migrationInputs(url, { command: 'migrate', ...extra }));
const creates = () => sim.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none');

describe('a create answer is read as MongoDB specifies it', () => {
  it('{ _id, status: null } is a migration that exists: migration-id, a started report, changed', async () => {
    sim.respond('atlas.migrations.create', (_req, real) => {
      const answer = real();
      return { ...answer, body: { _id: (answer.body as { _id: string })._id, status: null } };
    });
    const r = await migrate();
    expect(r.code, r.errors.map((e) => e.message).join()).toBe(0);
    expect(r.outputs['migration-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(r.outputs.changed).toBe('true');
    expect(r.outputs['migration-status']).toBeUndefined();
    expect(r.summary).toContain(`Started migration ${r.outputs['migration-id']}`);
    expect(r.summary).toContain('not given');
  });

  // Finding 7: any answer that may follow the create's arrival means a migration may exist.
  const unreadable: Array<[string, { status: number; body?: unknown; raw?: string; contentType?: string }]> = [
    ['201 with an _id that is not 24 hex digits', { status: 201, body: { _id: 'mig-42', status: 'NEW' } }],
    ['201 with an empty body', { status: 201, raw: '' }],
    ['201 with text/html', { status: 201, raw: '<html><body>Created</body></html>', contentType: 'text/html' }],
    ['201 with JSON that is not an object', { status: 201, body: ['NEW'] }],
    ['500 whose field is an object', { status: 500, body: { error: 500, badRequestDetail: { fields: [{ field: { x: 1 } }] } } }],
  ];
  for (const [what, reply] of unreadable) {
    it(`${what}: "may have started", changed, never "Nothing was started"`, async () => {
      sim.respond('atlas.migrations.create', reply);
      const r = await migrate();
      expect(r.code).toBe(1);
      expect(creates()).toHaveLength(1);
      expect(r.summary).toContain('Atlas may have started the migration');
      expect(r.summary).not.toContain('Nothing was started');
      expect(r.outputs.changed).toBe('true');
      if (what.includes('not 24 hex')) expect(r.errors[0].message).toContain('"mig-42"');
    });
  }
});

describe('answers about another id are refused (finding 10)', () => {
  it('a describe answer about another migration never leads to the cutover PUT', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    sim.respond('atlas.migrations.describe', (_req, real) => ({ ...real(), body: { ...(real().body as object), _id: OTHER_ID } }));
    const r = await runAction(sim, migrationInputs(url, { command: 'cutover', 'migration-id': id }));
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toContain(`asked for migration ${id}, the answer is about migration ${OTHER_ID}`);
    expect(sim.requests({ route: 'atlas.migrations.cutover' })).toHaveLength(0);
  });

  it('a validation answer about another id with SUCCESS never leads to the create', async () => {
    sim.migrationPlan({ validationAfterPolls: 1 });
    sim.respond('atlas.migrations.validation', { status: 200, body: { _id: OTHER_ID, status: 'SUCCESS' } });
    const r = await migrate();
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toContain(`the answer is about validation ${OTHER_ID}`);
    expect(creates()).toHaveLength(0);
    expect(r.outputs.changed).toBe('false');
  });

  it('a null validation status is shown as not given and waited on, never a crash', async () => {
    sim.migrationPlan({ validationAfterPolls: 1 });
    sim.respond('atlas.migrations.validate', (_req, real) => ({ ...real(), body: { ...(real().body as object), status: null } }));
    const r = await runAction(sim, migrationInputs(url, { command: 'validate' }));
    expect(r.code, r.errors.map((e) => e.message).join()).toBe(0);
    expect(r.lines.some((l) => /^Started validation [0-9a-f]{24}: not given\.$/.test(l))).toBe(true);
    expect(r.outputs['validation-status']).toBe('SUCCESS');
  });
});

describe('names as MongoDB allows them', () => {
  const NAME = 'Project X sharded cluster';
  const projects = () => [
    { ...AVAILABLE_PROJECTS[0], deployments: [{ ...AVAILABLE_PROJECTS[0].deployments[0], name: NAME }], migrationHosts: ['agent host 7'] },
  ];

  // migration-host as an input is a host name; one Atlas lists is taken as listed (filled in).
  it(`a deployment named "${NAME}" and a migration host "agent host 7" as Atlas lists it validate and migrate`, async () => {
    await sim.close();
    await start({ atlas: { availableProjects: projects() } });
    const r = await migrate({ 'source-cluster-name': NAME, 'migration-host': '' });
    expect(r.code, r.errors.map((e) => e.message).join()).toBe(0);
    expect(r.outputs['migration-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(JSON.parse(creates()[0].body)).toMatchObject({ source: { clusterName: NAME }, migrationHosts: ['agent host 7'] });
    expect(r.summary).toContain(NAME);
  });

  it('the deployments output lists it, with the sizing fields', async () => {
    await sim.close();
    await start({ atlas: { availableProjects: projects() } });
    const r = await runAction(sim, linkInputs(url, url, { command: 'status' }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.deployments)).toEqual([
      {
        'source-project-id': SOURCE_PROJECT.id,
        'source-project-name': SOURCE_PROJECT.name,
        'source-cluster-name': NAME,
        'migration-host': 'agent host 7',
        'mongodb-version': '7.0.14',
        sharded: false,
        tls: true,
        'db-size-bytes': 12_884_901_888,
        'oplog-size-mb': 990,
        'agent-version': '13.22.0.9175-1',
        fcv: '7.0',
      },
    ]);
  });

  it('more deployments than a matrix holds (300): a warning', async () => {
    const many = Array.from({ length: 300 }, (_, i) => ({ ...AVAILABLE_PROJECTS[0].deployments[0], name: `rs${i}` }));
    await sim.close();
    await start({ atlas: { availableProjects: [{ ...AVAILABLE_PROJECTS[0], deployments: many }] } });
    const r = await runAction(sim, linkInputs(url, url, { command: 'status' }));
    expect(r.code).toBe(0);
    expect(JSON.parse(r.outputs.deployments)).toHaveLength(300);
    expect(r.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining('lists 300 deployments; a GitHub Actions matrix takes at most 256'),
    );
  });
});

describe('sharding', () => {
  it('reaches the validate and create bodies', async () => {
    const r = await migrate({ sharding: JSON.stringify(SHARDING) });
    expect(r.code, r.errors.map((e) => e.message).join()).toBe(0);
    const validate = sim.requests({ route: 'atlas.migrations.validate' }).find((q) => q.auth !== 'none');
    expect(JSON.parse(validate?.body ?? '{}').sharding).toEqual(SHARDING);
    expect(JSON.parse(creates()[0].body).sharding).toEqual(SHARDING);
  });

  const malformed: Array<[string, string, RegExp]> = [
    ['not JSON', '{createSupportingIndexes: true', /not JSON/],
    ['no createSupportingIndexes', JSON.stringify({ shardingEntries: [] }), /createSupportingIndexes: expected true or false/],
    [
      'a key field of -1',
      JSON.stringify({ ...SHARDING, shardingEntries: [{ database: 'd', collection: 'c', shardCollection: { key: [{ a: -1 }] } }] }),
      /shardingEntries\[0\]\.shardCollection\.key\[0\]: expected one field whose value is 1 or "hashed"/,
    ],
    ['an unknown field', JSON.stringify({ ...SHARDING, zones: [] }), /zones: not a field MongoDB takes here/],
  ];
  for (const [what, value, message] of malformed) {
    it(`${what}: a clear error naming the field, and zero requests`, async () => {
      const r = await migrate({ sharding: value });
      expect(r.code).toBe(1);
      expect(r.errors.map((e) => e.message).join('\n')).toMatch(/Input 'sharding'/);
      expect(r.errors.map((e) => e.message).join('\n')).toMatch(message);
      expect(sim.requests()).toEqual([]);
    });
  }

  it('refused for a sharded source, before any validation', async () => {
    await sim.close();
    await start({
      atlas: {
        availableProjects: [{ ...AVAILABLE_PROJECTS[0], deployments: [{ ...AVAILABLE_PROJECTS[0].deployments[0], sharded: true }] }],
      },
    });
    const r = await migrate({ sharding: JSON.stringify(SHARDING) });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toMatch(/^Input 'sharding': deployment rs0 is a sharded cluster/);
    expect(sim.requests({ route: 'atlas.migrations.validate' })).toHaveLength(0);
  });
});

describe('the destination cluster', () => {
  it('smaller than the source data: warned about before the create, with both versions reported', async () => {
    await sim.close();
    sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
    sim.addAtlasProject(ATLAS_PROJECT_ID, {
      orgId: ATLAS_ORG_ID,
      clusters: [ATLAS_CLUSTER_NAME],
      clusterSpecs: { [ATLAS_CLUSTER_NAME]: { diskSizeGB: 10, mongoDBVersion: '8.0.4' } },
    });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    url = await sim.listen();
    const r = await migrate();
    expect(r.code, r.errors.map((e) => e.message).join()).toBe(0);
    const warning = r.lines.findIndex((l) => l.startsWith('::warning') && l.includes('Destination smaller than the source'));
    const created = r.lines.findIndex((l) => l.startsWith('::notice') && l.includes('Started live migration'));
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(created);
    expect(r.lines[warning]).toContain('has 10 GB of disk, less than the 12 GB of data in deployment rs0');
    expect(r.summary).toContain(
      'destination target-cluster: MongoDB 8.0.4, 10 GB disk; source rs0: MongoDB 7.0.14, 12 GB data, 990 MB oplog',
    );
  });

  it('a destination cluster that does not exist: refused, naming atlas-cluster-name, nothing validated', async () => {
    const r = await migrate({ 'atlas-cluster-name': 'no-such-cluster' });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toMatch(/^Input 'atlas-cluster-name': Atlas project [0-9a-f]{24} has no cluster named no-such-cluster/);
    expect(sim.requests({ route: 'atlas.migrations.validate' })).toHaveLength(0);
  });
});
