// The waits of the migration commands, in process with a fake clock shared by the action and the
// simulator: minutes and hours of polling take no real time, and every pause is recorded.
// Polls follow 2 s, then ×1.5 up to 60 s, never past wait-for.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked, edited } from '../helpers/scripts.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import type { ActionRun } from '../harness/run-action.js';
import {
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  migrationInputs,
  SERVICE_ACCOUNT,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import { CUTOVER_WINDOW_MS, type MigrationPlan, type Simulator } from '../simulator/index.js';

const HOUR = 3600_000;
/** Steps moved on by polls only: simulated time alone never settles anything here. */
const BY_POLLS: Partial<MigrationPlan> = {
  validationAfterMs: 1000 * HOUR,
  workingAfterMs: 1000 * HOUR,
  readyAfterMs: 1000 * HOUR,
  completeAfterMs: 1000 * HOUR,
};
/** The wait's pauses: 2 s, ×1.5 (rounded), at most 60 s. */
const INTERVALS = [2000, 3000, 4500, 6750, 10125, 15188, 22782, 34173, 51260, 60000, 60000, 60000];

let sim: Simulator;
let clock: FakeClock;
let url: string;

async function start(plan: Partial<MigrationPlan>, arrange?: (sim: Simulator) => void) {
  clock = new FakeClock();
  sim = standardSimulator({ clock, plan: { ...BY_POLLS, ...plan } });
  arrange?.(sim);
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  url = await sim.listen();
}
afterEach(() => closeChecked(sim));

const run = (inputs: Record<string, string>) => runInProcess(migrationInputs(url, inputs), { clock, sim });
const polls = (r: ActionRun, goal: string) => r.lines.filter((l) => l.startsWith(`Waiting for ${goal}: poll `));
const routes = () => sim.requests().map((r) => `${r.method} ${r.route} ${r.status}`);
const count = (route: string) => sim.requests({ route }).filter((r) => r.auth !== 'none').length;

describe('validate', () => {
  it('waits for SUCCESS over several polls: 2 s, ×1.5, capped at 60 s', async () => {
    await start({ validationAfterPolls: 12 });
    const r = await run({ command: 'validate', 'validation-wait-for': '600' });
    expect(r.code).toBe(0);
    expect(r.outputs['validation-status']).toBe('SUCCESS');
    expect(clock.sleeps).toEqual(INTERVALS);
    const lines = polls(r, 'the validation result');
    expect(lines).toHaveLength(12);
    expect(lines[0]).toBe('Waiting for the validation result: poll 1 after 2.0 s: PENDING.');
    expect(lines[11]).toBe('Waiting for the validation result: poll 12 after 329.8 s: SUCCESS.');
    // challenge + the source's size (availableProjects) + the destination cluster + POST + 12 polls
    expect(sim.requests()).toHaveLength(16);
    expect(sim.validation(r.outputs['validation-id'])).toMatchObject({ status: 'SUCCESS', polls: 12 });
  });

  it('times out at validation-wait-for, naming the last status; the last pause is cut to end exactly at it', async () => {
    await start({ validationAfterPolls: 1000 });
    const r = await run({ command: 'validate', 'validation-wait-for': '60', 'wait-for': '3600' });
    expect(r.code).toBe(1);
    // wait-for bounds the wait for readiness only: validate says it ignores it.
    expect(r.notices.map((n) => n.message)).toContain("'validate' does not use 'wait-for'; ignored.");
    expect(r.errors.map((e) => e.message)).toEqual([
      'Atlas: the validation did not finish within 60 s (validation-wait-for); the last status read was PENDING. Raise validation-wait-for, or check the validation in Atlas.',
    ]);
    expect(clock.sleeps).toEqual([...INTERVALS.slice(0, 6), 60000 - INTERVALS.slice(0, 6).reduce((a, b) => a + b)]);
    expect(clock.sleeps.reduce((a, b) => a + b)).toBe(60_000);
    expect(r.outputs).toMatchObject({ 'validation-status': 'PENDING', changed: 'false' });
  });

  it("wait-for: '0' still awaits the result (the default 300 s), rather than failing at once", async () => {
    await start({ validationAfterPolls: 2 });
    const r = await run({ command: 'migrate', 'wait-for': '0' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ 'validation-status': 'SUCCESS', 'migration-status': 'NEW', changed: 'true' });
    expect(clock.sleeps).toEqual([2000, 3000]);
  });

  it('a validation that never ends is awaited exactly the default 300 s whatever wait-for says, and nothing is created', async () => {
    await start({ validationAfterPolls: 1000 });
    const r = await run({ command: 'migrate', 'wait-for': '7200' });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toMatch(/^Atlas: the validation did not finish within 300 s \(validation-wait-for\)/);
    expect(clock.sleeps.reduce((a, b) => a + b)).toBe(300_000);
    expect(sim.requests({ route: 'atlas.migrations.create' })).toEqual([]);
  });
});

describe('migrate with wait-for', () => {
  it('reports the lag on each poll and stops once ready for cutover', async () => {
    await start({ validationAfterPolls: 0, workingAfterPolls: 1, readyAfterPolls: 3, lagSeconds: [600, 240, 60, 5] });
    const r = await run({ command: 'migrate', 'wait-for': '3600' });
    expect(r.code).toBe(0);
    expect(polls(r, 'the migration to be ready for cutover')).toEqual([
      'Waiting for the migration to be ready for cutover: poll 1 after 2.0 s: WORKING, not ready for cutover yet, lag 600 s.',
      'Waiting for the migration to be ready for cutover: poll 2 after 5.0 s: WORKING, not ready for cutover yet, lag 240 s.',
      'Waiting for the migration to be ready for cutover: poll 3 after 9.5 s: WORKING, not ready for cutover yet, lag 60 s.',
      'Waiting for the migration to be ready for cutover: poll 4 after 16.3 s: WORKING, ready for cutover, lag 5 s.',
    ]);
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'true', 'lag-seconds': '5', changed: 'true' });
    // Not one poll more once ready.
    expect(count('atlas.migrations.describe')).toBe(4);
    expect(clock.sleeps).toEqual(INTERVALS.slice(0, 4));
    expect(r.summary).toContain('<td>Lag</td><td>5 s</td>');
  });

  it('still syncing when wait-for ends: a result (exit 0, a notice, ⏳), and the outputs and summary carry the id to keep', async () => {
    await start({ validationAfterPolls: 0, readyAfterPolls: 1000 });
    const r = await run({ command: 'migrate', 'wait-for': '20' });
    expect(r.code).toBe(0);
    expect(r.errors).toEqual([]);
    const id = r.outputs['migration-id'];
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'false', changed: 'true' });
    expect(r.notices.map((n) => n.properties.title)).toContain('Still syncing');
    expect(r.summary).toContain(`<p>⏳ Still syncing: migration ${id} is WORKING`);
    expect(r.summary).toContain(`watch it with the migration-status action, migration-id: ${id}`);
    expect(r.notices.map((n) => n.properties.title)).toContain('Keep the migration id');
    expect(r.summary).toContain(`<li>Keep the migration id ${id}: MongoDB has no API to list migrations.`);
    expect(sim.migration(id)?.status).toBe('WORKING');
  });
});

