// Two promises the transport keeps whatever the network does: a body (which may hold a link token
// or a source password) never goes out without credentials, and a call that must not be made
// twice (starting a migration) is not repeated once it may have arrived. In process, on a fake
// clock shared with the simulator, so the retries' waits take no real time.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_ORG_ID, ATLAS_PROJECT_ID, linkInputs, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { command } from '../../src/commands/command.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { validate } from '../../src/commands/validate.js';
import { validationSteps } from '../../src/commands/migration-steps.js';
import type { MigrationState } from '../../src/commands/migration-state.js';

// validate now reads the destination cluster first, whose GET brings the digest challenge. A
// command whose first request carries a body keeps the challenge request under test.
const bodyFirst = command<MigrationState>({
  ...(validate as unknown as Parameters<typeof command<MigrationState>>[0]),
  name: 'validate-body-first',
  steps: (settings) => validationSteps(settings, 300),
});
const WITH_BODY_FIRST = [...COMMANDS, bodyFirst];

let sim: Simulator;
let clock: FakeClock;
afterEach(() => closeChecked(sim));

async function start() {
  clock = new FakeClock();
  sim = standardSimulator({ clock, plan: { validationAfterPolls: 0 } });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  return sim.listen();
}

const PASSWORD = 'pw-that-must-stay-home';
const withPassword = (url: string, command: string) =>
  migrationInputs(url, { command, 'source-managed-authentication': 'false', 'source-username': 'migrator', 'source-password': PASSWORD });
const unauthenticatedBodies = () => sim.requests().filter((r) => r.auth === 'none' && r.body !== '');

describe('a body never goes out without credentials', () => {
  it('the challenge request answered 503: it is retried, and only then is the body sent, with credentials', async () => {
    const url = await start();
    // The challenge request, a read of the project (GET …/validate exists only as POST), is the first request of the run.
    sim.fail('atlas.project', { kind: 'status', status: 503 });
    const run = await runInProcess(withPassword(url, 'validate-body-first'), { clock, sim, commands: WITH_BODY_FIRST });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(unauthenticatedBodies()).toEqual([]);
    expect(sim.requests().map((r) => `${r.method} ${r.route} ${r.status} ${r.auth}`)).toEqual([
      'GET atlas.project 503 none',
      'GET atlas.project 401 none',
      'POST atlas.migrations.validate 200 digest',
    ]);
    expect(sim.requests({ route: 'atlas.migrations.validate' })[0].body).toContain(PASSWORD);
  });

  it('a challenge request that asks for no credentials: the body is not sent at all', async () => {
    const url = await start();
    sim.fail('atlas.project', { kind: 'status', status: 200, body: {} });
    const run = await runInProcess(withPassword(url, 'validate-body-first'), { clock, sim, commands: WITH_BODY_FIRST });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toBe(
      'Atlas: start a validation of the migration: the server asked for no credentials (HTTP 200 to the challenge request), so the request and its body were not sent.',
    );
    expect(sim.requests().map((r) => `${r.method} ${r.route} ${r.status}`)).toEqual(['GET atlas.project 200']);
    expect(unauthenticatedBodies()).toEqual([]);
  });
});

describe('the digest challenge comes from a read MongoDB defines on that side', () => {
  const mongoDbDefines = () => expect(sim.requests().filter((r) => r.route === null || r.status === 405)).toEqual([]);

  it('validate and migrate: the only unauthenticated request is their first GET (the projects Atlas lists)', async () => {
    const url = await start();
    for (const command of ['validate', 'migrate']) {
      const run = await runInProcess(migrationInputs(url, { command }), { clock, sim });
      expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    }
    expect(
      sim
        .requests()
        .filter((r) => r.auth === 'none')
        .map((r) => `${r.method} ${r.route} ${r.status}`),
    ).toEqual(['GET atlas.availableProjects 401', 'GET atlas.availableProjects 401']);
    mongoDbDefines();
  });

  it('link: the challenges come from GETs of the link status and the Atlas organization', async () => {
    clock = new FakeClock();
    sim = standardSimulator({ clock });
    const url = await sim.listen();
    const run = await runInProcess(linkInputs(url, url, { command: 'link' }), { clock, sim });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    const unauthenticated = sim.requests().filter((r) => r.auth === 'none');
    expect(unauthenticated.map((r) => `${r.method} ${r.route} ${r.status}`).sort()).toEqual([
      'GET atlas.org 401',
      'GET source.link.status 401',
    ]);
    mongoDbDefines();
  });
});

