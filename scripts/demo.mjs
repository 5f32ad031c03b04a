// @ts-check
// `npm run demo`: starts the simulator on loopback and runs dist/index.js against it the way the
// GitHub runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files), then shows
// the log as the runner would (masks applied, annotations), the outputs, the job summary and the
// requests the simulator saw. No MongoDB account needed. For now: the link.
import { runAction } from '../test/harness/run-action.js';
import { linkInputs, standardSimulator } from '../test/simulator/fixture.js';

const sim = standardSimulator();
const url = await sim.listen();
console.log(`Simulator of Atlas and Ops Manager listening on ${url}\n`);

const run = await runAction(linkInputs(url, url), { debug: false });
/** @param {string} text */
const masked = (text) => run.masks.reduce((t, secret) => t.split(secret).join('***'), text);
const byLine = new Map(run.commands.map((c) => [c.line, c]));
const shown = /** @type {Record<string, string>} */ ({
  error: 'Error: ',
  warning: 'Warning: ',
  notice: 'Notice: ',
  debug: '##[debug]',
  group: '▸ ',
});

console.log('--- action log (as the runner shows it) ---');
run.lines.forEach((line, i) => {
  const command = byLine.get(i + 1);
  if (!command) return console.log(masked(line));
  if (command.name in shown) console.log(masked(shown[command.name] + command.data));
});
if (run.stderr) console.log(masked(run.stderr));

console.log('\n--- step outputs ---');
for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}: ${masked(value)}`);
console.log('\n--- job summary (GITHUB_STEP_SUMMARY) ---');
console.log(masked(run.summary));
console.log('--- requests the simulator saw ---');
for (const r of sim.requests()) console.log(`${r.side.padEnd(6)} ${r.method.padEnd(6)} ${String(r.status).padEnd(4)} ${r.route ?? r.path}`);
console.log(`\nexit code ${run.code} in ${run.ms.toFixed(0)} ms; link status ${run.outputs.status ?? '(none)'}`);
await sim.close();
process.exit(run.code === 0 && run.outputs.status === 'SYNCED' ? 0 : 1);
