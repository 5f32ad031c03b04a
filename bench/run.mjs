// @ts-check
// `npm run bench`: the bundled action (node dist/index.js) against the simulator, interleaved with
// a bare Node start and a hand-made floor, reported as medians:
//   - start → first request: spawn to the first connection the server sees, for the action and
//     for a bare `node -e` that only connects (the action's own start-up is the difference);
//   - last answer → exit: the last byte of the last answer to the process's exit, for the action
//     and for a bare `node -e` that exits the moment its one answer ends (the floor);
//   - whole runs: a link on a fresh source, the same at 50 ms round-trip time, a dry run, and the
//     floor (bench/floor-link.mjs: a digest link over node:http with 4 requests and no checks);
//   - requests per command, a steady-state campaign run (requests and wall time), and the bundle's size.
//   - with --against PATH, the same link and dry run with another bundle (an earlier dist/index.js),
//     interleaved with these, so that the two are compared on the same machine in the same minutes.
// Usage: npm run bench [-- --rounds N] [-- --against /path/to/earlier/index.js]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUNDLE, ROOT } from '../test/harness/run-action.js';
import { ATLAS_KEY, ATLAS_ORG_ID, inputEnv, linkInputs, SOURCE_KEY, standardSimulator } from '../test/simulator/fixture.js';
import { startTap } from './tap.mjs';
import { campaignSteadyState, campaignStoppedWithInbox } from './campaign.mjs';

const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 21;
const againstArg = process.argv.indexOf('--against');
const against = againstArg > 0 ? process.argv[againstArg + 1] : undefined;
const sim = standardSimulator();
const simUrl = await sim.listen();
const simPort = Number(new URL(simUrl).port);
const tap = await startTap(simPort);
const far = await startTap(simPort, { rttMs: 50 });
const scratch = mkdtempSync(join(tmpdir(), 'bench-'));

/**
 * Runs `node ...args` and times it: whole run, spawn → first connection, last answer → exit.
 * @param {string[]} args @param {Record<string, string>} [env] @param {Awaited<ReturnType<typeof startTap>>} [through]
 */
function timed(args, env = {}, through = tap) {
  through.reset();
  const output = join(scratch, 'output');
  writeFileSync(output, '');
  const started = performance.now();
  const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', GITHUB_OUTPUT: output, ...env }, stdio: 'ignore' });
  return new Promise((resolve, reject) =>
    child.on('exit', (code) => {
      const ended = performance.now();
      if (code !== 0) return reject(new Error(`${args.join(' ')} exited ${code}`));
      const { firstConnection, lastAnswer } = through.state;
      resolve({
        total: ended - started,
        toFirstRequest: Number.isFinite(firstConnection) ? firstConnection - started : NaN,
        afterLastAnswer: lastAnswer > 0 ? ended - lastAnswer : NaN,
      });
    }),
  );
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

const action = (/** @type {string} */ url, /** @type {Record<string, string>} */ extra, bundle = BUNDLE) => [
  bundle,
  inputEnv(linkInputs(url, url, extra)),
];
/** @type {Record<string, () => Promise<{ total: number, toFirstRequest: number, afterLastAnswer: number }>>} */
const scenarios = {
  'node -e 0': () => timed(['-e', '0'], {}),
  'bare node: one request, then exit': () =>
    timed([
      '-e',
      `require('node:http').get('${tap.url}/api/public/v1.0/orgs', (r) => { r.resume(); r.on('end', () => process.exit(0)); })`,
    ]),
  'bare node: connect once': () =>
    timed(['-e', `require('node:net').connect(${tap.port}, '127.0.0.1').on('connect', () => process.exit(0))`]),
  'floor: hand-made digest link': () => {
    const s = freshSource();
    return timed([
      join(ROOT, 'bench', 'floor-link.mjs'),
      tap.url,
      ATLAS_ORG_ID,
      ATLAS_KEY.publicKey,
      ATLAS_KEY.privateKey,
      s['source-org-id'],
      s['source-public-key'],
      SOURCE_KEY.privateKey,
    ]);
  },
  'action: link, fresh source': () => {
    const [bundle, env] = action(tap.url, freshSource());
    return timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env));
  },
  'action: link at 50 ms RTT': () => {
    const [bundle, env] = action(far.url, freshSource());
    return timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env), far);
  },
  'action: dry run': () => {
    const [bundle, env] = action(tap.url, { 'dry-run': 'true' });
    return timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env));
  },
};

if (against) {
  scenarios['against: link, fresh source'] = () => {
    const [bundle, env] = action(tap.url, freshSource(), against);
    return timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env));
  };
  scenarios['against: dry run'] = () => {
    const [bundle, env] = action(tap.url, { 'dry-run': 'true' }, against);
    return timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env));
  };
}

/** @type {Record<string, Array<{ total: number, toFirstRequest: number, afterLastAnswer: number }>>} */
const samples = Object.fromEntries(Object.keys(scenarios).map((k) => [k, []]));
for (const run of Object.values(scenarios)) await run(); // warm the file cache
for (let i = 0; i < rounds; i += 1) {
  for (const [name, run] of Object.entries(scenarios)) samples[name].push(await run());
}
/** @param {number[]} xs */
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/** @param {string} name @param {'total' | 'toFirstRequest' | 'afterLastAnswer'} figure */
const m = (name, figure) => median(samples[name].map((s) => s[figure]));
const ms = (/** @type {number} */ x) => `${x.toFixed(1).padStart(7)} ms`;