describe('migration-status with wait-for', () => {
  it('stops at a final status: FAILED fails the step, with the status in the outputs', async () => {
    await start({ readyAfterPolls: 1000, failAfterPolls: 3, failMessage: 'The oplog rolled over.' });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const r = await run({ command: 'migration-status', 'migration-id': id, 'wait-for': '3600' });
    expect(r.code).toBe(1);
    expect(r.errors[0].message).toBe(
      `Atlas: migration ${id} FAILED. Hint: see the migration in Atlas for the cause, fix it, and start a new migration with migrate.`,
    );
    expect(r.outputs).toMatchObject({ 'migration-status': 'FAILED', 'ready-for-cutover': 'false', changed: 'false' });
    expect(r.outputs['lag-seconds']).toBeUndefined();
    expect(count('atlas.migrations.describe')).toBe(3);
    expect(polls(r, 'the migration to be ready for cutover').at(-1)).toBe(
      'Waiting for the migration to be ready for cutover: poll 2 after 5.0 s: FAILED.',
    );
  });

  it('still syncing at wait-for: the step succeeds with a notice naming the last status; the migration goes on', async () => {
    await start({ readyAfterPolls: 1000 });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const r = await run({ command: 'migration-status', 'migration-id': id, 'wait-for': '30' });
    expect(r.code).toBe(0);
    expect(r.notices.find((n) => n.properties.title === 'Still syncing')?.message).toBe(
      `Migration ${id} is still syncing after 30 s (wait-for): WORKING, not ready for cutover yet, lag 30 s. It goes on in Atlas; ` +
        `watch it with the migration-status action and migration-id: ${id}.`,
    );
    expect(r.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'false' });
    expect(clock.sleeps.reduce((a, b) => a + b)).toBe(30_000);
    expect(sim.migration(id)?.status).toBe('WORKING');
  });

  it('an unknown status is warned of once, not on every poll that reads it again, and again when it changes', async () => {
    await start({ readyAfterPolls: 1000 });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const status = (value: string) => edited((b) => void (b.status = value));
    sim.respond('atlas.migrations.describe', status('PAUSED'), 4).respond('atlas.migrations.describe', status('THROTTLED'), 2);
    const r = await run({ command: 'migration-status', 'migration-id': id, 'wait-for': '60' });
    // Still syncing (WORKING) when wait-for ends: a result.
    expect(r.code).toBe(0);
    // 1 read + 7 polls within 60 s: PAUSED ×4, THROTTLED ×2, then WORKING ×2.
    expect(count('atlas.migrations.describe')).toBe(8);
    expect(r.warnings.map((w) => w.message)).toEqual([
      'Atlas reports the migration status "PAUSED", which this action does not know; it is treated as still running.',
      'Atlas reports the migration status "THROTTLED", which this action does not know; it is treated as still running.',
    ]);
  });
});

