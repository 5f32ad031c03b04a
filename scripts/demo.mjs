// `npm run demo`: starts the simulator on loopback and runs dist/index.js against it the way
// the GitHub runner does (INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files).
// No MongoDB account needed.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputEnv, linkInputs, standardSimulator } from '../test/simulator/fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sim = standardSimulator();
const url = await sim.listen();
const dir = mkdtempSync(join(tmpdir(), 'link-demo-'));
const outputFile = join(dir, 'output');
const summaryFile = join(dir, 'summary.md');
writeFileSync(outputFile, '');
writeFileSync(summaryFile, '');

console.log(`Simulator of Atlas and Ops Manager listening on ${url}\n`);
console.log('--- action log (as the runner would show it) ---');
const child = spawn(process.execPath, [join(root, 'dist', 'index.js')], {
  env: { ...process.env, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, ...inputEnv(linkInputs(url, url)) },
  stdio: ['ignore', 'inherit', 'inherit'],
});
const code = await new Promise((resolve) => child.on('close', resolve));

const outputs = {};
for (const m of readFileSync(outputFile, 'utf8').matchAll(/^(.+?)<<(.+)\n([\s\S]*?)\n\2$/gm)) outputs[m[1]] = m[3];
console.log('\n--- step outputs ---');
for (const [name, value] of Object.entries(outputs)) {
  console.log(`${name}: ${name === 'link-token' ? '*** (masked on a runner)' : value}`);
}
console.log('\n--- job summary (GITHUB_STEP_SUMMARY) ---');
console.log(readFileSync(summaryFile, 'utf8'));
console.log('--- requests the simulator saw ---');
for (const r of sim.requests) console.log(`${r.side.padEnd(6)} ${r.method.padEnd(6)} ${r.status} ${r.path}`);
console.log(`\nexit code ${code}; link status ${outputs.status ?? '(none)'}`);
await sim.close();
rmSync(dir, { recursive: true, force: true });
process.exit(code === 0 && outputs.status === 'SYNCED' ? 0 : 1);
