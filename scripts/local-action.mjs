// `npm run local-action`: runs src/main.ts (not the bundle) through @github/local-action with
// the inputs in .env.example, against the simulator started here on 127.0.0.1:18080.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { standardSimulator } from '../test/simulator/fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sim = standardSimulator();
const url = await sim.listen({ port: 18080 });
console.log(`Simulator listening on ${url}`);
const cli = join(root, 'node_modules', '@github', 'local-action', 'bin', 'local-action.js');
const child = spawn(process.execPath, [cli, 'run', root, 'src/main.ts', join(root, '.env.example')], { stdio: 'inherit', cwd: root });
const code = await new Promise((resolve) => child.on('close', resolve));
console.log(`\nThe simulator saw ${sim.requests.length} requests.`);
await sim.close();
process.exit(code ?? 1);
