// @ts-check
// The steady state of a campaign: one migration ready and waiting for its cutover, nothing
// changed since the last run. Reports the requests one run makes (by side and method) and the
// median wall time of a whole run; with `inbox`, the same with inbox-label on; and a stopped
// campaign whose inbox issue is already open (a run that learns nothing new). Used by bench/run.mjs.
import { runAction } from '../test/harness/run-action.js';
import { standardSimulator } from '../test/simulator/fixture.js';
import { addCampaignWorld, campaignEnv, campaignInputs, campaignPlanText, campaignWorkspace } from '../test/simulator/campaign-fixture.js';

/** @param {import('../test/simulator/index.js').Simulator} sim */
const describeRequests = (sim) => {
  const requests = sim.requests();
  const by = (/** @type {string} */ side) => requests.filter((r) => r.side === side);
  const github = by('github');
  return {
    mongodb: `${by('atlas').length + by('source').length} (${by('atlas')
      .map((r) => `${r.method} ${r.route} ${r.status}`)
      .join(', ')})`,
    github: `${github.length} (${github.filter((r) => r.method !== 'GET').length} writes${github.length ? ': ' : ''}${github.map((r) => `${r.method} ${r.route} ${r.status}`).join(', ')})`,
  };
};

/** A stopped campaign (its validation FAILED), its inbox issue open: the requests of a run that learns nothing new. */
export async function campaignStoppedWithInbox() {
  const sim = standardSimulator({ plan: { validationAfterPolls: 0, validationFails: 'Migration host cannot reach rs0.' } });
  addCampaignWorld(sim, ['rs0', 'rs1']);
  const url = await sim.listen();
  const workspace = campaignWorkspace(campaignPlanText(['rs0', 'rs1']));
  try {
    const run = () =>
      runAction(campaignInputs(url, { 'inbox-label': 'migration-campaign' }), { env: campaignEnv(url, workspace.dir), debug: false });
    await run();
    sim.advance(10 * 60_000);
    sim.clearRequests();
    const once = await run();
    if (once.code !== 1 || !once.outputs.inbox) throw new Error(`expected a stopped campaign with its inbox issue, got exit ${once.code}`);
    return { ...describeRequests(sim), issues: sim.github.issues('octo-org/migrations').length };
  } finally {
    workspace.remove();
    await sim.close();
  }
}

/** @param {number} rounds @param {{ inbox?: boolean }} [options] */
export async function campaignSteadyState(rounds, { inbox = false } = {}) {
  const sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  addCampaignWorld(sim, ['rs0', 'rs1']);
  const url = await sim.listen();
  const workspace = campaignWorkspace(campaignPlanText(['rs0', 'rs1']));
  const inputs = campaignInputs(url, inbox ? { 'inbox-label': 'migration-campaign' } : {});
  const run = async () => {
    const r = await runAction(inputs, { env: campaignEnv(url, workspace.dir), debug: false });
    if (r.code !== 0) throw new Error(`campaign exited ${r.code}: ${r.errors.map((e) => e.message).join('; ')}`);
    return r;
  };
  try {
    // Start the first migration and let it become ready (lag settles), then the steady state.
    for (let i = 0; i < 4; i++) {
      await run();
      sim.advance(10 * 60_000);
    }
    sim.clearRequests();
    const once = await run();
    const seen = describeRequests(sim);
    const times = [once.ms];
    for (let i = 1; i < rounds; i++) times.push((await run()).ms);
    times.sort((a, b) => a - b);
    return {
      phase: JSON.parse(once.outputs.campaign)[0].phase,
      changed: once.outputs.changed,
      ...seen,
      medianMs: times[Math.floor(times.length / 2)],
    };
  } finally {
    workspace.remove();
    await sim.close();
  }
}
