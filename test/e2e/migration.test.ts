// The migration commands (validate, migrate, migration-status, cutover) through the bundle, as
// the runner runs them, against the simulator. Validations and migrations are decided at once
// (validationAfterPolls: 0, migrations arranged in the state a test needs) so that nothing waits
// for real, except one test that shows the validation wait polling after about 2 s. The waits
// themselves are in test/in-process/migration-waits.test.ts, with a fake clock.
//
// Each success asserts the exact requests it made: every one is a round trip, made in order.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import {
  ATLAS_CLUSTER_NAME,
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  linkInputs,
  migrationInputs,
  SOURCE_ORG_ID,
  SOURCE_PROJECT,
  standardSimulator,
} from '../simulator/fixture.js';
import { CUTOVER_WINDOW_MS, type Simulator } from '../simulator/index.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

const V2023 = 'application/vnd.atlas.2023-01-01+json';
const V2024 = 'application/vnd.atlas.2024-05-30+json';
/** Validations decided on the POST itself: no poll, no real wait. */
const AT_ONCE = { validationAfterPolls: 0 };
const OTHER_ID = 'aaaaaaaaaaaaaaaaaaaaaaaa';

let sim: Simulator;
let url: string;
beforeEach(async () => {
  sim = standardSimulator({ plan: AT_ONCE });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  url = await sim.listen();
});
afterEach(() => closeChecked(sim));

/** Requests in order; a digest challenge shows as its path, and says so if it carried a body (it must not). */
const sequence = () =>
  sim
    .requests()
    .map((r) =>
      r.auth === 'none'
        ? `challenge: ${r.method} ${r.path.replace(/^\/api\/atlas\/v2/, '')} ${r.status}${r.body ? ' WITH A BODY' : ''}`
        : `${r.method} ${r.route} ${r.status}`,
    );
/**
 * What validate and migrate read before the first body: the source's size from the projects Atlas
 * lists (its GET brings the digest challenge: a GET MongoDB defines), then the destination cluster.
 */
const BEFORE_VALIDATE = [
  `challenge: GET /orgs/${ATLAS_ORG_ID}/liveMigrations/availableProjects 401`,
  'GET atlas.availableProjects 200',
  'GET atlas.cluster 200',
];
const challengeDescribe = (id: string) => `challenge: GET /groups/${ATLAS_PROJECT_ID}/liveMigrations/${id} 401`;
/** The body of the one authenticated request of `route` (the digest challenge before it is sent unauthenticated). */
function bodyOf(route: string): unknown {
  const sent = sim.requests({ route }).filter((r) => r.auth !== 'none');
  expect(sent).toHaveLength(1);
  return JSON.parse(sent[0].body);
}
/** Text the summary renderer escaped (quotes, underscores, angle brackets and the like as &#NN;), unescaped. */
const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
const summaryText = (run: ActionRun) => unescape(run.summary);
/** One row of the summary's facts table. */
function fact(run: ActionRun, item: string): string | undefined {
  const value = run.summary.match(new RegExp(`<tr><td>${item}</td><td>([^<]*)</td></tr>`))?.[1];
  return value === undefined ? undefined : unescape(value);
}
/** The items of the summary's Next list. */
const nextSteps = (run: ActionRun) =>
  [...(run.summary.split('<h3>Next</h3>')[1] ?? '').matchAll(/<li>([^<]*)<\/li>/g)].map((m) => unescape(m[1]));
const run = (inputs: Record<string, string>, secrets?: string[]) => runAction(sim, migrationInputs(url, inputs), { secrets });

/** The body of validate and create, version 2024-05-30, for the fixture's deployment. */
const expectedBody = (overrides: { source?: object; destination?: object; dropDestinationData?: boolean } = {}) => ({
  source: {
    clusterName: SOURCE_PROJECT.clusterName,
    groupId: SOURCE_PROJECT.id,
    managedAuthentication: true,
    ssl: true,
    ...overrides.source,
  },
  destination: { clusterName: ATLAS_CLUSTER_NAME, groupId: ATLAS_PROJECT_ID, hostnameSchemaType: 'PUBLIC', ...overrides.destination },
  migrationHosts: [SOURCE_PROJECT.migrationHost],
  dropDestinationData: overrides.dropDestinationData ?? false,
});

const ready = () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });

