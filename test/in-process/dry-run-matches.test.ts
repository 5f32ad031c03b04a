import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import {
  ATLAS_ORG_ID,
  ATLAS_PROJECT_ID,
  linkInputs,
  migrationInputs,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { runAction } from '../helpers/run-action.js';

interface PlannedCall {
  method: string;
  path: RegExp;
  optional: boolean;
  repeated: boolean;
  text: string;
}

/** The calls a dry run printed, in order, with whether each may be left out or repeated. */
function plannedCalls(lines: string[]): { calls: PlannedCall[]; oauth: PlannedCall[] } {
  const calls: PlannedCall[] = [];
  const oauth: PlannedCall[] = [];
  let stepOptional = false;
  let inOauth = false;
  for (const line of lines) {
    const step = /^ {2}\d+\. (.*)$/.exec(line);
    if (step) {
      stepOptional = step[1].includes('(skipped if ');
      inOauth = step[1].startsWith('Atlas service account');
      continue;
    }
    const call = /^ {5}(GET|POST|PUT|DELETE) \S+ (\S+) — (.*)$/.exec(line);
    if (!call) continue;
    const pattern = new RegExp(`^${call[2].replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+')}$`);
    const planned = {
      method: call[1],
      path: pattern,
      optional: stepOptional || call[3].includes('(only if '),
      repeated: call[3].includes('repeated '),
      text: line.trim(),
    };
    (inOauth ? oauth : calls).push(planned);
  }
  return { calls, oauth };
}

/** Whether the requests seen are what the plan allows, in its order: each call once (or left out if optional, or again if repeated). */
function follows(seen: Array<{ method: string; path: string }>, plan: PlannedCall[]): boolean {
  const memo = new Map<string, boolean>();
  const match = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    if (memo.has(key)) return memo.get(key)!;
    let ok: boolean;
    if (j === seen.length) ok = plan.slice(i).every((p) => p.optional);
    else if (i === plan.length) ok = false;
    else {
      const p = plan[i];
      const fits = seen[j].method === p.method && p.path.test(seen[j].path);
      ok = (p.optional && match(i + 1, j)) || (fits && (match(i + 1, j + 1) || (p.repeated && match(i, j + 1))));
    }
    memo.set(key, ok);
    return ok;
  };
  return match(0, 0);
}

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function compare(inputs: (url: string) => Record<string, string>, arrange: (sim: Simulator) => void, expectCode = 0) {
  const clock = new FakeClock();
  sim = standardSimulator({ clock });
  const url = await sim.listen();
  arrange(sim);
  const dry = await runInProcess({ ...inputs(url), 'dry-run': 'true' }, { clock, sim });
  expect(dry.code).toBe(0);
  expect(sim.requests()).toEqual([]);
  const plan = plannedCalls(dry.lines);
  expect(plan.calls.length).toBeGreaterThan(0);
  const run = await runInProcess(inputs(url), { clock, sim });
  expect(run.code, run.errors.map((e) => e.message).join('\n')).toBe(expectCode);
  // Challenges are the same request sent without credentials; OAuth calls are matched on their own.
  const seen = sim
    .requests()
    .filter((r) => !(r.auth === 'none' && r.status === 401))
    .map((r) => ({ side: r.side, method: r.method, path: r.path }));
  const main = seen.filter((r) => r.side !== 'oauth');
  expect(
    follows(main, plan.calls),
    `requests:\n${main.map((r) => `${r.method} ${r.path}`).join('\n')}\nplan:\n${plan.calls.map((c) => c.text).join('\n')}`,
  ).toBe(true);
  for (const r of seen.filter((s) => s.side === 'oauth'))
    expect(plan.oauth.some((p) => p.method === r.method && p.path.test(r.path))).toBe(true);
  return { seen, plan };
}

const link = (url: string) => linkInputs(url, url);
const linked = (s: Simulator) => void s.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
const fast = (s: Simulator) => {
  linked(s);
  s.migrationPlan({ validationAfterPolls: 1, readyAfterPolls: 2, completeAfterPolls: 1 });
};

