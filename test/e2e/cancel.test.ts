// A cancelled step, as the runner cancels it: SIGINT (then SIGTERM about 7.5 s later). The bundle
// runs against the simulator; the signal is sent once the simulator has seen a given request, and
// the run must still leave its outputs and a job summary, and exit within 5 s with a failure code.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_ORG_ID, ATLAS_PROJECT_ID, linkInputs, migrationInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

/** The runner's grace before SIGTERM is 7.5 s; the action is to be done well before. */
const EXIT_WITHIN_MS = 5000;

let sim: Simulator;
afterEach(() => closeChecked(sim));

/** The simulator for migrations: the source linked, migrations decided by polls only. */
function migrationSimulator(plan: Record<string, number>): Simulator {
  const s = standardSimulator({ plan });
  s.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  return s;
}

/** Authenticated requests of `route` the simulator has seen (a digest challenge is not one). */
const seen = (route: string) => sim.requests({ route }).filter((r) => r.auth !== 'none').length;
const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

function expectCancelled(run: ActionRun, signal: string): string {
  expect(run.code).toBe(1);
  expect(run.msAfterSignal).toBeDefined();
  expect(run.msAfterSignal as number).toBeLessThan(EXIT_WITHIN_MS);
  expect(run.errors.map((e) => e.properties.title)).toEqual(['Cancelled']);
  const summary = unescape(run.summary);
  expect(summary).toContain('(cancelled)</h2>');
  expect(summary).toContain(`Cancelled by ${signal}`);
  expect(summary).toContain(`This run was cancelled (${signal}) before it finished`);
  return summary;
}

describe.each(['SIGINT', 'SIGTERM'] as const)('%s', (signal) => {
  it('during the wait of migrate: the outputs and the summary name the migration, and how to resume', async () => {
    sim = migrationSimulator({ validationAfterPolls: 0, workingAfterPolls: 1, readyAfterPolls: 1000 });
    const url = await sim.listen();
    const run = await runAction(sim, migrationInputs(url, { command: 'migrate', 'wait-for': '600' }), {
      interrupt: { signal, when: () => seen('atlas.migrations.describe') >= 2 },
    });
    const summary = expectCancelled(run, signal);
    const id = run.outputs['migration-id'];
    expect(id).toMatch(/^[a-f0-9]{24}$/);
    expect(sim.migration(id)?.status).toBe('WORKING');
    expect(run.outputs).toMatchObject({ 'migration-status': 'WORKING', 'ready-for-cutover': 'false', changed: 'true' });
    expect(run.outputs['lag-seconds']).toMatch(/^\d+$/);
    expect(summary).toContain(`<td>Migration id</td><td>${id}</td>`);
    expect(summary).toContain(`re-run migrate with migration-id: ${id}`);
    expect(summary).toContain('stopped: the run was cancelled');
    expect(summary).toContain(`the last thing it saw: migration ${id}: WORKING`);
    expect(summary).toContain('Migration created');
    // No request after the signal: at most the poll in flight.
    expect(seen('atlas.migrations.describe')).toBeLessThanOrEqual(3);
  });

  it("during link's wait-for-sync: the outputs and the summary give the link status", async () => {
    sim = standardSimulator({ source: { neverSyncs: true } });
    const url = await sim.listen();
    const run = await runAction(sim, linkInputs(url, url, { command: 'link', 'wait-for-sync': '600' }), {
      interrupt: { signal, when: () => seen('source.link.status') >= 3 },
    });
    const summary = expectCancelled(run, signal);
    expect(run.outputs).toMatchObject({ status: 'NOT_SYNCED', changed: 'true' });
    expect(run.outputs['link-token']).toBeTruthy();
    expect(summary).toContain('<td>Status</td><td>NOT_SYNCED</td>');
    expect(summary).toMatch(
      /Wait for SYNCED<\/td><td>❌ failed<\/td><td>stopped: the run was cancelled \(SIG[A-Z]+\); the last thing it saw: link status NOT_SYNCED/,
    );
    expect(run.errors.map((e) => e.message).join('\n')).toContain('The last thing it saw: link status NOT_SYNCED.');
    expect(sim.linkOf(SOURCE_ORG_ID)?.atlasOrgId).toBe(ATLAS_ORG_ID);
  });
});

describe('a signal while an irreversible request is in flight', () => {
  it('migrate cancelled while the create is unanswered: the report says a migration may have been started', async () => {
    sim = migrationSimulator({ validationAfterPolls: 0 });
    sim.fail('atlas.migrations.create', { kind: 'hang', ms: 20_000 });
    const url = await sim.listen();
    const run = await runAction(sim, migrationInputs(url, { command: 'migrate', 'wait-for': '600' }), {
      interrupt: { signal: 'SIGINT', when: () => sim.requests({ route: 'atlas.migrations.create' }).length >= 1 },
    });
    const summary = expectCancelled(run, 'SIGINT');
    expect(summary).toContain('a migration may have been started');
    expect(summary).toContain('look in Atlas');
    expect(summary).not.toContain('Nothing was started');
    expect(run.errors[0].message).toContain('A request to start the migration was in flight');
    expect(run.outputs).toMatchObject({ 'validation-status': 'SUCCESS' });
    expect(run.outputs['migration-id']).toBeUndefined();
  });

  it('cutover cancelled while the cutover request is unanswered: the report says to read the migration before sending it again', async () => {
    sim = migrationSimulator({});
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
    sim.fail('atlas.migrations.cutover', { kind: 'hang', ms: 20_000 });
    const url = await sim.listen();
    const run = await runAction(sim, migrationInputs(url, { command: 'cutover', 'migration-id': id, 'wait-for': '600' }), {
      interrupt: { signal: 'SIGTERM', when: () => sim.requests({ route: 'atlas.migrations.cutover' }).length >= 1 },
    });
    const summary = expectCancelled(run, 'SIGTERM');
    expect(summary).toContain('Atlas may have started the cutover');
    expect(summary).toContain('with migration-status before sending it again');
    expect(run.errors[0].message).toContain('A request to cut over was in flight');
    expect(run.outputs).toMatchObject({ 'migration-id': id, 'migration-status': 'WORKING', 'ready-for-cutover': 'true' });
  });
});

describe('a second signal', () => {
  it('exits at once, failed', async () => {
    sim = migrationSimulator({ validationAfterPolls: 0, workingAfterPolls: 1, readyAfterPolls: 1000 });
    const url = await sim.listen();
    const run = await runAction(sim, migrationInputs(url, { command: 'migrate', 'wait-for': '600' }), {
      interrupt: { signal: 'SIGINT', again: true, when: () => seen('atlas.migrations.describe') >= 1 },
    });
    expect(run.code).toBe(1);
    expect(run.msAfterSignal as number).toBeLessThan(EXIT_WITHIN_MS);
  });
});