describe('validate', () => {
  it('validates the given deployment: outputs, summary, the 2024-05-30 body; the source and destination read first', async () => {
    const r = await run({ command: 'validate' });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    const id = r.outputs['validation-id'];
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    expect(r.outputs).toEqual({ 'validation-id': id, 'validation-status': 'SUCCESS', changed: 'false' });
    expect(sim.validation(id)?.status).toBe('SUCCESS');

    // The digest challenge is the first GET: the body never goes out without credentials.
    expect(sequence()).toEqual([...BEFORE_VALIDATE, 'POST atlas.migrations.validate 200']);
    const post = sim.requests({ route: 'atlas.migrations.validate' })[0];
    expect(post.headers.accept).toBe(V2024);
    expect(post.headers['content-type']).toBe(V2024);
    expect(JSON.parse(post.body)).toEqual(expectedBody());

    expect(summaryText(r)).toContain(`<p>✅ Validation ${id} succeeded: deployment rs0 can be migrated to ${ATLAS_CLUSTER_NAME}.</p>`);
    expect(fact(r, 'Validation')).toBe(`${id}: SUCCESS`);
    expect(fact(r, 'Source project')).toBe(SOURCE_PROJECT.id);
    expect(fact(r, 'Source deployment')).toBe(SOURCE_PROJECT.clusterName);
    expect(fact(r, 'Destination cluster')).toBe(ATLAS_CLUSTER_NAME);
    expect(nextSteps(r)).toEqual(['Start the migration: run the migrate action with the same inputs (it validates again first).']);
  });

  it('waits for the result in real time: the first poll of the validation comes about 2 s after the POST', async () => {
    sim.migrationPlan({ validationAfterPolls: 1 });
    const r = await run({ command: 'validate' });
    expect(r.code).toBe(0);
    expect(r.outputs['validation-status']).toBe('SUCCESS');
    expect(r.lines).toContain(`Started validation ${r.outputs['validation-id']}: PENDING.`);
    expect(r.lines.filter((l) => /^Waiting for the validation result: poll 1 after 2\.\d s: SUCCESS\.$/.test(l))).toHaveLength(1);
    expect(sequence()).toEqual([...BEFORE_VALIDATE, 'POST atlas.migrations.validate 200', 'GET atlas.migrations.validation 200']);
    const [, , , post, poll] = sim.requests();
    expect(poll.path).toBe(`/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations/validate/${r.outputs['validation-id']}`);
    expect(poll.headers.accept).toBe(V2023);
    expect(poll.at - post.at).toBeGreaterThanOrEqual(2000);
    expect(poll.at - post.at).toBeLessThan(6000);
  });

  it('fills source-project-id, source-cluster-name and migration-host from the one deployment Atlas lists, and says so', async () => {
    const r = await run({ command: 'validate', 'source-project-id': '', 'source-cluster-name': '', 'migration-host': '' });
    expect(r.code).toBe(0);
    const filled = `source-project-id=${SOURCE_PROJECT.id}, source-cluster-name=rs0, migration-host=${SOURCE_PROJECT.migrationHost}`;
    expect(r.notices).toContainEqual({
      message: `Filled in from the projects Atlas organization ${ATLAS_ORG_ID} lists: ${filled}.`,
      properties: { title: 'Inputs filled in' },
    });
    expect(fact(r, 'Filled in from Atlas')).toBe(filled);
    expect(bodyOf('atlas.migrations.validate')).toEqual(expectedBody());
    // challenge + list + the destination cluster + POST (the list read to fill in also gives the source's size)
    expect(sequence()).toEqual([
      `challenge: GET /orgs/${ATLAS_ORG_ID}/liveMigrations/availableProjects 401`,
      'GET atlas.availableProjects 200',
      'GET atlas.cluster 200',
      'POST atlas.migrations.validate 200',
    ]);
  });

  describe('refuses to guess, naming the input, when the projects Atlas lists leave a choice', () => {
    const host2 = 'mh-2.example.net';
    const deployment = (name: string) => ({ name, mongoDBVersion: '7.0.14', sharded: false, tlsEnabled: true });
    const project = (id: string, name: string, deployments: string[], hosts: string[]) => ({
      projectId: id,
      name,
      deployments: deployments.map(deployment),
      migrationHosts: hosts,
    });
    const cases: Array<{ what: string; projects: unknown[]; blank: Record<string, string>; input: string; says: string[] }> = [
      {
        what: 'two projects',
        projects: [
          project(SOURCE_PROJECT.id, 'orders', ['rs0'], [SOURCE_PROJECT.migrationHost]),
          project('65f000000000000000000002', 'billing', ['rs0'], [host2]),
        ],
        blank: { 'source-project-id': '' },
        input: 'source-project-id',
        says: ['2 projects could be meant: orders (65f000000000000000000001), billing (65f000000000000000000002)'],
      },
      {
        what: 'two deployments in the project',
        projects: [project(SOURCE_PROJECT.id, 'orders', ['rs0', 'rs1'], [SOURCE_PROJECT.migrationHost])],
        blank: { 'source-cluster-name': '' },
        input: 'source-cluster-name',
        says: [`project ${SOURCE_PROJECT.id} has 2 deployments (rs0, rs1); name one`],
      },
      {
        what: 'two migration hosts',
        projects: [project(SOURCE_PROJECT.id, 'orders', ['rs0'], [SOURCE_PROJECT.migrationHost, host2])],
        blank: { 'migration-host': '' },
        input: 'migration-host',
        says: [`project ${SOURCE_PROJECT.id} has 2 migration hosts (${SOURCE_PROJECT.migrationHost}, ${host2}); name one`],
      },
    ];
    for (const c of cases) {
      it(c.what, async () => {
        sim.addAtlasOrg(ATLAS_ORG_ID, { availableProjects: c.projects });
        const r = await run({ command: 'migrate', ...c.blank });
        expect(r.code).toBe(1);
        expect(r.errors).toHaveLength(1);
        expect(r.errors[0].message).toMatch(new RegExp(`^Input '${c.input}': `));
        for (const part of c.says) expect(r.errors[0].message).toContain(part);
        expect(sim.count('atlas', 'POST')).toBe(0);
        expect(summaryText(r)).toContain('<td>Find the source deployment among the projects Atlas can migrate</td><td>❌ failed</td>');
        expect(r.outputs).toEqual({ changed: 'false' });
      });
    }
  });

  it('a FAILED validation fails the step with MongoDB’s errorMessage and a hint', async () => {
    const r = await run({ command: 'validate', 'migration-host': 'mh-9.example.net' });
    expect(r.code).toBe(1);
    const id = r.outputs['validation-id'];
    expect(r.outputs).toEqual({ 'validation-id': id, 'validation-status': 'FAILED', changed: 'false' });
    expect(r.errors.map((e) => e.message)).toEqual([
      `Atlas: validation ${id} FAILED: Migration host mh-9.example.net is not a migration host of project ${SOURCE_PROJECT.id}. ` +
        'Nothing was started. Hint: fix what it names (the source deployment, the migration host, the destination cluster or network), then re-run.',
    ]);
    expect(fact(r, 'Validation')).toBe(
      `${id}: FAILED (Migration host mh-9.example.net is not a migration host of project ${SOURCE_PROJECT.id}.)`,
    );
    expect(summaryText(r)).toContain('<td>Wait for the validation result</td><td>❌ failed</td>');
    expect(nextSteps(r)).toEqual(['Fix what the validation names, then re-run validate.']);
  });
});

