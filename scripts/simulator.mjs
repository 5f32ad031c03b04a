// @ts-check
// `npm run simulator`: the Atlas and Cloud/Ops Manager simulator on 127.0.0.1 (port from
// SIMULATOR_PORT, default 18080) with the standard test world, until SIGINT or SIGTERM. Used by
// the e2e workflow, which runs the action itself (`uses: ./`) against it.
// With `--inputs-file PATH`, it first writes the fixture's inputs (link, and the migration's destination and deployment) as name=value lines (base
// URLs set to its own URL) to PATH, then prints "Simulator listening on URL"; the workflow copies
// that file into $GITHUB_OUTPUT, so the values live in the fixture only.
import { writeFileSync } from 'node:fs';
import { linkInputs, migrationInputs, standardSimulator } from '../test/simulator/fixture.js';

const flag = process.argv.indexOf('--inputs-file');
const inputsFile = flag > 0 ? process.argv[flag + 1] : undefined;
if (flag > 0 && !inputsFile) {
  console.error('usage: node scripts/simulator.mjs [--inputs-file PATH]');
  process.exit(2);
}

const sim = standardSimulator();
const url = await sim.listen({ port: Number(process.env.SIMULATOR_PORT ?? 18080) });
if (inputsFile) {
  const { 'atlas-project-id': project, 'atlas-cluster-name': cluster, 'source-cluster-name': deployment } = migrationInputs(url);
  const inputs = { ...linkInputs(url, url), 'atlas-project-id': project, 'atlas-cluster-name': cluster, 'source-cluster-name': deployment };
  const lines = Object.entries(inputs).map(([name, value]) => `${name}=${value}\n`);
  writeFileSync(inputsFile, lines.join(''));
}
console.log(`Simulator listening on ${url}`);

const stop = async () => {
  console.log(`Stopping after ${sim.count()} requests.`);
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
