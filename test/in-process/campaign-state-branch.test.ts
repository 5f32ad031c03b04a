// A campaign whose state branch has a slash (state-branch: ops/live-migration-state), run in
// process against the simulator's MongoDB and GitHub: the branch is created, the state and the
// dashboard are written on it, and the next run reads them back there.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { closeChecked } from '../helpers/scripts.js';
import {
  addCampaignWorld,
  CAMPAIGN_REPO,
  CAMPAIGN_TOKEN,
  campaignEnv,
  campaignInputs,
  campaignPlanText,
  campaignWorkspace,
} from '../simulator/campaign-fixture.js';
import { standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

const BRANCH = 'ops/live-migration-state';
let sim: Simulator;
let workspace: ReturnType<typeof campaignWorkspace>;
afterEach(async () => {
  workspace.remove();
  await closeChecked(sim);
});

async function world() {
  sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  addCampaignWorld(sim, ['rs0']);
  const url = await sim.listen();
  workspace = campaignWorkspace(campaignPlanText(['rs0']));
  return url;
}

const campaign = (url: string, extra: Record<string, string> = {}) =>
  runInProcess(campaignInputs(url, { 'state-branch': BRANCH, ...extra }), {
    sim,
    clock: new FakeClock(),
    env: campaignEnv(url, workspace.dir),
    secrets: [CAMPAIGN_TOKEN],
  });

describe('state-branch: ops/live-migration-state', () => {
  it('creates the branch, writes the state and dashboard on it, and a second run reads them back', async () => {
    const url = await world();
    const first = await campaign(url);
    expect(first.code, first.errors.map((e) => e.message).join()).toBe(0);
    expect(sim.github.branches(CAMPAIGN_REPO)[BRANCH]).toBeDefined();
    const creates = sim.requests({ route: 'github.ref.create' });
    expect(creates.map((r) => [r.status, JSON.parse(r.body ?? '{}').ref])).toEqual([[201, `refs/heads/${BRANCH}`]]);
    // The ref read carries the slash literal; the contents' ?ref= query has it encoded.
    const refReads = sim.requests({ route: 'github.ref.read' }).map((r) => r.path);
    expect(refReads).toContain(`/github-api/repos/${CAMPAIGN_REPO}/git/ref/heads/ops/live-migration-state`);
    expect(refReads.some((p) => p.includes('%2F'))).toBe(false);
    const state = sim.github.file(CAMPAIGN_REPO, BRANCH, 'orders.json');
    const dashboard = sim.github.file(CAMPAIGN_REPO, BRANCH, 'orders.md');
    expect(JSON.parse(state?.text ?? 'null')).toMatchObject({
      plan: 'orders',
      deployments: [expect.objectContaining({ phase: 'syncing' })],
    });
    expect(dashboard?.text).toContain('orders');
    expect(sim.github.files(CAMPAIGN_REPO).every((f) => f.branch === BRANCH)).toBe(true);
    expect(first.summary).toContain(`${BRANCH}:orders.json`);

    sim.advance(10 * 60_000);
    const before = sim.requests().length;
    const second = await campaign(url);
    expect(second.code, second.errors.map((e) => e.message).join()).toBe(0);
    const later = sim.requests().slice(before);
    expect(later.filter((r) => r.route === 'github.ref.create')).toEqual([]);
    const stateReads = later.filter((r) => r.route === 'github.contents.read' && r.path.endsWith('/orders.json'));
    expect(stateReads.length).toBeGreaterThan(0);
    expect(stateReads.every((r) => r.status === 200)).toBe(true);
    // Read back, not started again: the same migration, no second create.
    expect(sim.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
    expect(JSON.parse(second.outputs.campaign ?? '[]')[0]['migration-id']).toBe(
      JSON.parse(sim.github.file(CAMPAIGN_REPO, BRANCH, 'orders.json')?.text ?? 'null').deployments[0]['migration-id'],
    );
  });

  it('a bad state-branch is refused naming the input and git’s reason, with no request', async () => {
    const url = await world();
    const run = await campaign(url, { 'state-branch': 'ops/.state' });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message).join('\n')).toMatch(
      /Input 'state-branch': "ops\/\.state" is not a branch name git accepts: its component "\.state" starts with "\."/,
    );
    expect(sim.requests()).toEqual([]);
  });
});
