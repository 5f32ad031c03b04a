// Retry waits, backoff and the step's time budget, run in process with a fake clock (shared with
// the simulator): minutes of waiting take no real time, and every wait the action makes is read
// back from the clock. The real-time end-to-end checks are in test/e2e/retries-and-bodies.test.ts and test/e2e/network.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked, edited } from '../helpers/scripts.js';
import {
  ATLAS_ORG_ID,
  SERVICE_ACCOUNT,
  ATLAS_PROJECT_ID,
  linkInputs,
  migrationInputs,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';

let sim: Simulator;
let clock: FakeClock;
afterEach(() => closeChecked(sim));

/** A simulator on the fake clock; the clock starts on a whole second far from the real time, so no code can mix the two unseen. */
async function start() {
  clock = new FakeClock(Date.UTC(2031, 4, 6, 7, 8, 9));
  sim = standardSimulator({ clock });
  return sim.listen();
}

const rateLimited = (retryAfter: string) => ({
  kind: 'status' as const,
  status: 429,
  headers: { 'Retry-After': retryAfter },
  body: { error: 429, errorCode: 'RATE_LIMITED', detail: 'Too many requests.' },
});

/** The attempts of a route that authenticated (not the digest challenges), with the simulator's clock at each. */
const attempts = (route: string) => sim.requests({ route }).filter((r) => r.auth !== 'none');

describe('Retry-After', () => {
  it('429 with Retry-After: 2 waits 2 s of (fake) time, then succeeds', async () => {
    const url = await start();
    sim.respond('atlas.linkTokens.create', {
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { error: 429, errorCode: 'RATE_LIMITED' },
    });
    // Retry-After plus up to 250 ms of jitter, so that many runners do not come back at once; here the jitter is half of that.
    const run = await runInProcess(linkInputs(url, url), { clock, sim, random: () => 0.5 });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    const create = attempts('atlas.linkTokens.create');
    expect(create.map((r) => r.status)).toEqual([429, 201]);
    expect(clock.sleeps).toEqual([2125]);
    expect(create[1].clock - create[0].clock).toBe(2125);
    expect(run.lines).toContain('Atlas: create the link token: HTTP 429; retry 1 of 3 in 2.1 s.');
  });

  it('Retry-After as an HTTP date is read against the action’s clock', async () => {
    const url = await start();
    sim.fail('source.link.connect', {
      kind: 'status',
      status: 503,
      headers: { 'Retry-After': new Date(clock.now() + 5000).toUTCString() },
    });
    const run = await runInProcess(linkInputs(url, url), { clock, sim });
    expect(run.code).toBe(0);
    expect(sim.requests({ route: 'source.link.connect' }).map((r) => r.status)).toEqual([503, 201]);
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(5000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(5250);
  });

  it('a date in the past, or a value that is neither, falls back to backoff', async () => {
    const url = await start();
    sim
      .fail('source.link.connect', {
        kind: 'status',
        status: 503,
        headers: { 'Retry-After': new Date(clock.now() - 60_000).toUTCString() },
      })
      .fail('source.link.connect', { kind: 'status', status: 503, headers: { 'Retry-After': 'soon, ##[error]pwned' } });
    const run = await runInProcess(linkInputs(url, url), { clock, sim });
    expect(run.code).toBe(0);
    expect(sim.requests({ route: 'source.link.connect' }).map((r) => r.status)).toEqual([503, 503, 201]);
    // A past date means "now" (only the jitter); garbage is ignored, so the second wait is backoff (1–2 s).
    expect(clock.sleeps[0]).toBeLessThanOrEqual(250);
    expect(clock.sleeps[1]).toBeGreaterThanOrEqual(1000);
    expect(clock.sleeps[1]).toBeLessThanOrEqual(2000);
  });
});

describe('backoff', () => {
  it('doubles from 0.5–1 s, with jitter, up to 30 s, and fails after the last attempt naming it', async () => {
    const url = await start();
    sim.fail('source.link.connect', { kind: 'status', status: 503, times: Infinity });
    const run = await runInProcess(linkInputs(url, url, { 'max-retries': '7' }), { clock, sim });
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'source.link.connect' })).toHaveLength(8);
    const ceilings = [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000];
    expect(clock.sleeps).toHaveLength(ceilings.length);
    clock.sleeps.forEach((ms, i) => {
      expect(ms, `wait ${i + 1}`).toBeGreaterThanOrEqual(ceilings[i] / 2);
      expect(ms, `wait ${i + 1}`).toBeLessThanOrEqual(ceilings[i]);
    });
    expect(new Set(clock.sleeps.map((ms, i) => ms / ceilings[i])).size, 'jitter varies the waits').toBeGreaterThan(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'source: connect to Atlas with the link token failed after 8 attempts: HTTP 503 SIMULATED: Simulated 503.',
    ]);
  });
});

