// `npm run bench`: the whole `node dist/index.js` link run against the simulator, interleaved
// with a bare `node -e 0` and the hand-made floor (bench/floor-link.mjs); medians and ratios,
// requests per command, and the bundle's size. Usage: npm run bench [-- --rounds N]
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ATLAS_KEY, ATLAS_ORG_ID, inputEnv, linkInputs, SOURCE_KEY, SOURCE_ORG_ID, standardSimulator } from '../test/simulator/fixture.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 21;
const sim = standardSimulator();
const url = await sim.listen();
const dir = mkdtempSync(join(tmpdir(), 'link-bench-'));

function timed(args, env = {}) {
  const outputFile = join(dir, 'output');
  writeFileSync(outputFile, '');
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, GITHUB_OUTPUT: outputFile, ...env }, stdio: 'ignore' });
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}`));
      else resolve(ms);
    }),
  );
}

const freshSource = () => {
  sim.sourceOrgs.get(SOURCE_ORG_ID).link = null;
};
const actionEnv = (extra = {}) => inputEnv(linkInputs(url, url, extra));
const scenarios = {
  'node -e 0': () => timed(['-e', '0']),
  'floor (bench/floor-link.mjs)': () => {
    freshSource();
    return timed([
      join(root, 'bench', 'floor-link.mjs'),
      url,
      ATLAS_ORG_ID,
      ATLAS_KEY.publicKey,
      ATLAS_KEY.privateKey,
      SOURCE_ORG_ID,
      SOURCE_KEY.publicKey,
      SOURCE_KEY.privateKey,
    ]);
  },
  'action link, fresh source': () => {
    freshSource();
    return timed([join(root, 'dist', 'index.js')], actionEnv());
  },
  'action start-up only (dry-run)': () => timed([join(root, 'dist', 'index.js')], actionEnv({ 'dry-run': 'true' })),
};

const samples = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
for (const run of Object.values(scenarios)) await run(); // warm the file cache
for (let i = 0; i < rounds; i += 1) {
  for (const [name, run] of Object.entries(scenarios)) samples[name].push(await run());
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const medians = Object.fromEntries(Object.entries(samples).map(([k, xs]) => [k, median(xs)]));

async function requestsFor(extra, arrange) {
  arrange();
  const before = sim.requests.length;
  await timed([join(root, 'dist', 'index.js')], actionEnv(extra));
  const made = sim.requests.slice(before);
  return `${made.length} (${['atlas', 'source', 'oauth'].map((s) => `${s} ${made.filter((r) => r.side === s).length}`).join(', ')})`;
}
const requests = {
  'link, fresh source': await requestsFor({}, freshSource),
  'link, already SYNCED source': await requestsFor({}, () => {}),
  status: await requestsFor({ command: 'status', 'atlas-public-key': '', 'atlas-private-key': '' }, () => {}),
  unlink: await requestsFor({ command: 'unlink' }, () => {}),
};

const floor = medians['floor (bench/floor-link.mjs)'];
const action = medians['action link, fresh source'];
const bundle = statSync(join(root, 'dist', 'index.js')).size;
console.log(`Node ${process.version}, ${rounds} interleaved rounds, medians:`);
for (const [name, ms] of Object.entries(medians)) console.log(`  ${name.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms`);
console.log(`  action link / floor                 ${(action / floor).toFixed(2)} x   (target <= 1.20)`);
console.log(`  action link / node -e 0             ${(action / medians['node -e 0']).toFixed(2)} x`);
console.log('Requests per command:');
for (const [name, n] of Object.entries(requests)) console.log(`  ${name.padEnd(34)} ${n}`);
console.log(`Bundle: dist/index.js ${(bundle / 1024).toFixed(0)} KiB (target < 1024 KiB)`);
await sim.close();
rmSync(dir, { recursive: true, force: true });