describe('migrate', () => {
  it('validates, then starts the migration; the id must be kept: a notice, the output, the summary; 3 requests', async () => {
    const r = await run({ command: 'migrate' });
    expect(r.code).toBe(0);
    const id = r.outputs['migration-id'];
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    expect(r.outputs).toEqual({
      'validation-id': r.outputs['validation-id'],
      'validation-status': 'SUCCESS',
      'migration-id': id,
      'migration-status': 'NEW',
      'ready-for-cutover': 'false',
      changed: 'true',
    });
    expect(sim.migration(id)).toMatchObject({ status: 'NEW', groupId: ATLAS_PROJECT_ID });

    expect(sequence()).toEqual([...BEFORE_VALIDATE, 'POST atlas.migrations.validate 200', 'POST atlas.migrations.create 201']);
    const create = sim.requests({ route: 'atlas.migrations.create' })[0];
    expect(create.path).toBe(`/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations`);
    expect(create.headers.accept).toBe(V2024);
    expect(create.headers['content-type']).toBe(V2024);
    expect(JSON.parse(create.body)).toEqual(expectedBody());
    expect(bodyOf('atlas.migrations.validate')).toEqual(expectedBody());

    expect(r.notices).toContainEqual({
      message:
        `Started live migration ${id}. Keep this id: there is no API to list migrations. It is the migration-id output of this step; ` +
        'pass it to the cutover job (as a job output, or to workflow_dispatch) as migration-id.',
      properties: { title: 'Keep the migration id' },
    });
    expect(summaryText(r)).toContain(`<p>✅ Started migration ${id}; keep its id for cutover.</p>`);
    expect(fact(r, 'Migration id')).toBe(id);
    expect(fact(r, 'Migration status')).toBe('NEW');
    expect(fact(r, 'Ready for cutover')).toBe('no');
    expect(nextSteps(r)).toEqual([
      `Keep the migration id ${id}: MongoDB has no API to list migrations. It is the migration-id output of this step; ` +
        'pass it to the cutover job as migration-id, as a job output (needs.<migrate job>.outputs.migration-id) or as a workflow_dispatch input.',
      `Not ready for cutover yet: watch it with the migration-status action, migration-id: ${id} and wait-for; ` +
        `when ready-for-cutover is true, run the cutover action with migration-id: ${id}.`,
    ]);
  });

  it('a failed validation stops it: nothing is created', async () => {
    sim.migrationPlan({ ...AT_ONCE, validationFails: 'The source deployment rs0 cannot be reached from the migration host' });
    const r = await run({ command: 'migrate' });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toMatch(
      new RegExp(
        `^Atlas: validation ${r.outputs['validation-id']} FAILED: The source deployment rs0 cannot be reached from the migration host\\. ` +
          'Nothing was started\\. Hint: fix what it names',
      ),
    );
    expect(sim.requests({ route: 'atlas.migrations.create' })).toEqual([]);
    expect(r.outputs['migration-id']).toBeUndefined();
    expect(r.outputs).toMatchObject({ 'validation-status': 'FAILED', changed: 'false' });
    expect(summaryText(r)).toContain('<td>Start the migration</td><td>⏹️ not attempted</td>');
    expect(nextSteps(r)).toEqual(['Nothing was started: fix what the validation names, then re-run migrate.']);
  });

  it('with wait-for, a migration ready at once: ready-for-cutover and lag-seconds, and the next step is cutover', async () => {
    sim.migrationPlan({ ...AT_ONCE, workingAfterMs: 0, readyAfterMs: 0 });
    const r = await run({ command: 'migrate', 'wait-for': '600' });
    expect(r.code).toBe(0);
    const id = r.outputs['migration-id'];
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'true', 'lag-seconds': '2', changed: 'true' });
    expect(summaryText(r)).toContain(
      '<td>Wait until ready for cutover</td><td>⏭️ skipped</td><td>the migration is already ready for cutover or in a final status</td>',
    );
    expect(fact(r, 'Lag')).toBe('2 s');
    expect(fact(r, 'Ready for cutover')).toBe('yes');
    expect(nextSteps(r)[1]).toBe(
      `Ready for cutover: the 120-hour window has started. Stop writes to the source, then run the cutover action with migration-id: ${id} ` +
        '(in a job whose environment requires a reviewer).',
    );
    expect(sequence()).toHaveLength(5);
  });

  it('with migration-id creates nothing and reads that migration (a safe re-run): challenge + GET = 2 requests', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const r = await run({ command: 'migrate', 'migration-id': id });
    expect(r.code).toBe(0);
    expect(sequence()).toEqual([challengeDescribe(id), 'GET atlas.migrations.describe 200']);
    expect(r.outputs).toEqual({
      'migration-id': id,
      'migration-status': 'WORKING',
      'ready-for-cutover': 'false',
      'lag-seconds': '30',
      changed: 'false',
    });
    expect(r.notices.map((n) => n.message).join('\n')).not.toContain('Keep this id');
    expect(summaryText(r)).toContain(`<p>✅ Watched migration ${id}; nothing was created.</p>`);
    expect(fact(r, 'Lag')).toBe('30 s');
  });
});

