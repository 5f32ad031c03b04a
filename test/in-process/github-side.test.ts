// GitHub as a third side of the house: the action's own routes, bearer token, transport and retry
// policy, against the simulator's GitHub over loopback, on a fake clock shared by both.
import { afterEach, describe, expect, it } from 'vitest';
import { ABSENT } from '../../src/api/api.js';
import {
  createBranch,
  dispatchWorkflow,
  fileText,
  readBranch,
  readFile,
  readRepository,
  writeFile,
  type FileContent,
} from '../../src/api/github-routes.js';
import { Budget } from '../../src/clock.js';
import { ApiError } from '../../src/errors.js';
import { BearerTokenAuth } from '../../src/http/bearer-token-auth.js';
import { connectionFor } from '../../src/http/connection.js';
import { RetryPolicy } from '../../src/http/retry.js';
import { Transport } from '../../src/http/transport.js';
import { closeChecked } from '../helpers/scripts.js';
import { FakeClock } from '../helpers/in-process.js';
import { stubLog } from '../helpers/stub-log.js';
import { GITHUB_PREFIX, Simulator } from '../simulator/index.js';

const REPO = 'octo-org/migrations';
const TOKEN = 'ghs_writeEverything000000000000000000';
let sim: Simulator;
let clock: FakeClock;

afterEach(async () => {
  expect(sim.github.unusedRateLimits()).toBe(0);
  await closeChecked(sim);
});

async function start(token = TOKEN, otherScope?: string) {
  clock = new FakeClock(Date.UTC(2031, 4, 6, 7, 8, 9));
  sim = new Simulator({ clock });
  sim.github.addRepository(REPO).addToken(TOKEN, { repository: REPO });
  if (otherScope) sim.github.addRepository(otherScope).addToken(token, { repository: otherScope });
  sim.github.addWorkflow(REPO, 'cutover.yml', { inputs: { deployment: { required: true }, 'migration-id': { required: true } } });
  const url = await sim.listen();
  const baseUrl = `${url}${GITHUB_PREFIX}`;
  const log = stubLog();
  return new Transport({
    side: 'github',
    baseUrl,
    params: { owner: 'octo-org', repo: 'migrations' },
    connection: connectionFor(baseUrl, undefined),
    auth: new BearerTokenAuth(token, log),
    requestTimeoutMs: 5000,
    retry: new RetryPolicy(3, () => 0),
    budget: new Budget(clock, 3600, 'test'),
    clock,
    log,
  });
}

const base64 = (text: string) => Buffer.from(text).toString('base64');
const put = (t: Transport, text: string, sha?: string) =>
  t.call(writeFile, { params: { path: 'orders.json' }, body: { message: 'state', content: base64(text), sha, branch: 'main' } });
const refusal = async (promise: Promise<unknown>) => {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return (err as ApiError).problem;
};