describe('an access token lifetime the token endpoint states', () => {
  for (const expiresIn of [60, 0, -1]) {
    it(`expires_in ${expiresIn}: the token is not fetched again for every call (the endpoint is rate limited)`, async () => {
      const url = await start();
      sim.respond(
        'oauth.token',
        edited((b) => void (b.expires_in = expiresIn)),
        100,
      );
      const run = await runInProcess(withServiceAccount(linkInputs(url, url)), { clock, sim });
      expect(run.code).toBe(0);
      expect(sim.requests({ side: 'atlas' }).map((r) => `${r.route} ${r.status}`)).toEqual([
        'atlas.linkTokens.create 201',
        'atlas.availableProjects 200',
      ]);
      expect(sim.requests({ route: 'oauth.token' })).toHaveLength(1);
      expect(sim.requests({ route: 'oauth.revoke' })).toHaveLength(1);
    });
  }

  it('a 60 s token is renewed half way through its life during a long wait, not at every poll', async () => {
    const url = await start();
    // The simulator itself issues 60 s tokens and refuses them after that: a token kept too long fails the run.
    sim.addServiceAccount(SERVICE_ACCOUNT.clientId, SERVICE_ACCOUNT.clientSecret, ATLAS_ORG_ID, ['ORG_OWNER'], { expiresInSeconds: 60 });
    sim.migrationPlan({ readyAfterPolls: 1000, readyAfterMs: 3600_000 });
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const run = await runInProcess(
      withServiceAccount(migrationInputs(url, { command: 'migration-status', 'migration-id': id, 'wait-for': '600' })),
      { clock, sim },
    );
    // Still syncing after wait-for is a result (issue 19): no error, a notice.
    expect(run.errors).toEqual([]);
    expect(run.notices.map((n) => n.properties.title)).toContain('Still syncing');
    expect(run.notices.find((n) => n.properties.title === 'Still syncing')?.message).toMatch(/is still syncing after 600 s \(wait-for\)/);
    const polls = sim.requests({ route: 'atlas.migrations.describe' });
    const tokens = sim.accessTokens();
    // A token is renewed at the first call past half its life (30 s), never sooner: count the calls that are.
    let renewAt = -Infinity;
    let expected = 0;
    for (const poll of polls) {
      if (poll.clock < renewAt) continue;
      expected += 1;
      renewAt = poll.clock + 30_000;
    }
    expect(tokens).toHaveLength(expected);
    expect(tokens.length).toBeGreaterThan(5);
    expect(tokens.length).toBeLessThan(polls.length);
    expect(tokens.every((t) => t.revoked)).toBe(true);
    // No poll went out with a token past its life, and none was refused.
    const expiresAt = new Map(tokens.map((t) => [t.token, t.expiresAt]));
    for (const poll of polls) {
      expect(poll.status).toBe(200);
      expect(expiresAt.get(String(poll.headers.authorization).replace(/^Bearer /, ''))).toBeGreaterThan(poll.clock);
    }
  });
});