describe('migration-status', () => {
  const cases = [
    {
      status: 'WORKING, not ready',
      arrange: () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' }),
      code: 0,
      // The read is the migration's first poll: the simulator's lag moves from 120 s to 30 s.
      outputs: { 'migration-status': 'WORKING', 'ready-for-cutover': 'false', 'lag-seconds': '30' },
      error: undefined,
      next: /^Not ready for cutover yet: watch it with the migration-status action/,
    },
    {
      status: 'COMPLETE',
      arrange: () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'COMPLETE' }),
      code: 0,
      outputs: { 'migration-status': 'COMPLETE', 'ready-for-cutover': 'false' },
      error: undefined,
      next: /^The migration is COMPLETE: point applications at the Atlas cluster\. When every migration of this source is done, run unlink\.$/,
    },
    {
      status: 'FAILED',
      arrange: () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'FAILED' }),
      code: 1,
      outputs: { 'migration-status': 'FAILED', 'ready-for-cutover': 'false' },
      error: /FAILED\. Hint: see the migration in Atlas for the cause, fix it, and start a new migration with migrate\.$/,
      next: /^The migration FAILED: .*start a new one with migrate \(without migration-id\)\.$/,
    },
    {
      status: 'EXPIRED (ready 121 hours ago)',
      arrange: () =>
        sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true, readyAt: sim.now() - CUTOVER_WINDOW_MS - 3600_000 }),
      code: 1,
      outputs: { 'migration-status': 'EXPIRED', 'ready-for-cutover': 'false' },
      error:
        /EXPIRED: the 120-hour window for cutover after it became ready has passed\. Hint: start a new migration with migrate \(without migration-id\)\.$/,
      next: /^The migration EXPIRED \(the 120-hour cutover window passed\): start a new one with migrate \(without migration-id\)\.$/,
    },
  ];
  for (const c of cases) {
    it(`${c.status}: outputs, summary and exit ${c.code}; challenge + GET = 2 requests`, async () => {
      const id = c.arrange();
      const r = await run({ command: 'migration-status', 'migration-id': id });
      expect(r.code).toBe(c.code);
      expect(r.outputs).toEqual({ 'migration-id': id, changed: 'false', ...c.outputs });
      if (c.error) expect(r.errors.map((e) => e.message)).toEqual([expect.stringMatching(c.error)]);
      else expect(r.errors).toEqual([]);
      expect(r.errors.map((e) => e.message).join()).not.toContain('undefined');
      expect(nextSteps(r)).toEqual([expect.stringMatching(c.next)]);
      expect(fact(r, 'Migration id')).toBe(id);
      expect(fact(r, 'Migration status')).toBe(c.outputs['migration-status']);
      expect(fact(r, 'Ready for cutover')).toBe(c.outputs['ready-for-cutover'] === 'true' ? 'yes' : 'no');
      expect(fact(r, 'Lag')).toBe(c.outputs['lag-seconds'] ? `${c.outputs['lag-seconds']} s` : undefined);
      // The spec inputs migrationInputs passes are ignored by migration-status, and not shown as if they were the migration's.
      expect(fact(r, 'Source deployment')).toBeUndefined();
      expect(fact(r, 'Destination cluster')).toBeUndefined();
      expect(sequence()).toEqual([challengeDescribe(id), 'GET atlas.migrations.describe 200']);
      const read = sim.requests()[1];
      expect(read.path).toBe(`/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations/${id}`);
      expect(read.headers.accept).toBe(V2023);
    });
  }
});

