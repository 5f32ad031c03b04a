// `npm run simulator`: the Atlas and Cloud/Ops Manager simulator on 127.0.0.1 (port from
// SIMULATOR_PORT, default 18080) with the standard test world, until stopped. Used by the e2e
// workflow, which runs the action itself (`uses: ./`) against it.
import { standardSimulator } from '../test/simulator/fixture.js';

const sim = standardSimulator();
const url = await sim.listen({ port: Number(process.env.SIMULATOR_PORT ?? 18080) });
console.log(`Simulator listening on ${url}`);
const stop = async () => {
  console.log(`Stopping after ${sim.requests.length} requests.`);
  await sim.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