describe('the 120-hour cutover window', () => {
  it('ready for 119 hours: still ready; for 121 hours: EXPIRED, and cutover fails with what to do next', async () => {
    await start({});
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    sim.advance(119 * HOUR);
    const before = await run({ command: 'migration-status', 'migration-id': id });
    expect(before.code).toBe(0);
    expect(before.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'true' });

    sim.advance(2 * HOUR);
    expect(sim.now() - (sim.migration(id)?.readyAt ?? 0)).toBeGreaterThan(CUTOVER_WINDOW_MS);
    const status = await run({ command: 'migration-status', 'migration-id': id });
    expect(status.code).toBe(1);
    expect(status.outputs).toMatchObject({ 'migration-status': 'EXPIRED', 'ready-for-cutover': 'false' });

    const cutover = await run({ command: 'cutover', 'migration-id': id });
    expect(cutover.code).toBe(1);
    expect(cutover.errors.map((e) => e.message)).toEqual([
      `Atlas: migration ${id} EXPIRED: the 120-hour window for cutover after it became ready has passed. ` +
        'Hint: start a new migration with migrate (without migration-id).',
    ]);
    expect(cutover.summary).toContain(
      '<li>The migration EXPIRED (the 120-hour cutover window passed): start a new one with migrate (without migration-id).</li>',
    );
    expect(sim.count(undefined, 'PUT')).toBe(0);
  });
});

