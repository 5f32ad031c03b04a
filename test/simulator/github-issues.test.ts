// The simulator's GitHub issues API is as strict as GitHub's, proved with plain fetch.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GITHUB_PREFIX, Simulator } from './index.js';

const REPO = 'octo-org/migrations';
const WRITER = 'ghs_writer000000000000000000000000000';
const READER = 'ghs_reader000000000000000000000000000';
const NO_ISSUES = 'ghs_noissues0000000000000000000000000';
let sim: Simulator;
let api: string;

beforeEach(async () => {
  sim = new Simulator();
  sim.github.addRepository(REPO).addToken(WRITER).addToken(READER, { issues: 'read' }).addToken(NO_ISSUES, { issues: 'none' });
  api = `${await sim.listen()}${GITHUB_PREFIX}/repos/${REPO}`;
});
afterEach(() => sim.close());

async function call(method: string, path: string, body?: unknown, token = WRITER) {
  const res = await fetch(api + path, {
    method,
    headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28', Authorization: `Bearer ${token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

describe('issues', () => {
  it('creates (201), lists by label (open and closed, pull requests included as GitHub does), updates and closes, comments', async () => {
    const created = await call('POST', '/issues', { title: 't', body: 'b', labels: ['inbox'] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ number: 1, state: 'open', body: 'b' });
    sim.github.addIssue(REPO, { title: 'pr', labels: ['inbox'], pullRequest: true });
    sim.github.addIssue(REPO, { title: 'other', labels: ['else'] });
    const listed = await call('GET', '/issues?labels=inbox&state=all&per_page=100&page=1');
    expect(listed.body.map((i: { number: number }) => i.number)).toEqual([2, 1]);
    expect(listed.body[0].pull_request).toBeDefined();
    expect((await call('PATCH', '/issues/1', { state: 'closed', state_reason: 'completed' })).body.state).toBe('closed');
    expect((await call('GET', '/issues?labels=inbox')).body.map((i: { number: number }) => i.number)).toEqual([2]);
    expect((await call('POST', '/issues/1/comments', { body: 'c' })).status).toBe(201);
    expect(sim.github.issues(REPO)[0].comments).toEqual([{ id: 1, body: 'c' }]);
  });

  it('403 without issues: write, 404 without issues: read or for a missing issue, 410 when turned off, 422 on a bad label or body', async () => {
    expect((await call('POST', '/issues', { title: 't' }, READER)).status).toBe(403);
    expect((await call('GET', '/issues?labels=x', undefined, READER)).status).toBe(200);
    expect((await call('GET', '/issues?labels=x', undefined, NO_ISSUES)).status).toBe(403);
    expect((await call('PATCH', '/issues/99', { state: 'closed' })).status).toBe(404);
    expect((await call('POST', '/issues', { title: 't', labels: ['x'.repeat(51)] })).status).toBe(422);
    expect((await call('POST', '/issues', { body: 'no title' })).status).toBe(422);
    expect((await call('PATCH', '/issues/1', { state: 'gone' })).status).toBe(404);
    await call('POST', '/issues', { title: 't' });
    expect((await call('PATCH', '/issues/1', { state: 'gone' })).status).toBe(422);
    expect((await call('POST', '/issues/1/comments', { body: '' })).status).toBe(422);
    sim.github.repo(REPO).hasIssues = false;
    expect((await call('GET', '/issues?labels=x')).status).toBe(410);
  });

  it('rate limits apply to the issues API as to every route', async () => {
    sim.github.rateLimit({ kind: 'secondary', seconds: 30 });
    const limited = await call('POST', '/issues', { title: 't' });
    expect(limited.status).toBe(429);
    expect(sim.github.issues(REPO)).toEqual([]);
  });
});