describe('cutover', () => {
  it('cuts over a ready migration: one PUT, changed=true, and the next step is to watch until COMPLETE; 3 requests', async () => {
    const id = ready();
    const r = await run({ command: 'cutover', 'migration-id': id });
    expect(r.code).toBe(0);
    expect(sequence()).toEqual([challengeDescribe(id), 'GET atlas.migrations.describe 200', 'PUT atlas.migrations.cutover 202']);
    const put = sim.requests({ route: 'atlas.migrations.cutover' })[0];
    expect(put.path).toBe(`/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations/${id}/cutover`);
    expect(put.headers.accept).toBe(V2023);
    expect(put.body).toBe('');
    expect(sim.migration(id)?.cutoverAt).not.toBeNull();
    expect(r.outputs).toEqual({
      'migration-id': id,
      'migration-status': 'WORKING',
      'ready-for-cutover': 'true',
      'lag-seconds': '2',
      changed: 'true',
    });
    expect(summaryText(r)).toContain(`<p>✅ Cutover of migration ${id} requested; it is WORKING.</p>`);
    expect(summaryText(r)).toContain('<td>Cut over</td><td>✅ done</td><td>requested</td>');
    expect(nextSteps(r)).toEqual([`Cutover requested: watch migration ${id} with migration-status (wait-for) until COMPLETE.`]);
  });

  it('refuses a migration that is not ready, with the reason; zero PUTs', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const r = await run({ command: 'cutover', 'migration-id': id });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toMatch(
      new RegExp(
        `^Atlas: migration ${id} is not ready for cutover \\(WORKING, not ready for cutover yet, lag 30 s\\); nothing was sent\\. Hint: wait for ready-for-cutover`,
      ),
    );
    expect(sim.count(undefined, 'PUT')).toBe(0);
    expect(sim.migration(id)?.cutoverAt).toBeNull();
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'false', changed: 'false' });
    expect(summaryText(r)).toContain('<td>Cut over</td><td>❌ failed</td>');
    expect(nextSteps(r)[0]).toMatch(/^Not ready for cutover yet: watch it with the migration-status action/);
  });

  it('re-run on a COMPLETE migration: success, changed=false, no PUT', async () => {
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'COMPLETE' });
    const r = await run({ command: 'cutover', 'migration-id': id });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    expect(r.outputs).toEqual({ 'migration-id': id, 'migration-status': 'COMPLETE', 'ready-for-cutover': 'false', changed: 'false' });
    expect(sim.count(undefined, 'PUT')).toBe(0);
    expect(sequence()).toHaveLength(2);
    expect(summaryText(r)).toContain(`<p>✅ Migration ${id} was already COMPLETE: nothing to do.</p>`);
    expect(summaryText(r)).toContain('<td>Cut over</td><td>⏭️ skipped</td>');
  });

  for (const [status, arrange, says] of [
    ['FAILED', () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'FAILED' }), 'start a new migration with migrate'],
    [
      'EXPIRED',
      () => {
        const id = ready();
        sim.advance(CUTOVER_WINDOW_MS + 3600_000);
        return id;
      },
      'the 120-hour window for cutover after it became ready has passed. Hint: start a new migration with migrate (without migration-id)',
    ],
  ] as const) {
    it(`fails on a ${status} migration with what to do next; zero PUTs`, async () => {
      const id = arrange();
      const r = await run({ command: 'cutover', 'migration-id': id });
      expect(r.code).toBe(1);
      expect(r.errors[0].message).toContain(`Atlas: migration ${id} ${status}`);
      expect(r.errors[0].message).toContain(says);
      expect(sim.count(undefined, 'PUT')).toBe(0);
      expect(r.outputs).toMatchObject({ 'migration-status': status, changed: 'false' });
      expect(nextSteps(r)).toEqual([expect.stringContaining('start a new one with migrate (without migration-id)')]);
      expect(summaryText(r)).toContain('<td>Read the migration</td><td>❌ failed</td>');
      expect(summaryText(r)).toContain('<td>Cut over</td><td>⏹️ not attempted</td>');
    });
  }
});

