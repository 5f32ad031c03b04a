// @ts-check
// `npm run demo`: the whole push live migration, end to end, against the simulator on loopback:
// link, migrate (validate, start, wait until ready), cutover (wait for COMPLETE). Each step runs
// dist/index.js the way the GitHub runner does (INPUT_* variables, GITHUB_OUTPUT and
// GITHUB_STEP_SUMMARY files), and the demo shows its log as the runner would (masks applied),
// its outputs, and the requests the simulator saw. No MongoDB account needed.
// `npm run demo -- --summary` also prints each job summary; the migration then takes a few more
// polls (about 15 s), so that the summary of the waiting step shows its lag chart and timeline.
// `npm run demo -- --campaign` runs a two-deployment campaign to complete instead (scripts/demo-campaign.mjs).
import { runAction } from '../test/harness/run-action.js';
import { ATLAS_ORG_ID, linkInputs, migrationInputs, standardSimulator } from '../test/simulator/fixture.js';

if (process.argv.includes('--campaign')) {
  await import('./demo-campaign.mjs');
}
const showSummary = process.argv.includes('--summary');
// A quick migration: each phase moves on after one poll (the action polls after 2 s, then 3 s, …).
const sim = standardSimulator({
  plan: showSummary
    ? { validationAfterPolls: 1, workingAfterPolls: 1, readyAfterPolls: 4, completeAfterPolls: 1, lagSeconds: [340, 120, 45, 9, 2] }
    : { validationAfterPolls: 1, workingAfterPolls: 1, readyAfterPolls: 1, completeAfterPolls: 1 },
});
const url = await sim.listen();
console.log(`Simulator of Atlas and Ops Manager listening on ${url}`);

const shown = /** @type {Record<string, string>} */ ({ error: 'Error: ', warning: 'Warning: ', notice: 'Notice: ', group: '▸ ' });

/** Runs one step of the workflow and prints what the runner would show. @param {string} title @param {Record<string, string>} inputs */
async function step(title, inputs) {
  console.log(`\n=== ${title} ===`);
  const seen = sim.count();
  const run = await runAction(inputs, { debug: false });
  /** @param {string} text */
  const masked = (text) => run.masks.reduce((t, secret) => t.split(secret).join('***'), text);
  const byLine = new Map(run.commands.map((c) => [c.line, c]));
  run.lines.forEach((line, i) => {
    const command = byLine.get(i + 1);
    if (!command) console.log(`  ${masked(line)}`);
    else if (command.name in shown) console.log(`  ${masked(shown[command.name] + command.data)}`);
  });
  console.log(
    '  outputs:',
    Object.entries(run.outputs)
      .map(([name, value]) => `${name}=${name === 'link-token' ? '***' : masked(value).slice(0, 60)}`)
      .join(', '),
  );
  if (showSummary) console.log(masked(run.summary));
  const requests = sim.requests().slice(seen);
  console.log(
    `  exit code ${run.code} in ${(run.ms / 1000).toFixed(1)} s; ${requests.length} requests: ${requests.map((r) => `${r.method} ${r.route} ${r.status}`).join(', ')}`,
  );
  if (run.code !== 0) {
    await sim.close();
    process.exit(1);
  }
  return run.outputs;
}

await step('link (on push to migration/*)', linkInputs(url, url));
// atlas-org-id lets the action fill in the source project and migration host from what Atlas lists.
const migrated = await step(
  'migrate (validate, start, wait until ready for cutover)',
  migrationInputs(url, {
    command: 'migrate',
    'atlas-org-id': ATLAS_ORG_ID,
    'source-project-id': '',
    'migration-host': '',
    'wait-for': '120',
  }),
);
// cutover needs the Atlas credentials, the project and the migration id only.
const { 'atlas-public-key': publicKey, 'atlas-private-key': privateKey, 'atlas-project-id': projectId } = migrationInputs(url);
const done = await step('cutover (after a reviewer approves the environment)', {
  command: 'cutover',
  'atlas-base-url': url,
  'atlas-public-key': publicKey,
  'atlas-private-key': privateKey,
  'atlas-project-id': projectId,
  'migration-id': migrated['migration-id'],
  'wait-for': '60',
});
console.log(`\nMigration ${migrated['migration-id']}: ${done['migration-status']}.`);
await sim.close();
process.exit(done['migration-status'] === 'COMPLETE' ? 0 : 1);
