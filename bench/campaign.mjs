// @ts-check
// The steady state of a campaign: one migration ready and waiting for its cutover, nothing
// changed since the last run. Reports the requests one run makes (by side and method) and the
// median wall time of a whole run. Used by bench/run.mjs.
import { runAction } from '../test/harness/run-action.js';
import { standardSimulator } from '../test/simulator/fixture.js';
import { addCampaignWorld, campaignEnv, campaignInputs, campaignPlanText, campaignWorkspace } from '../test/simulator/campaign-fixture.js';

/** @param {number} rounds */
export async function campaignSteadyState(rounds) {
  const sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  addCampaignWorld(sim, ['rs0', 'rs1']);
  const url = await sim.listen();
  const workspace = campaignWorkspace(campaignPlanText(['rs0', 'rs1']));
  const run = async () => {
    const r = await runAction(campaignInputs(url), { env: campaignEnv(url, workspace.dir), debug: false });
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
    const requests = sim.requests();
    const by = (/** @type {string} */ side) => requests.filter((r) => r.side === side);
    const github = by('github');
    const times = [once.ms];
    for (let i = 1; i < rounds; i++) times.push((await run()).ms);
    times.sort((a, b) => a - b);
    return {
      phase: JSON.parse(once.outputs.campaign)[0].phase,
      changed: once.outputs.changed,
      mongodb: `${by('atlas').length + by('source').length} (${by('atlas')
        .map((r) => `${r.method} ${r.route} ${r.status}`)
        .join(', ')})`,
      github: `${github.length} (${github.filter((r) => r.method !== 'GET').length} writes: ${github.map((r) => `${r.method} ${r.route} ${r.status}`).join(', ')})`,
      medianMs: times[Math.floor(times.length / 2)],
    };
  } finally {
    workspace.remove();
    await sim.close();
  }
}