describe('a wrong id is named', () => {
  it('migration-id: the migration is not found in a project that reads (404, then the project reads)', async () => {
    const r = await run({ command: 'migration-status', 'migration-id': OTHER_ID });
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => e.message)).toEqual([
      `Input 'migration-id': Atlas project ${ATLAS_PROJECT_ID} (atlas-project-id) has no live migration ${OTHER_ID}; the project itself reads, ` +
        'so the id is wrong, or it belongs to another project. Hint: pass the migration-id output of the migrate run that started it, with the same atlas-project-id.',
    ]);
    expect(sequence()).toEqual([challengeDescribe(OTHER_ID), 'GET atlas.migrations.describe 404', 'GET atlas.project 200']);
    expect(nextSteps(r)).toEqual([expect.stringMatching(/^Nothing was changed: migration a{24} could not be read\. Fix the error above/)]);
  });

  it('atlas-project-id: the project itself does not read', async () => {
    const id = ready();
    const wrong = ATLAS_PROJECT_ID.replace(/0$/, '1');
    const r = await run({ command: 'cutover', 'migration-id': id, 'atlas-project-id': wrong });
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => e.message)).toEqual([
      `Atlas: read the migration failed: HTTP 404 GROUP_NOT_FOUND: No group with ID ${wrong} exists. ` +
        `The Atlas project ${wrong} named by atlas-project-id could not be read either (HTTP 404 GROUP_NOT_FOUND). ` +
        'Hint: check atlas-project-id for a typo, and that the project belongs to the organization of the Atlas API key or service account.',
    ]);
    expect(sequence()).toEqual([
      challengeDescribe(id).replace(ATLAS_PROJECT_ID, wrong),
      'GET atlas.migrations.describe 404',
      'GET atlas.project 404',
    ]);
    expect(sim.count(undefined, 'PUT')).toBe(0);
    expect(sim.migration(id)?.cutoverAt).toBeNull();
  });
});

describe('bad combinations are refused before any request', () => {
  const PASSWORD = 'correct-horse-battery-staple-42';
  const cases: Array<[string, Record<string, string>, string[]]> = [
    ['PRIVATE_LINK without private-link-id', { command: 'migrate', 'destination-network': 'PRIVATE_LINK' }, ['private-link-id']],
    ['private-link-id without PRIVATE_LINK', { command: 'validate', 'private-link-id': OTHER_ID }, ['private-link-id']],
    [
      'source-username and source-password with managed authentication',
      { command: 'migrate', 'source-username': 'migrator', 'source-password': PASSWORD },
      ['source-username'],
    ],
    [
      'managed authentication off without a user or password',
      { command: 'validate', 'source-managed-authentication': 'false' },
      ['source-username', 'source-password'],
    ],
    [
      'ids that are not 24 hexadecimal digits',
      { command: 'cutover', 'atlas-project-id': ATLAS_PROJECT_ID.slice(1), 'migration-id': 'not-a-migration-id' },
      ['atlas-project-id', 'migration-id'],
    ],
    [
      'no destination cluster, and a source deployment neither given nor to be filled in (no atlas-org-id)',
      { command: 'migrate', 'atlas-cluster-name': '', 'atlas-org-id': '', 'source-cluster-name': '' },
      ['atlas-cluster-name', 'source-cluster-name'],
    ],
    ['cutover without migration-id', { command: 'cutover' }, ['migration-id']],
    [
      'a CA path without TLS, an unknown network, wait-for out of range, a source-project-id that is not an id',
      {
        command: 'validate',
        'source-ssl': 'false',
        'source-ca-certificate-path': '/etc/ssl/ca.pem',
        'destination-network': 'INTERNET',
        'wait-for': '86401',
        'source-project-id': 'orders',
      },
      ['source-project-id', 'wait-for', 'destination-network', 'source-ca-certificate-path'],
    ],
  ];
  for (const [what, inputs, named] of cases) {
    it(what, async () => {
      const r = await run(inputs, [PASSWORD]);
      expect(r.code).toBe(1);
      expect(sim.requests()).toEqual([]);
      const inputsNamed = r.errors.map((e) => e.message.match(/^Input '([a-z-]+)': /)?.[1]);
      expect(inputsNamed.sort()).toEqual([...named].sort());
      expect(summaryText(r)).toContain('<p>❌ Failed: invalid inputs; nothing was sent</p>');
      // A clean-up step reads changed on failure too.
      expect(r.outputs).toEqual({ changed: 'false' });
    });
  }
});

