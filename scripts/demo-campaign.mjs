// @ts-check
// `npm run demo -- --campaign`: a two-deployment campaign to complete on the simulator. Each
// "scheduled run" is one `campaign` step (dist/index.js as the runner runs it); between runs the
// simulator's clock moves 10 minutes; when a migration turns ready the campaign dispatches the
// cutover workflow, and the demo plays that workflow's approved job: `cutover` with its inputs.
import { runAction } from '../test/harness/run-action.js';
import { ATLAS_KEY, ATLAS_PROJECT_ID, standardSimulator } from '../test/simulator/fixture.js';
import {
  addCampaignWorld,
  CAMPAIGN_REPO,
  campaignEnv,
  campaignInputs,
  campaignPlanText,
  campaignWorkspace,
} from '../test/simulator/campaign-fixture.js';

const clusters = ['rs0', 'rs1'];
const sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
addCampaignWorld(sim, clusters);
const url = await sim.listen();
const workspace = campaignWorkspace(campaignPlanText(clusters));
console.log(`Simulator of Atlas, Ops Manager and GitHub listening on ${url}; plan orders.yml:\n${campaignPlanText(clusters)}`);

const cutDone = new Set();
/** @type {string[]} */
let phases = [];
for (let i = 1; i <= 20 && !(phases.length && phases.every((p) => p === 'complete')); i++) {
  const run = await runAction(campaignInputs(url, { 'cutover-workflow': 'cutover.yml' }), {
    env: campaignEnv(url, workspace.dir),
    debug: false,
  });
  const entries = JSON.parse(run.outputs.campaign ?? '[]');
  phases = entries.map((/** @type {{ phase: string }} */ e) => e.phase);
  console.log(
    `run ${String(i).padStart(2)} (exit ${run.code}, ${Math.round(run.ms)} ms, changed=${run.outputs.changed}): ` +
      entries
        .map((/** @type {Record<string, unknown>} */ e) => `${e.deployment} ${e.phase}${e['migration-id'] ? ` ${e['migration-id']}` : ''}`)
        .join(' | '),
  );
  for (const w of run.warnings) console.log(`  warning: ${w.message}`);
  if (run.code !== 0) {
    for (const e of run.errors) console.log(`  error: ${e.message}`);
    break;
  }
  for (const d of sim.github.dispatches()) {
    const id = /** @type {string} */ (d.inputs['migration-id']);
    if (cutDone.has(id)) continue;
    cutDone.add(id);
    const cut = await runAction(
      {
        command: 'cutover',
        'atlas-base-url': url,
        'atlas-public-key': ATLAS_KEY.publicKey,
        'atlas-private-key': ATLAS_KEY.privateKey,
        'atlas-project-id': ATLAS_PROJECT_ID,
        'migration-id': id,
      },
      { debug: false },
    );
    console.log(`  cutover workflow (dispatched for ${d.inputs.deployment}, approved): cutover ${id} → exit ${cut.code}`);
  }
  sim.advance(10 * 60_000);
}
const dashboard = sim.github.file(CAMPAIGN_REPO, 'live-migration-state', 'orders.md');
console.log(`\nDashboard live-migration-state:orders.md:\n${dashboard?.text ?? '(none)'}`);
workspace.remove();
await sim.close();
process.exit(phases.every((p) => p === 'complete') ? 0 : 1);
