// @ts-check
// `npm run bench`: the whole `node dist/index.js` link run against the simulator (through the
// shared runner, test/harness/run-action.js), interleaved with a bare `node -e 0` and the
// hand-made floor (bench/floor-link.mjs); medians and ratios, requests per command, and the
// bundle's size. Each "fresh source" round links a new source organization, arranged through the
// simulator's control API. Usage: npm run bench [-- --rounds N]
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLE, ROOT, runAction } from '../test/harness/run-action.js';
import { ATLAS_KEY, ATLAS_ORG_ID, linkInputs, SOURCE_KEY, standardSimulator } from '../test/simulator/fixture.js';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 21;
const sim = standardSimulator();
const url = await sim.listen();

/** Milliseconds from spawn to exit of `node ...args`, with only PATH in the environment. @param {string[]} args */
function timed(args) {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH }, stdio: 'ignore' });
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code === 0 ? resolve(Number(process.hrtime.bigint() - started) / 1e6) : reject(new Error(`${args.join(' ')} exited ${code}`)),
    ),
  );
}

/** @param {Record<string, string>} inputs */
async function action(inputs) {
  const run = await runAction(inputs, { debug: false });
  if (run.code !== 0) throw new Error(`the action exited ${run.code}: ${run.errors.map((e) => e.message).join('; ')}`);
  return run.ms;
}

let sources = 0;
/** A source organization never linked before, with its own API key. */
function freshSource() {
  sources += 1;
  const id = `6b${sources.toString(16).padStart(22, '0')}`;
  const publicKey = `benchpub${sources}`;
  sim.addSourceOrg(id).addApiKey(publicKey, SOURCE_KEY.privateKey, id);
  return { 'source-org-id': id, 'source-public-key': publicKey };
}

/** @type {Record<string, () => Promise<number>>} */
const scenarios = {
  'node -e 0': () => timed(['-e', '0']),
  'floor (bench/floor-link.mjs)': () => {
    const source = freshSource();
    const floorArgs = [
      ATLAS_ORG_ID,
      ATLAS_KEY.publicKey,
      ATLAS_KEY.privateKey,
      source['source-org-id'],
      source['source-public-key'],
      SOURCE_KEY.privateKey,
    ];
    return timed([join(ROOT, 'bench', 'floor-link.mjs'), url, ...floorArgs]);
  },
  'action link, fresh source': () => action(linkInputs(url, url, freshSource())),
  'action start-up only (dry-run)': () => action(linkInputs(url, url, { 'dry-run': 'true' })),
};

/** @type {Record<string, number[]>} */
const samples = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
for (const run of Object.values(scenarios)) await run(); // warm the file cache
for (let i = 0; i < rounds; i += 1) {
  for (const [name, run] of Object.entries(scenarios)) samples[name].push(await run());
}
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medians = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));

/** The requests one run makes, by side. @param {Record<string, string>} inputs */
async function requestsFor(inputs) {
  sim.clearRequests();
  await action(inputs);
  const sides = ['atlas', 'source', 'oauth'].map((side) => `${side} ${sim.count(/** @type {'atlas' | 'source' | 'oauth'} */ (side))}`);
  return `${sim.count()} (${sides.join(', ')})`;
}
const source = freshSource();
const requests = {
  'link, fresh source': await requestsFor(linkInputs(url, url, source)),
  'link, already SYNCED source': await requestsFor(linkInputs(url, url, source)),
  status: await requestsFor(linkInputs(url, url, { ...source, command: 'status', 'atlas-public-key': '', 'atlas-private-key': '' })),
  unlink: await requestsFor(linkInputs(url, url, { ...source, command: 'unlink' })),
};

const floor = medians['floor (bench/floor-link.mjs)'];
const linkMs = medians['action link, fresh source'];
const bundle = statSync(BUNDLE).size;
console.log(`Node ${process.version}, ${rounds} interleaved rounds, medians:`);
for (const [name, ms] of Object.entries(medians)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms`);
console.log(`  action link / floor                 ${(linkMs / floor).toFixed(2)} x   (target <= 1.20)`);
console.log(`  action link / node -e 0             ${(linkMs / medians['node -e 0']).toFixed(2)} x`);
console.log('Requests per command:');
for (const [name, n] of Object.entries(requests)) console.log(`  ${name.padEnd(34)} ${n}`);
console.log(`Bundle: dist/index.js ${(bundle / 1024).toFixed(0)} KiB (target < 1024 KiB)`);
await sim.close();