describe('secrets and destructive options', () => {
  it('source-password is masked before anything with debug logging on; only the request bodies hold it (with every optional field)', async () => {
    const password = 'p4ss-W0rd_for-the-source';
    const privateLinkId = '64b0c1d2e3f4a5b6c7d8e9f0';
    const r = await run(
      {
        command: 'migrate',
        'source-managed-authentication': 'false',
        'source-username': 'migrator',
        'source-password': password,
        'source-ca-certificate-path': '/etc/ssl/source-ca.pem',
        'destination-network': 'private_link',
        'private-link-id': privateLinkId,
      },
      [password],
    );
    expect(r.code).toBe(0);
    expect(r.commands.some((c) => c.name === 'debug')).toBe(true);
    expect(r.masks).toContain(password);
    expect(r.lines.filter((l) => l.includes(password))).toEqual([`::add-mask::${password}`]);
    expect(r.summary).not.toContain(password);
    expect(Object.values(r.outputs).join('\n')).not.toContain(password);
    const body = expectedBody({
      source: { managedAuthentication: false, username: 'migrator', password, caCertificatePath: '/etc/ssl/source-ca.pem' },
      destination: { hostnameSchemaType: 'PRIVATE_LINK', privateLinkId },
    });
    expect(bodyOf('atlas.migrations.validate')).toEqual(body);
    expect(bodyOf('atlas.migrations.create')).toEqual(body);
    // Only in those two requests, both sent with credentials (the challenge before them has no body).
    expect(
      sim
        .requests()
        .filter((q) => q.body.includes(password))
        .map((q) => `${q.route} ${q.auth}`),
    ).toEqual(['atlas.migrations.validate digest', 'atlas.migrations.create digest']);
  });

  it("drop-destination-data: 'true' warns, naming the destination cluster, and is sent as dropDestinationData", async () => {
    const r = await run({ command: 'validate', 'drop-destination-data': 'true' });
    expect(r.code).toBe(0);
    expect(r.warnings).toEqual([
      {
        message:
          `drop-destination-data is 'true': the migration deletes all data in destination cluster ${ATLAS_CLUSTER_NAME} ` +
          `(Atlas project ${ATLAS_PROJECT_ID}) before it copies.`,
        properties: { title: 'Destination data will be dropped' },
      },
    ]);
    expect(bodyOf('atlas.migrations.validate')).toEqual(expectedBody({ dropDestinationData: true }));
    expect(fact(r, 'Destination data')).toBe('dropped first (drop-destination-data)');
  });

  it('dry-run of migrate shows the drop in the plan and sends nothing', async () => {
    const r = await run({ command: 'migrate', 'drop-destination-data': 'true', 'dry-run': 'true', 'wait-for': '3600' });
    expect(r.code).toBe(0);
    expect(sim.requests()).toEqual([]);
    expect(r.warnings.map((w) => w.message)).toEqual([expect.stringContaining(`destination cluster ${ATLAS_CLUSTER_NAME}`)]);
    const host = new URL(url).host;
    const base = `/api/atlas/v2/groups/${ATLAS_PROJECT_ID}/liveMigrations`;
    const drop = ` — DROPS ALL DATA in destination cluster ${ATLAS_CLUSTER_NAME} first (drop-destination-data)`;
    const plan = r.lines.slice(r.lines.indexOf("Dry run of 'migrate': nothing is sent. Its steps, and the calls each would make:") + 1);
    expect(plan).toEqual([
      "  1. Read the source deployment's size from the projects Atlas lists (skipped if the source was looked up already, or atlas-org-id is not given)",
      `     GET ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/availableProjects — list the projects available for migration`,
      `     GET ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID} — read the organization (only if the call above answers 404)`,
      `  2. Read destination cluster ${ATLAS_CLUSTER_NAME} and compare it with the source`,
      `     GET ${host} /api/atlas/v2/groups/${ATLAS_PROJECT_ID}/clusters/{clusterName} — read the destination cluster`,
      `     GET ${host} /api/atlas/v2/groups/${ATLAS_PROJECT_ID} — read the project (only if the call above answers 404)`,
      `  3. Start a validation of the migration${drop}`,
      `     POST ${host} ${base}/validate — start a validation of the migration`,
      '  4. Wait for the validation result',
      // validation-wait-for (300 s by default), apart from wait-for.
      `     GET ${host} ${base}/validate/{validationId} — read the validation (repeated until SUCCESS or FAILED, up to 300 s)`,
      `     GET ${host} /api/atlas/v2/groups/${ATLAS_PROJECT_ID} — read the project (only if the call above answers 404)`,
      `  5. Start the migration${drop}`,
      `     POST ${host} ${base} — start the migration`,
      '  6. Wait until ready for cutover (skipped if the migration is already ready for cutover or in a final status)',
      `     GET ${host} ${base}/{liveMigrationId} — read the migration (repeated until ready for cutover or a final status, up to 3600 s)`,
      `     GET ${host} /api/atlas/v2/groups/${ATLAS_PROJECT_ID} — read the project (only if the call above answers 404)`,
    ]);
    expect(summaryText(r)).toContain(`<li>3. Start a validation of the migration${drop}</li>`);
    expect(r.outputs).toEqual({ changed: 'false' });
  });
});

/** What GitHub makes of `${{ matrix.deployment['name'] }}` in an input: the value as a string, '' when absent. */
function expression(context: Record<string, unknown>, text: string): string {
  return text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, path: string) => {
    let value: unknown = context;
    for (const m of path.matchAll(/(?:^|\.)([A-Za-z_][\w-]*)|\['([^']*)'\]/g)) {
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[m[1] ?? m[2]] : undefined;
    }
    return value === undefined || value === null ? '' : String(value);
  });
}