/** The requests one run makes, by side. @param {Record<string, string>} extra */
async function requestsFor(extra) {
  sim.clearRequests();
  const [bundle, env] = action(simUrl, extra);
  await timed([/** @type {string} */ (bundle)], /** @type {Record<string, string>} */ (env));
  const sides = ['atlas', 'source', 'oauth'].map((side) => `${side} ${sim.count(/** @type {'atlas' | 'source' | 'oauth'} */ (side))}`);
  return `${sim.count()} (${sides.join(', ')})`;
}
const source = freshSource();
const requests = {
  'link, fresh source': await requestsFor(source),
  'link, already SYNCED source': await requestsFor(source),
  'status (source only)': await requestsFor({
    ...source,
    command: 'status',
    'atlas-public-key': '',
    'atlas-private-key': '',
    'atlas-org-id': '',
  }),
  unlink: await requestsFor({ ...source, command: 'unlink' }),
};

const startUp = m('action: link, fresh source', 'toFirstRequest') - m('bare node: connect once', 'toFirstRequest');
console.log(`Node ${process.version}, ${rounds} interleaved rounds, medians:`);
console.log(`  node -e 0                                ${ms(m('node -e 0', 'total'))}`);
console.log(`  start → first request, bare node          ${ms(m('bare node: connect once', 'toFirstRequest'))}`);
console.log(`  start → first request, action (link)      ${ms(m('action: link, fresh source', 'toFirstRequest'))}`);
console.log(
  `    the action's own start-up               ${ms(startUp)}   (target <= 130 ms: @actions/core with its OIDC module, and yaml)`,
);
console.log(`  last answer → exit, bare node              ${ms(m('bare node: one request, then exit', 'afterLastAnswer'))}`);
console.log(`  last answer → exit, action (link)         ${ms(m('action: link, fresh source', 'afterLastAnswer'))}   (target <= 20 ms)`);
console.log(`  link on a fresh source, whole run         ${ms(m('action: link, fresh source', 'total'))}`);
console.log(`  floor: hand-made digest link (4 requests) ${ms(m('floor: hand-made digest link', 'total'))}`);
console.log(`  link at 50 ms round-trip time             ${ms(m('action: link at 50 ms RTT', 'total'))}`);
console.log(`  dry run, whole run                        ${ms(m('action: dry run', 'total'))}`);
if (against) {
  const before = m('against: link, fresh source', 'toFirstRequest') - m('bare node: connect once', 'toFirstRequest');
  console.log(`Against ${against}:`);
  console.log(`    its own start-up                        ${ms(before)}   (this bundle ${ms(startUp).trim()})`);
  console.log(`  last answer → exit                        ${ms(m('against: link, fresh source', 'afterLastAnswer'))}`);
  console.log(`  link on a fresh source, whole run         ${ms(m('against: link, fresh source', 'total'))}`);
  console.log(`  dry run, whole run                        ${ms(m('against: dry run', 'total'))}`);
  console.log(`  bundle size                               ${(statSync(against).size / 1024).toFixed(0).padStart(7)} KiB`);
}
console.log('Requests per command (digest):');
for (const [name, n] of Object.entries(requests)) console.log(`  ${name.padEnd(32)} ${n}`);
const steady = await campaignSteadyState(Math.min(rounds, 11));
console.log(`Campaign, steady state (one migration ${steady.phase}, nothing changed; changed=${steady.changed}):`);
console.log(`  MongoDB requests   ${steady.mongodb}`);
console.log(`  GitHub requests    ${steady.github}`);
console.log(`  whole run          ${ms(steady.medianMs)}   (median)`);
const withInbox = await campaignSteadyState(Math.min(rounds, 5), { inbox: true });
console.log('Campaign, the same steady state with inbox-label on:');
console.log(`  MongoDB requests   ${withInbox.mongodb}`);
console.log(`  GitHub requests    ${withInbox.github}`);
const stopped = await campaignStoppedWithInbox();
console.log(`Campaign stopped (validation FAILED), its inbox issue open, a run with nothing new (${stopped.issues} issue):`);
console.log(`  MongoDB requests   ${stopped.mongodb}`);
console.log(`  GitHub requests    ${stopped.github}`);
const entries = readdirSync(join(ROOT, 'dist'), { withFileTypes: true }).filter((d) => d.isDirectory());
const entryBytes = entries.reduce((sum, d) => sum + statSync(join(ROOT, 'dist', d.name, 'index.js')).size, 0);
console.log(
  `Bundle: dist/index.js ${(statSync(BUNDLE).size / 1024).toFixed(0)} KiB, shared by ${entries.length} per-command entries of ${entryBytes} bytes in all`,
);
await Promise.all([tap.close(), far.close(), sim.close()]);
rmSync(scratch, { recursive: true, force: true });
