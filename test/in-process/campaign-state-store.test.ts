// The campaign's state on its branch, through the action's GitHub routes and transport, against the
// simulator's GitHub: branch creation, compare-and-swap writes re-decided after a conflict, a lost
// answer read back instead of repeated, and no write when nothing changed.
import { afterEach, describe, expect, it } from 'vitest';
import type { Api } from '../../src/api/api.js';
import { recordReservation, recordValidationStarted } from '../../src/campaign/observe.js';
import { parsePlan } from '../../src/inputs/campaign-plan.js';
import { StateStore } from '../../src/campaign/state-store.js';
import { serializeState, stateForPlan, StateError, type CampaignState } from '../../src/campaign/state.js';
import { Budget } from '../../src/clock.js';
import { BearerTokenAuth } from '../../src/http/bearer-token-auth.js';
import { connectionFor } from '../../src/http/connection.js';
import { RetryPolicy } from '../../src/http/retry.js';
import { Transport } from '../../src/http/transport.js';
import { FakeClock } from '../helpers/in-process.js';
import { closeChecked } from '../helpers/scripts.js';
import { stubLog } from '../helpers/stub-log.js';
import { GITHUB_PREFIX, Simulator } from '../simulator/index.js';

const REPO = 'octo-org/migrations';
const TOKEN = 'ghs_store0000000000000000000000000000';
const BRANCH = 'live-migration-state';
const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);
const A = '65f000000000000000000001/rs0';
const plan = parsePlan(
  `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\n` +
    `deployments:\n  - source-project-id: 65f000000000000000000001\n    source-cluster-name: rs0\n    atlas-cluster-name: a\n`,
  'orders.yml',
);
let sim: Simulator;
afterEach(() => closeChecked(sim));

async function start(): Promise<StateStore> {
  const clock = new FakeClock(T0);
  sim = new Simulator({ clock });
  sim.github.addRepository(REPO).addToken(TOKEN, { repository: REPO });
  const baseUrl = `${await sim.listen()}${GITHUB_PREFIX}`;
  const log = stubLog();
  const transport = new Transport({
    side: 'github',
    baseUrl,
    params: { owner: 'octo-org', repo: 'migrations' },
    connection: connectionFor(baseUrl, undefined),
    auth: new BearerTokenAuth(TOKEN, log),
    requestTimeoutMs: 5000,
    retry: new RetryPolicy(3, () => 0),
    budget: new Budget(clock, 3600, 'test'),
    clock,
    log,
  });
  const api: Api = { call: ((route, args) => transport.call(route, args)) as Api['call'], prepare: async () => {} };
  return new StateStore(api, BRANCH, plan.name);
}

const puts = () => sim.requests({ route: 'github.contents.write' });
const validated = () =>
  recordValidationStarted(
    stateForPlan(plan, undefined, T0),
    A,
    { _id: '7b0000000000000000000001', status: 'SUCCESS', errorMessage: undefined },
    T0,
  );
/** The reservation, decided on the state as read: only a deployment still waiting to be reserved is reserved. */
const reserve = (s: CampaignState | undefined) => (s?.deployments[0].phase === 'validating' ? recordReservation(s, A, T0) : undefined);

describe('the state branch', () => {
  it('is created from the default branch once, and a state written there reads back the same', async () => {
    const store = await start();
    expect(await store.ensureBranch()).toBe(true);
    expect(await store.ensureBranch()).toBe(false);
    expect(sim.requests({ route: 'github.ref.create' })).toHaveLength(1);
    const first = await store.read();
    expect(first.state).toBeUndefined();
    const written = await store.update(first, () => validated(), 'campaign: validated');
    expect(written.wrote).toBe(true);
    expect(sim.github.file(REPO, BRANCH, 'orders.json')?.text).toBe(serializeState(validated()));
    expect((await store.read()).state).toEqual(validated());
  });

  it('writes nothing when nothing changed (the steady state)', async () => {
    const store = await start();
    await store.ensureBranch();
    const after = await store.update(await store.read(), () => validated(), 'm');
    const again = await store.update(after, (s) => s, 'm');
    expect(again.wrote).toBe(false);
    expect(puts()).toHaveLength(1);
    expect(await store.writeDashboard('# d\n', 'm')).toBe(true);
    expect(await store.writeDashboard('# d\n', 'm')).toBe(false);
  });

  it('two runs reserving at once: the loser reads the winner’s reservation and reserves nothing', async () => {
    const store = await start();
    await store.ensureBranch();
    const base = await store.update(await store.read(), () => validated(), 'm');
    // The other run's reservation lands between this run's read and its write.
    sim.github.changeBeforeNextWrite(REPO, BRANCH, 'orders.json', serializeState(recordReservation(validated(), A, T0 - 1000)));
    const seen: string[] = [];
    const result = await store.update(base, (s) => (seen.push(s?.deployments[0].phase ?? 'none'), reserve(s)), 'campaign: reserve');
    expect(seen).toEqual(['validating', 'starting']);
    expect(result.wrote).toBe(false);
    expect(result.state?.deployments[0].reservedAt).toBe(new Date(T0 - 1000).toISOString());
    expect(puts().map((r) => r.status)).toEqual([201, 409]);
  });

  it('a write whose answer was lost is read back, not repeated', async () => {
    const store = await start();
    await store.ensureBranch();
    sim.respond(
      'github.contents.write',
      (_request, real) => (real(), { status: 502, raw: '<html>bad gateway</html>', contentType: 'text/html' }),
    );
    const result = await store.update(await store.read(), () => validated(), 'm');
    expect(result.wrote).toBe(true);
    expect(puts()).toHaveLength(1);
    expect(result.state).toEqual(validated());
  });

  it('a state file edited into nonsense stops the run with the file and field named', async () => {
    const store = await start();
    await store.ensureBranch();
    sim.github.putFile(REPO, BRANCH, 'orders.json', serializeState(validated()).replace('"validating"', '"paused"'));
    const err = await store.read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StateError);
    expect((err as Error).message).toMatch(/live-migration-state:orders\.json is not usable: deployments\[0\]\.phase should be one of/);
  });
});