describe('cutover with wait-for', () => {
  it('requests the cutover, then waits for COMPLETE', async () => {
    await start({ completeAfterPolls: 3 });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    const r = await run({ command: 'cutover', 'migration-id': id, 'wait-for': '600' });
    expect(r.code).toBe(0);
    expect(routes()).toEqual([
      'GET atlas.migrations.describe 401',
      'GET atlas.migrations.describe 200',
      'PUT atlas.migrations.cutover 202',
      'GET atlas.migrations.describe 200',
      'GET atlas.migrations.describe 200',
      'GET atlas.migrations.describe 200',
    ]);
    expect(polls(r, 'COMPLETE')).toEqual([
      'Waiting for COMPLETE: poll 1 after 2.0 s: WORKING, not ready for cutover yet.',
      'Waiting for COMPLETE: poll 2 after 5.0 s: WORKING, not ready for cutover yet.',
      'Waiting for COMPLETE: poll 3 after 9.5 s: COMPLETE.',
    ]);
    expect(r.outputs).toEqual({ 'migration-id': id, 'migration-status': 'COMPLETE', 'ready-for-cutover': 'false', changed: 'true' });
    expect(r.summary).toContain(`Cutover of migration ${id} requested; it is COMPLETE.`);
    expect(r.summary).toContain('<li>The migration is COMPLETE: point applications at the Atlas cluster.');
  });
});

describe('a service account token that would expire during a long wait', () => {
  const cases = [
    {
      what: 'tokens of 10 minutes, migration-status waiting 23 minutes',
      expiresInSeconds: 600,
      plan: { readyAfterPolls: 30 },
      arrange: () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' }),
      inputs: (id: string) => ({ command: 'migration-status', 'migration-id': id, 'wait-for': '3600' }),
      output: { 'ready-for-cutover': 'true' },
    },
    {
      what: 'tokens of 1 hour (the default), cutover waiting 72 minutes for COMPLETE',
      expiresInSeconds: 3600,
      plan: { completeAfterPolls: 80 },
      arrange: () => sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true }),
      inputs: (id: string) => ({ command: 'cutover', 'migration-id': id, 'wait-for': '7200' }),
      output: { 'migration-status': 'COMPLETE' },
    },
  ];
  for (const c of cases) {
    it(`is renewed before it expires and the old one revoked: ${c.what}`, async () => {
      await start(c.plan, (s) =>
        s.addServiceAccount(SERVICE_ACCOUNT.clientId, SERVICE_ACCOUNT.clientSecret, ATLAS_ORG_ID, ['ORG_OWNER'], {
          expiresInSeconds: c.expiresInSeconds,
        }),
      );
      const id = c.arrange();
      const startedAt = clock.now();
      const r = await runInProcess(withServiceAccount(migrationInputs(url, c.inputs(id))), { clock, sim });
      expect(r.code).toBe(0);
      expect(r.outputs).toMatchObject(c.output);
      const waited = clock.now() - startedAt;
      expect(waited).toBeGreaterThan(c.expiresInSeconds * 1000);

      const tokens = sim.accessTokens();
      // One token per stretch of (lifetime − 5 min renewal margin), and more than one.
      expect(tokens.length).toBeGreaterThan(1);
      expect(tokens.length).toBe(Math.ceil(waited / ((c.expiresInSeconds - 300) * 1000)));
      expect(tokens.every((t) => t.revoked)).toBe(true);
      expect(
        r.lines.filter((l) => l === 'Renewed the service account access token before it expired, and revoked the old one.'),
      ).toHaveLength(tokens.length - 1);
      expect(sim.count('oauth', 'POST', '/token')).toBe(tokens.length);
      expect(sim.count('oauth', 'POST', '/revoke')).toBe(tokens.length);

      // No request ever went out with an expired (or revoked) token, and none was refused.
      const byValue = new Map(tokens.map((t) => [t.token, t]));
      const bearer = sim.requests({ side: 'atlas' });
      expect(bearer.length).toBeGreaterThan(20);
      for (const request of bearer) {
        expect(request.auth).toBe('bearer');
        expect(request.status).toBeLessThan(300);
        const token = byValue.get(String(request.headers.authorization).replace(/^Bearer /, ''));
        expect(token).toBeDefined();
        expect(token!.expiresAt).toBeGreaterThan(request.clock);
      }
      // Each token is revoked only after its successor was issued.
      const oauth = sim.requests({ side: 'oauth' }).map((q) => q.path.replace(/^\/api\/oauth\//, ''));
      expect(oauth).toEqual([
        ...Array.from({ length: tokens.length }, (_, i) => (i === 0 ? ['token'] : ['token', 'revoke'])).flat(),
        'revoke',
      ]);
    });
  }
});