describe('starting a migration is not repeated once it may have arrived', () => {
  for (const [what, fault] of [
    ['a 504', { kind: 'status', status: 504 }],
    ['a 502', { kind: 'html', status: 502 }],
    ['a reset', { kind: 'reset' }],
  ] as const) {
    it(`${what}: one attempt, and the summary says a migration may exist`, async () => {
      const url = await start();
      sim.fail('atlas.migrations.create', fault);
      const run = await runInProcess(migrationInputs(url, { command: 'migrate' }), { clock, sim });
      expect(run.code).toBe(1);
      expect(sim.requests({ route: 'atlas.migrations.create' })).toHaveLength(1);
      expect(run.errors[0].message).toMatch(
        /^Atlas: start the migration failed: .*Hint: the answer was lost, so Atlas may have started the migration all the same/,
      );
      expect(run.summary).toContain('Atlas may have started the migration although its answer was lost');
      expect(run.summary).not.toContain('Nothing was started');
      // A migration may exist: changed is not false (issue 18, finding 7).
      expect(run.outputs.changed).toBe('true');
    });
  }

  it('a 429 was refused unprocessed: it is retried after Retry-After, and the migration starts once', async () => {
    const url = await start();
    sim.fail('atlas.migrations.create', {
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '3' },
      body: { error: 429, errorCode: 'RATE_LIMITED' },
    });
    const run = await runInProcess(migrationInputs(url, { command: 'migrate' }), { clock, sim });
    expect(run.code).toBe(0);
    expect(sim.requests({ route: 'atlas.migrations.create' }).map((r) => r.status)).toEqual([429, 201]);
    expect(run.outputs['migration-id']).toMatch(/^[0-9a-f]{24}$/);
  });

  it('a validation is repeated after a 504: starting two is harmless', async () => {
    const url = await start();
    sim.fail('atlas.migrations.validate', { kind: 'status', status: 504 });
    const run = await runInProcess(migrationInputs(url, { command: 'validate' }), { clock, sim });
    expect(run.code).toBe(0);
    expect(sim.requests({ route: 'atlas.migrations.validate' }).map((r) => r.status)).toEqual([504, 200]);
  });
});

describe('the cutover is not repeated blindly after a lost answer', () => {
  const cutoverRun = async (arrange: (id: string) => void) => {
    const url = await start();
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    arrange(id);
    const run = await runInProcess(migrationInputs(url, { command: 'cutover', 'migration-id': id, 'max-retries': '3' }), { clock, sim });
    const atlas = sim
      .requests()
      .filter((r) => r.auth !== 'none')
      .map((r) => `${r.method} ${r.route} ${r.status}`);
    return { run, atlas, id };
  };

  for (const [what, fault] of [
    ['a 503', { kind: 'status', status: 503 }],
    ['a 502 from a proxy', { kind: 'html', status: 502 }],
    ['a 504', { kind: 'status', status: 504 }],
    ['a reset', { kind: 'reset' }],
  ] as const) {
    it(`${what} before it arrived: a read, then the PUT once more since the migration is still ready`, async () => {
      const { run, atlas, id } = await cutoverRun(() => sim.fail('atlas.migrations.cutover', fault));
      expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
      const status = fault.kind === 'reset' ? -1 : fault.status;
      expect(atlas).toEqual([
        'GET atlas.migrations.describe 200',
        `PUT atlas.migrations.cutover ${status}`,
        'GET atlas.migrations.describe 200',
        'PUT atlas.migrations.cutover 202',
      ]);
      expect(sim.migration(id)?.cutoverAt).not.toBeNull();
      expect(run.outputs.changed).toBe('true');
    });
  }

  it('a 503 after it arrived: the read shows the cutover under way, and it is not sent again', async () => {
    const { run, atlas } = await cutoverRun((id) =>
      sim
        .respond('atlas.migrations.describe', (_request, real) => real())
        // What Atlas shows while a cutover runs (the simulator settles to COMPLETE on this very poll).
        .respond('atlas.migrations.describe', { status: 200, body: { _id: id, status: 'WORKING', readyForCutover: false } })
        .respond(
          'atlas.migrations.cutover',
          (_request, real) => (real(), { status: 503, body: { error: 503, errorCode: 'SERVICE_UNAVAILABLE' } }),
        ),
    );
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(atlas).toEqual(['GET atlas.migrations.describe 200', 'PUT atlas.migrations.cutover 503', 'GET atlas.migrations.describe 200']);
    expect(run.warnings.map((w) => w.message).join('\n')).toMatch(
      /answer to the cutover of migration \w+ was lost; the migration now reads WORKING, not ready for cutover yet/,
    );
    expect(run.outputs.changed).toBe('true');
  });

  it('a 503 after it arrived and the migration already COMPLETE: done, not sent again', async () => {
    const { run, atlas } = await cutoverRun((id) =>
      sim
        .respond('atlas.migrations.describe', (_request, real) => real())
        .respond('atlas.migrations.describe', { status: 200, body: { _id: id, status: 'COMPLETE', readyForCutover: false } })
        .respond(
          'atlas.migrations.cutover',
          (_request, real) => (real(), { status: 503, body: { error: 503, errorCode: 'SERVICE_UNAVAILABLE' } }),
        ),
    );
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(atlas).toEqual(['GET atlas.migrations.describe 200', 'PUT atlas.migrations.cutover 503', 'GET atlas.migrations.describe 200']);
    expect(run.lines.join('\n')).toContain('is COMPLETE: the cutover was received and has finished');
  });

  it('lost every time: at most three PUTs, each after a read, and the error says Atlas may have started it', async () => {
    const { run, atlas } = await cutoverRun(() => sim.fail('atlas.migrations.cutover', { kind: 'status', status: 503, times: 5 }));
    expect(run.code).toBe(1);
    expect(atlas).toEqual([
      'GET atlas.migrations.describe 200',
      ...Array.from({ length: 3 }, () => ['PUT atlas.migrations.cutover 503', 'GET atlas.migrations.describe 200']).flat(),
    ]);
    expect(run.errors[0].message).toMatch(
      /the answer to the cutover of migration \w+ was lost, and the migration now reads WORKING, ready for cutover.* after 3 cutover requests; it was not sent again/,
    );
  });
});