describe('fleets: the deployments output drives a matrix of migrate jobs', () => {
  it('status lists every deployment; one matrix entry’s fields, as GitHub expressions, make a migrate run that succeeds', async () => {
    const billing = { id: '65f000000000000000000002', host: 'mh-2.example.net' };
    sim.addAtlasOrg(ATLAS_ORG_ID, {
      availableProjects: [
        {
          projectId: SOURCE_PROJECT.id,
          name: 'orders',
          deployments: [{ name: 'rs0', mongoDBVersion: '7.0.14', sharded: false, tlsEnabled: true }],
          migrationHosts: [SOURCE_PROJECT.migrationHost],
        },
        {
          projectId: billing.id,
          name: 'billing',
          deployments: [
            { name: 'billing-rs', mongoDBVersion: '6.0.16', sharded: false, tlsEnabled: false },
            { name: 'billing-sh', mongoDBVersion: '7.0.14', sharded: true, tlsEnabled: true },
          ],
          migrationHosts: [billing.host],
        },
        {
          projectId: '65f000000000000000000003',
          name: 'legacy',
          deployments: [{ name: 'legacy-rs' }],
          migrationHosts: ['mh-3.example.net', 'mh-4.example.net'],
        },
      ],
    });
    const status = await runAction(sim, linkInputs(url, url, { command: 'status' }));
    expect(status.code).toBe(0);
    // strategy.matrix: { deployment: ${{ fromJSON(needs.link.outputs.deployments) }} }
    const matrix = { deployment: JSON.parse(status.outputs.deployments) as Array<Record<string, unknown>> };
    expect(
      matrix.deployment.map((d) => `${d['source-project-id']}/${d['source-cluster-name']} ${d['migration-host'] ?? '(choose)'}`),
    ).toEqual([
      `${SOURCE_PROJECT.id}/rs0 ${SOURCE_PROJECT.migrationHost}`,
      `${billing.id}/billing-rs ${billing.host}`,
      `${billing.id}/billing-sh ${billing.host}`,
      '65f000000000000000000003/legacy-rs (choose)',
    ]);
    expect(matrix.deployment[2]).toEqual({
      'source-project-id': billing.id,
      'source-project-name': 'billing',
      'source-cluster-name': 'billing-sh',
      'migration-host': billing.host,
      'mongodb-version': '7.0.14',
      sharded: true,
      tls: true,
    });

    const job = { matrix: { deployment: matrix.deployment[2] } };
    const withInputs = {
      command: 'migrate',
      'source-project-id': "${{ matrix.deployment['source-project-id'] }}",
      'source-cluster-name': "${{ matrix.deployment['source-cluster-name'] }}",
      'migration-host': "${{ matrix.deployment['migration-host'] }}",
      'source-ssl': "${{ matrix.deployment['tls'] }}",
    };
    const inputs = Object.fromEntries(Object.entries(withInputs).map(([k, v]) => [k, expression(job, v)]));
    expect(inputs).toMatchObject({ 'source-cluster-name': 'billing-sh', 'migration-host': billing.host, 'source-ssl': 'true' });
    sim.clearRequests();
    const r = await run(inputs);
    expect(r.code).toBe(0);
    const id = r.outputs['migration-id'];
    expect(sim.migration(id)?.source).toMatchObject({ groupId: billing.id, clusterName: 'billing-sh' });
    expect(sim.migration(id)?.migrationHosts).toEqual([billing.host]);
    // Each job's summary reports its deployment.
    expect(fact(r, 'Source project')).toBe(billing.id);
    expect(fact(r, 'Source deployment')).toBe('billing-sh');
    expect(fact(r, 'Migration host')).toBe(billing.host);
  });
});

describe('long migrations (issue 19)', () => {
  it('migrate whose wait ends while WORKING: exit 0, ready-for-cutover false, the migration id set, a notice and a summary headed still syncing', async () => {
    sim.migrationPlan({ validationAfterPolls: 0, workingAfterPolls: 1, readyAfterPolls: 1000 });
    const r = await run({ command: 'migrate', 'wait-for': '3' });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    const id = r.outputs['migration-id'];
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'false', changed: 'true' });
    expect(r.notices.map((n) => n.properties.title)).toEqual(['Keep the migration id', 'Still syncing']);
    expect(summaryText(r)).toContain(`<p>⏳ Still syncing: migration ${id} is WORKING, not ready for cutover yet`);
    expect(summaryText(r)).toContain(`run the cutover action with migration-id: ${id}`);
    expect(sim.migration(id)?.status).toBe('WORKING');
  });

  it("wait-for: '30000' is refused naming the cap of 21000, before any request", async () => {
    const r = await run({ command: 'migrate', 'wait-for': '30000' });
    expect(r.code).toBe(1);
    expect(r.errors.map((e) => e.message)).toEqual([
      'Input \'wait-for\': expected at most 21000 seconds; got "30000". A GitHub-hosted job ends after 6 hours: to watch longer, ' +
        're-run the migration-status action with migration-id on a schedule (or use a campaign), each run waiting up to 21000 s.',
    ]);
    expect(sim.requests()).toEqual([]);
  });
});