describe('dry-run prints what the command does: the requests each command made follow its plan', () => {
  const cases: Array<[string, (url: string) => Record<string, string>, (s: Simulator) => void, number?]> = [
    ['link, fresh source (404, proven)', link, () => {}],
    ['link, source answering NOT_SYNCED, waiting for SYNCED', (u) => linkInputs(u, u, { 'wait-for-sync': '60' }), () => {}],
    ['link, already SYNCED (steps skipped)', link, linked],
    ['link, service account', (u) => withServiceAccount(link(u)), () => {}],
    [
      'link with a given token, no Atlas',
      (u) => ({ ...linkInputs(u, u, { 'link-token': 'unused' }), 'atlas-public-key': '', 'atlas-private-key': '', 'atlas-org-id': '' }),
      () => {},
    ],
    ['status, linked, service account', (u) => ({ ...withServiceAccount(link(u)), command: 'status' }), linked],
    ['status, unlinked', (u) => ({ ...link(u), command: 'status' }), () => {}],
    ['unlink, linked', (u) => ({ ...link(u), command: 'unlink' }), linked],
    ['unlink, nothing to remove', (u) => ({ ...link(u), command: 'unlink' }), () => {}],
    ['validate', (u) => migrationInputs(u, { command: 'validate' }), fast],
    [
      'validate, filling in the deployment',
      (u) => migrationInputs(u, { command: 'validate', 'source-cluster-name': '', 'migration-host': '', 'source-project-id': '' }),
      fast,
    ],
    [
      'validate, failing',
      (u) => migrationInputs(u, { command: 'validate' }),
      (s) => (linked(s), s.migrationPlan({ validationFails: 'No route to the source.' })),
      1,
    ],
    ['migrate, waiting until ready', (u) => migrationInputs(u, { command: 'migrate', 'wait-for': '3600' }), fast],
    ['migrate, resuming by id', (u) => migrationInputs(u, { command: 'migrate', 'migration-id': '{id}', 'wait-for': '3600' }), fast],
    ['migration-status', (u) => migrationInputs(u, { command: 'migration-status', 'migration-id': '{id}', 'wait-for': '600' }), fast],
    [
      'cutover, waiting for COMPLETE',
      (u) => migrationInputs(u, { command: 'cutover', 'migration-id': '{ready}', 'wait-for': '600' }),
      fast,
    ],
    ['cutover of a COMPLETE migration', (u) => migrationInputs(u, { command: 'cutover', 'migration-id': '{complete}' }), fast],
  ];
  for (const [name, inputs, arrange, code] of cases) {
    it(name, async () => {
      const ids: Record<string, string> = {};
      const withIds = (url: string) =>
        Object.fromEntries(Object.entries(inputs(url)).map(([k, v]) => [k, ids[v] ?? v])) as Record<string, string>;
      const prepare = (s: Simulator) => {
        arrange(s);
        const wanted = Object.values(inputs('http://x'));
        // Only what a case names: an unfinished migration blocks unlink and a second migration.
        if (wanted.includes('unused')) ids.unused = s.issueToken(ATLAS_ORG_ID);
        if (wanted.includes('{id}')) ids['{id}'] = s.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: false });
        if (wanted.includes('{ready}')) ids['{ready}'] = s.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true });
        if (wanted.includes('{complete}')) ids['{complete}'] = s.addMigration(ATLAS_PROJECT_ID, { status: 'COMPLETE' });
      };
      await compare(withIds, prepare, code ?? 0);
    });
  }

  it('through the bundle too: link on a fresh source', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    const dry = await runAction(sim, { ...link(url), 'dry-run': 'true' });
    expect(dry.code).toBe(0);
    expect(sim.requests()).toEqual([]);
    const run = await runAction(sim, link(url));
    expect(run.code).toBe(0);
    const seen = sim.requests().filter((r) => !(r.auth === 'none' && r.status === 401));
    expect(follows(seen, plannedCalls(dry.lines).calls)).toBe(true);
  });

  it('the matcher itself refuses a request the plan does not list, or a required call left out', () => {
    const plan = plannedCalls([
      '  1. Read',
      '     GET h /a — read a',
      '     GET h /org — read the organization (only if the call above answers 404)',
      '  2. Wait (skipped if done)',
      '     GET h /a — read a (repeated until done)',
      '  3. Write',
      '     POST h /b/{id} — write b',
    ]).calls;
    expect(
      follows(
        [
          { method: 'GET', path: '/a' },
          { method: 'POST', path: '/b/1' },
        ],
        plan,
      ),
    ).toBe(true);
    expect(
      follows(
        [
          { method: 'GET', path: '/a' },
          { method: 'GET', path: '/a' },
          { method: 'GET', path: '/a' },
          { method: 'POST', path: '/b/1' },
        ],
        plan,
      ),
    ).toBe(true);
    expect(follows([{ method: 'GET', path: '/a' }], plan)).toBe(false);
    expect(
      follows(
        [
          { method: 'GET', path: '/a' },
          { method: 'DELETE', path: '/b/1' },
        ],
        plan,
      ),
    ).toBe(false);
    expect(
      follows(
        [
          { method: 'POST', path: '/b/1' },
          { method: 'GET', path: '/a' },
        ],
        plan,
      ),
    ).toBe(false);
  });
});