describe('GitHub routes through the transport', () => {
  it("sends GitHub's headers and reads the repository", async () => {
    const t = await start();
    expect(await t.call(readRepository)).toEqual({ default_branch: 'main', full_name: REPO });
    const [request] = sim.requests({ side: 'github' });
    expect(request.headers).toMatchObject({
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      authorization: `Bearer ${TOKEN}`,
    });
  });

  it('a missing branch and file read as ABSENT once the repository reads; a branch is created from a commit', async () => {
    const t = await start();
    expect(await t.call(readBranch, { params: { branch: 'live-migration-state' } })).toBe(ABSENT);
    const main = await t.call(readBranch, { params: { branch: 'main' } });
    expect(main).not.toBe(ABSENT);
    const sha = (main as { object: { sha: string } }).object.sha;
    await t.call(createBranch, { body: { ref: 'refs/heads/live-migration-state', sha } });
    expect(sim.github.branches(REPO)['live-migration-state']).toBe(sha);
    const again = await refusal(t.call(createBranch, { body: { ref: 'refs/heads/live-migration-state', sha } }));
    expect(again.status).toBe(422);
    expect(await t.call(readFile, { params: { path: 'orders.json', ref: 'live-migration-state' } })).toBe(ABSENT);
  });

  it('writes are a compare-and-swap on the sha: create, update, stale 409, missing sha 422, a race 409', async () => {
    const t = await start();
    const created = await put(t, '{"v":1}\n');
    const read = (await t.call(readFile, { params: { path: 'orders.json', ref: 'main' } })) as FileContent;
    expect(read.sha).toBe(created.content.sha);
    expect(fileText(read)).toBe('{"v":1}\n');
    const updated = await put(t, '{"v":2}\n', read.sha);
    expect(sim.github.file(REPO, 'main', 'orders.json')).toEqual({ text: '{"v":2}\n', sha: updated.content.sha });
    const stale = await refusal(put(t, '{"v":3}\n', read.sha));
    expect(stale).toMatchObject({ status: 409, attempts: 1 });
    expect(stale.hint).toMatch(/read it again and re-apply/);
    expect((await refusal(put(t, '{"v":3}\n'))).status).toBe(422);
    sim.github.changeBeforeNextWrite(REPO, 'main', 'orders.json', '{"other":"run"}\n');
    expect((await refusal(put(t, '{"v":3}\n', updated.content.sha))).status).toBe(409);
    expect(sim.github.file(REPO, 'main', 'orders.json')?.text).toBe('{"other":"run"}\n');
  });

  it('a token without contents: write gets 403 on writes, not retried, with the permission to grant', async () => {
    const t = await start();
    sim.github.setPermissions(TOKEN, { contents: 'read' });
    const problem = await refusal(put(t, '{}'));
    expect(problem).toMatchObject({ status: 403, attempts: 1, side: 'github' });
    expect(problem.hint).toMatch(/contents: write/);
    const sha = Object.values(sim.github.branches(REPO))[0];
    expect((await refusal(t.call(createBranch, { body: { ref: 'refs/heads/x', sha } }))).status).toBe(403);
    expect(await t.call(readRepository)).toMatchObject({ default_branch: 'main' });
  });

  it('an unknown token is 401', async () => {
    const t = await start('ghs_unknown0000000000000000000000000');
    expect((await refusal(t.call(readRepository))).status).toBe(401);
  });

  it('a token for another repository: the 404 of a file is blamed on github-token, as the repository does not read either', async () => {
    const t = await start('ghs_otherRepoOnly00000000000000000000', 'octo-org/elsewhere');
    const problem = await refusal(t.call(readFile, { params: { path: 'orders.json', ref: 'main' } }));
    expect(problem).toMatchObject({ status: 404, blame: { input: 'github-token', what: 'repository', status: 404 } });
  });

  it('dispatches: 204 recorded; unknown workflow 404; unexpected inputs 422; no actions: write 403', async () => {
    const t = await start();
    const inputs = { deployment: '65f000000000000000000001/rs0', 'migration-id': '6a0000000000000000000001' };
    await t.call(dispatchWorkflow, { params: { workflowId: 'cutover.yml' }, body: { ref: 'main', inputs } });
    expect(sim.github.dispatches()).toEqual([{ repository: REPO, workflow: 'cutover.yml', ref: 'main', inputs, at: clock.now() }]);
    expect((await refusal(t.call(dispatchWorkflow, { params: { workflowId: 'nope.yml' }, body: { ref: 'main', inputs } }))).status).toBe(
      404,
    );
    const extra = await refusal(
      t.call(dispatchWorkflow, { params: { workflowId: 'cutover.yml' }, body: { ref: 'main', inputs: { ...inputs, x: '1' } } }),
    );
    expect(extra).toMatchObject({ status: 422, detail: 'Unexpected inputs provided: ["x"]' });
    sim.github.setPermissions(TOKEN, { actions: 'read' });
    const refused = await refusal(t.call(dispatchWorkflow, { params: { workflowId: 'cutover.yml' }, body: { ref: 'main', inputs } }));
    expect(refused.hint).toMatch(/actions: write/);
    expect(sim.github.dispatches()).toHaveLength(1);
  });
});

describe("GitHub's rate limits", () => {
  it('403 with x-ratelimit-remaining 0 waits until x-ratelimit-reset, then succeeds', async () => {
    const t = await start();
    sim.github.rateLimit({ kind: 'primary', seconds: 7 });
    expect(await t.call(readRepository)).toMatchObject({ default_branch: 'main' });
    expect(clock.sleeps).toEqual([7000]);
    expect(sim.requests({ side: 'github' }).map((r) => r.status)).toEqual([403, 200]);
  });

  it('429 with retry-after waits that long, even for a write that must not be repeated (refused unprocessed)', async () => {
    const t = await start();
    sim.github.rateLimit({ kind: 'secondary', seconds: 3 });
    await put(t, '{}');
    expect(clock.sleeps).toEqual([3000]);
    expect(sim.github.files(REPO)).toHaveLength(1);
  });

  it('a reset further away than a minute is not waited for: the error says to re-run later', async () => {
    const t = await start();
    sim.github.rateLimit({ kind: 'primary', seconds: 900 });
    const problem = await refusal(t.call(readRepository));
    expect(problem).toMatchObject({ status: 403, attempts: 1 });
    expect(problem.hint).toMatch(/900 s.*re-run later/);
    expect(clock.sleeps).toEqual([]);
  });
});