describe("the step's time budget", () => {
  // No jitter: every wait is exactly what the server asked for.
  const noJitter = () => 0;

  it('fires before a retry wait that would pass it, saying which budget and where', async () => {
    const url = await start();
    // request-timeout 1, max-retries 2: a budget of 0 s of waiting + (2 + 1) × (1 + 60) s = 183 s. Two waits of
    // 60 s for the token (t = 120 s), one for connecting (t = 180 s); another would end at 240 s.
    sim.fail('atlas.linkTokens.create', { ...rateLimited('60'), times: 2 });
    sim.fail('source.link.connect', { ...rateLimited('60'), times: Infinity });
    const run = await runInProcess(linkInputs(url, url, { 'request-timeout': '1', 'max-retries': '2' }), { clock, sim, random: noJitter });
    expect(run.code).toBe(1);
    expect(clock.sleeps).toEqual([60_000, 60_000, 60_000]);
    expect(attempts('source.link.connect').map((r) => r.status)).toEqual([429, 429]);
    expect(run.errors.map((e) => e.message)).toEqual([
      "The step's time budget of 183 s (0 s of waiting + 183 s for requests and retries) ran out before retry 2 of 2 (connect to Atlas with the link token).",
    ]);
    // The token was made before the budget ran out: the outputs a clean-up needs are set.
    expect(run.outputs['link-token']).toBe(sim.tokensOf(ATLAS_ORG_ID)[0]);
    expect(run.outputs.changed).toBe('true');
  });

  it('cuts the attempt that would pass it, naming the phase and the operation', async () => {
    const url = await start();
    // request-timeout 2, max-retries 3: (3 + 1) × (2 + 60) s = 248 s. Waits of 3 × 60 s for the token and 60 s + 7 s
    // for connecting leave 1 s, less than request-timeout: the third connect gets that second, and no answer.
    sim.fail('atlas.linkTokens.create', { ...rateLimited('60'), times: 3 });
    sim
      .fail('source.link.connect', rateLimited('60'))
      .fail('source.link.connect', rateLimited('7'))
      .fail('source.link.connect', { kind: 'hang', ms: 10_000 });
    const run = await runInProcess(linkInputs(url, url, { 'request-timeout': '2', 'max-retries': '3' }), { clock, sim, random: noJitter });
    expect(run.code).toBe(1);
    expect(clock.sleeps).toEqual([60_000, 60_000, 60_000, 60_000, 7_000]);
    expect(sim.requests({ route: 'source.link.connect' }).map((r) => r.status)).toEqual([429, 429, -2]);
    expect(run.errors.map((e) => e.message)).toEqual([
      "The step's time budget of 248 s (0 s of waiting + 248 s for requests and retries) ran out while waiting for the answer (connect to Atlas with the link token).",
    ]);
  });

  it('wait-for-sync is part of the budget: a link that never syncs ends when its wait runs out, polling at most every 15 s', async () => {
    const url = await start();
    sim.addSourceOrg(SOURCE_ORG_ID, { neverSyncs: true });
    const run = await runInProcess(linkInputs(url, url, { 'wait-for-sync': '600' }), { clock, sim });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'source: the link did not reach SYNCED within 600 s (wait-for-sync); the last status read was NOT_SYNCED.',
    ]);
    const waited = clock.sleeps.reduce((a, b) => a + b, 0);
    expect(waited).toBe(600_000);
    expect(Math.max(...clock.sleeps)).toBe(15_000);
  });

  // request-timeout 1, max-retries 1: 60 s of waiting + (1 + 1) × (1 + 60) s = 182 s. Three calls each wait once
  // for Retry-After before the wait starts.
  const spendMargin = (url: string, firstRetryAfter: string) => {
    sim.addSourceOrg(SOURCE_ORG_ID, { neverSyncs: true });
    sim.fail('source.link.status', rateLimited(firstRetryAfter));
    sim.fail('atlas.linkTokens.create', rateLimited('60'));
    sim.fail('source.link.connect', rateLimited('60'));
    return linkInputs(url, url, { 'wait-for-sync': '60', 'request-timeout': '1', 'max-retries': '1' });
  };

  it('fires during a wait when retries before it used up the margin, saying so', async () => {
    const url = await start();
    // t = 179 s when the wait starts; its first pause of 2 s fits (t = 181 s), its second (3 s) would not.
    const run = await runInProcess(spendMargin(url, '59'), { clock, sim, random: noJitter });
    expect(run.code).toBe(1);
    expect(clock.sleeps).toEqual([59_000, 60_000, 60_000, 2_000]);
    expect(run.errors.map((e) => e.message)).toEqual([
      "The step's time budget of 182 s (60 s of waiting + 122 s for requests and retries) ran out while waiting for SYNCED.",
    ]);
    // What was done stands in the outputs: the token was created and the source connected.
    expect(run.outputs).toMatchObject({ status: 'NOT_SYNCED', changed: 'true' });
  });

  it('spent exactly when a request is due: the error is the budget, naming the request, not a network failure', async () => {
    const url = await start();
    // t = 180 s when the wait starts; its first pause ends at 182 s, the budget's end, just as the poll is due.
    const run = await runInProcess(spendMargin(url, '60'), { clock, sim, random: noJitter });
    expect(run.code).toBe(1);
    expect(clock.sleeps).toEqual([60_000, 60_000, 60_000, 2_000]);
    expect(run.errors.map((e) => e.message)).toEqual([
      `The step's time budget of 182 s (60 s of waiting + 122 s for requests and retries) ran out before GET /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status.`,
    ]);
  });
});
