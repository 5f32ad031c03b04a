// Through the bundle: what the runner and the workflow hand the action follows the action's own
// rules. A slashed state branch works end to end; a plain-http GITHUB_API_URL to loopback works
// without allow-insecure-http and one to another host is refused; a migration host that is not
// a host name is refused; each refusal before any request.
import { afterEach, describe, expect, it } from 'vitest';
import { GITHUB_PREFIX } from '../simulator/index.js';
import { runAction } from '../helpers/run-action.js';
import { migrationInputs, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { campaignWorld, phases, REPO, runCampaign, type World } from './campaign-world.js';

let w: World | undefined;
let sim: Simulator | undefined;
afterEach(async () => {
  w?.close();
  await w?.sim.close();
  await sim?.close();
  w = undefined;
  sim = undefined;
});

const errors = (run: { errors: Array<{ message: string }> }) => run.errors.map((e) => e.message).join('\n');

describe('state-branch: ops/live-migration-state', () => {
  it('creates the branch, writes the state and the dashboard on it, and reads them back on the next run', async () => {
    w = await campaignWorld();
    const branch = 'ops/live-migration-state';
    const first = await runCampaign(w, { 'state-branch': branch });
    expect(first.code, errors(first)).toBe(0);
    expect(Object.keys(w.sim.github.branches(REPO))).toContain(branch);
    expect(w.sim.github.file(REPO, branch, 'orders.json')?.text).toContain('"plan": "orders"');
    expect(w.sim.github.file(REPO, branch, 'orders.md')?.text).toContain('# Migration campaign orders');
    w.sim.advance(600_000);
    const second = await runCampaign(w, { 'state-branch': branch });
    expect(second.code, errors(second)).toBe(0);
    // Read back: the migration the first run started is watched, not started again.
    expect(phases(first)[0]).toBe('syncing');
    expect(['syncing', 'ready']).toContain(phases(second)[0]);
    expect(w.sim.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
    expect(w.sim.requests({ route: 'github.ref.create' })).toHaveLength(1);
  });

  it.each([
    ['a..b', '..'],
    ['ops/.hidden', '.'],
    ['state.lock', '.lock'],
    ['-state', '-'],
    ['a@{b', '@{'],
    ['ops//state', '/'],
  ])('refuses %j with git’s reason, before any request', async (branch, reason) => {
    w = await campaignWorld();
    const run = await runCampaign(w, { 'state-branch': branch });
    expect(run.code).toBe(1);
    expect(errors(run)).toContain("Input 'state-branch'");
    expect(errors(run)).toContain(reason);
    expect(w.sim.requests()).toEqual([]);
  });
});

describe('GITHUB_API_URL follows the one URL rule', () => {
  it('plain http to loopback works without allow-insecure-http', async () => {
    w = await campaignWorld();
    const run = await runCampaign(w, { 'allow-insecure-http': 'false' });
    expect(run.code, errors(run)).toBe(0);
    expect(new URL(w.url).hostname).toBe('127.0.0.1');
  });

  it('plain http to another host is refused without allow-insecure-http, naming GITHUB_API_URL, before any request', async () => {
    w = await campaignWorld();
    const remote = `http://0.0.0.0:${new URL(w.url).port}${GITHUB_PREFIX}`;
    const run = await runCampaign(w, { 'allow-insecure-http': 'false' }, { GITHUB_API_URL: remote });
    expect(run.code).toBe(1);
    expect(errors(run)).toContain('GITHUB_API_URL');
    expect(w.sim.requests()).toEqual([]);
  });
});

describe('migration-host is a host name', () => {
  it.each(['mh1.example.com,mh2.example.com', 'mh1.example.com/agent', 'mh 1', 'mh1..example.com'])(
    'refuses %j before any request',
    async (host) => {
      sim = standardSimulator();
      const url = await sim.listen();
      const run = await runAction(sim, migrationInputs(url, { command: 'migrate', 'migration-host': host }));
      expect(run.code).toBe(1);
      expect(errors(run)).toContain("Input 'migration-host'");
      expect(sim.requests()).toEqual([]);
    },
  );
});
