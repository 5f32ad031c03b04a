// The simulator's GitHub is as strict as GitHub, proved with plain fetch, not with the action's code.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rateLimitOf } from '../../src/http/rate-limit.js';
import { blobSha, GITHUB_PREFIX, Simulator } from './index.js';

const REPO = 'octo-org/migrations';
const WRITER = 'ghs_writer000000000000000000000000000';
const READER = 'ghs_reader000000000000000000000000000';
let sim: Simulator;
let api: string;

beforeEach(async () => {
  sim = new Simulator();
  sim.github.addRepository(REPO).addToken(WRITER).addToken(READER, { contents: 'read', actions: 'none' });
  sim.github.addWorkflow(REPO, 'cutover.yml', { inputs: { deployment: { required: true }, 'migration-id': {} } });
  api = `${await sim.listen()}${GITHUB_PREFIX}/repos/${REPO}`;
});
afterEach(() => sim.close());

async function call(method: string, path: string, body?: unknown, token = WRITER, headers: Record<string, string> = {}) {
  const res = await fetch(api + path, {
    method,
    headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', Authorization: `Bearer ${token}`, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}
const content = (text: string) => Buffer.from(text).toString('base64');

describe('contents: a compare-and-swap on the blob sha', () => {
  it('creates (201), reads base64 in 60-character lines with the git blob sha, updates (200) with the current sha only', async () => {
    const text = `${'x'.repeat(100)}\n`;
    expect((await call('GET', '/contents/s.json?ref=main')).status).toBe(404);
    const created = await call('PUT', '/contents/s.json', { message: 'm', content: content(text), branch: 'main' });
    expect(created.status).toBe(201);
    expect(created.body.content.sha).toBe(blobSha(text));
    const read = await call('GET', '/contents/s.json?ref=main');
    expect(read.body).toMatchObject({ type: 'file', encoding: 'base64', sha: blobSha(text) });
    expect(read.body.content.split('\n')[0]).toHaveLength(60);
    expect(Buffer.from(read.body.content, 'base64').toString()).toBe(text);
    expect((await call('PUT', '/contents/s.json', { message: 'm', content: content('2'), branch: 'main' })).status).toBe(422);
    expect(
      (await call('PUT', '/contents/s.json', { message: 'm', content: content('2'), sha: blobSha('other'), branch: 'main' })).status,
    ).toBe(409);
    expect(
      (await call('PUT', '/contents/s.json', { message: 'm', content: content('2'), sha: read.body.sha, branch: 'main' })).status,
    ).toBe(200);
    expect(sim.github.files(REPO)).toEqual([{ repository: REPO, branch: 'main', path: 's.json', text: '2', sha: blobSha('2') }]);
  });

  it('the race: a change between the read and the write makes the write 409', async () => {
    const sha = sim.github.putFile(REPO, 'main', 's.json', 'one');
    sim.github.changeBeforeNextWrite(REPO, 'main', 's.json', 'theirs');
    const put = await call('PUT', '/contents/s.json', { message: 'm', content: content('mine'), sha, branch: 'main' });
    expect(put).toMatchObject({ status: 409, body: { message: `s.json does not match ${sha}` } });
    expect(sim.github.file(REPO, 'main', 's.json')?.text).toBe('theirs');
  });

  it('a missing branch is 404; a body without message or content 422; bad JSON 400', async () => {
    expect((await call('GET', '/contents/s.json?ref=nope')).body.message).toBe('No commit found for the ref nope');
    expect((await call('PUT', '/contents/s.json', { message: 'm', content: content('x'), branch: 'nope' })).status).toBe(404);
    expect((await call('PUT', '/contents/s.json', { content: content('x') })).status).toBe(422);
    const res = await fetch(`${api}/contents/s.json`, { method: 'PUT', headers: { Authorization: `Bearer ${WRITER}` }, body: '{' });
    expect(res.status).toBe(400);
  });
});

describe('refs, repository, dispatches', () => {
  it('a branch: 404 until created from a known commit; a second create 422', async () => {
    expect((await call('GET', '/git/ref/heads/state')).status).toBe(404);
    const main = (await call('GET', '/git/ref/heads/main')).body.object.sha;
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/state', sha: 'f'.repeat(40) })).body.message).toBe('Object does not exist');
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/state', sha: main })).status).toBe(201);
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/state', sha: main })).body.message).toBe('Reference already exists');
    expect((await call('GET', '')).body).toMatchObject({ default_branch: 'main', full_name: REPO });
  });

  it('a slashed branch: created from refs/heads/<a/b>, read at heads/a/b (slashes literal, not %2F), its files by ?ref=a%2Fb', async () => {
    const main = (await call('GET', '/git/ref/heads/main')).body.object.sha;
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/ops/live-migration-state', sha: main })).status).toBe(201);
    expect(sim.github.branches(REPO)['ops/live-migration-state']).toBe(main);
    expect((await call('GET', '/git/ref/heads/ops/live-migration-state')).body).toMatchObject({
      ref: 'refs/heads/ops/live-migration-state',
      object: { sha: main },
    });
    expect((await call('GET', '/git/ref/heads/ops%2Flive-migration-state')).status).toBe(404);
    expect((await call('GET', '/git/ref/heads/ops')).status).toBe(404);
    const put = await call('PUT', '/contents/s.json', { message: 'm', content: content('x'), branch: 'ops/live-migration-state' });
    expect(put.status).toBe(201);
    expect((await call('GET', `/contents/s.json?ref=${encodeURIComponent('ops/live-migration-state')}`)).body.sha).toBe(blobSha('x'));
    // Each segment percent-decoded: a branch with a `#` in it is sent as %23.
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/fix/#1', sha: main })).status).toBe(201);
    expect((await call('GET', '/git/ref/heads/fix/%231')).body.ref).toBe('refs/heads/fix/#1');
  });

  it("refuses what git refuses as a ref name, and a branch that clashes with another's path (422)", async () => {
    const main = (await call('GET', '/git/ref/heads/main')).body.object.sha;
    for (const name of [
      'a..b',
      'a.lock',
      '.hidden',
      'a/.b',
      '-x',
      'a@{b',
      'a b',
      'a/',
      'a//b',
      'a.',
      'a~b',
      'a:b',
      'a?b',
      'a*b',
      'a[b',
      'a\\b',
      'HEAD',
    ])
      expect((await call('POST', '/git/refs', { ref: `refs/heads/${name}`, sha: main })).body.message, name).toBe(
        `refs/heads/${name} is not a valid ref name.`,
      );
    expect((await call('POST', '/git/refs', { ref: 'heads/x', sha: main })).status).toBe(422);
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/ops', sha: main })).status).toBe(201);
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/ops/state', sha: main })).body.message).toBe('Reference update failed');
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/main/x', sha: main })).body.message).toBe('Reference update failed');
    expect(Object.keys(sim.github.branches(REPO)).sort()).toEqual(['main', 'ops']);
  });

  it('dispatch: 204 recorded; 404 unknown workflow; 422 unexpected or missing inputs, or a missing ref', async () => {
    const path = (w: string) => `/actions/workflows/${w}/dispatches`;
    expect((await call('POST', path('cutover.yml'), { ref: 'main', inputs: { deployment: 'd' } })).status).toBe(204);
    expect((await call('POST', path('other.yml'), { ref: 'main' })).status).toBe(404);
    expect((await call('POST', path('cutover.yml'), { ref: 'main', inputs: { deployment: 'd', x: 'y' } })).status).toBe(422);
    expect((await call('POST', path('cutover.yml'), { ref: 'main', inputs: {} })).body.message).toBe(
      "Required input 'deployment' not provided",
    );
    expect((await call('POST', path('cutover.yml'), { ref: 'gone', inputs: { deployment: 'd' } })).status).toBe(422);
    expect(sim.github.dispatches()).toHaveLength(1);
  });
});

describe('tokens, versions and rate limits', () => {
  it('no token 401, an unknown token 401, a reader 403 on every write, the API version checked', async () => {
    expect((await fetch(api)).status).toBe(401);
    expect((await call('GET', '', undefined, 'ghs_nobody')).body.message).toBe('Bad credentials');
    expect((await call('GET', '', undefined, READER)).status).toBe(200);
    expect((await call('PUT', '/contents/s.json', { message: 'm', content: content('x') }, READER)).status).toBe(403);
    expect((await call('POST', '/git/refs', { ref: 'refs/heads/x', sha: 'a'.repeat(40) }, READER)).status).toBe(403);
    expect((await call('POST', '/actions/workflows/cutover.yml/dispatches', { ref: 'main' }, READER)).status).toBe(403);
    expect((await call('GET', '', undefined, WRITER, { 'X-GitHub-Api-Version': '2020-01-01' })).status).toBe(400);
    expect(sim.github.files(REPO)).toEqual([]);
    expect(sim.requests({ side: 'github' }).map((r) => r.route)).toContain('github.contents.write');
  });

  it('primary 403 with x-ratelimit-remaining 0 and the reset; secondary 429 with retry-after; both read by the action as limits', async () => {
    sim.github.rateLimit({ kind: 'primary', seconds: 30 }).rateLimit({ kind: 'secondary', seconds: 5 });
    const primary = await call('GET', '');
    expect(primary.status).toBe(403);
    expect(primary.headers.get('x-ratelimit-remaining')).toBe('0');
    const reply = (r: typeof primary) => ({ status: r.status, headers: r.headers, contentType: '', text: '' });
    expect(rateLimitOf(reply(primary), sim.now())?.seconds).toBe(30);
    const secondary = await call('GET', '');
    expect(secondary.status).toBe(429);
    expect(rateLimitOf(reply(secondary), sim.now())).toEqual({ seconds: 5, what: 'retry-after 5 s' });
    const ok = await call('GET', '');
    expect(ok.status).toBe(200);
    expect(rateLimitOf(reply(ok), sim.now())).toBeUndefined();
    const refused = await call('PUT', '/contents/s.json', { message: 'm', content: content('x') }, READER);
    expect(rateLimitOf(reply(refused), sim.now())).toBeUndefined();
  });
});
