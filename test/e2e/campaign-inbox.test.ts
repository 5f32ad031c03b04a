// The campaign's inbox (inbox-label) through the bundle, against the simulator's GitHub issues API:
// one issue per plan when the campaign needs a person, updated in place, one comment per new
// event, closed when the campaign goes on, and a warning (never a stop) when GitHub refuses.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { campaignWorld, ids, phases, planText, REPO, runCampaign, stateFile, type World } from './campaign-world.js';
import { GITHUB_TOKEN } from './campaign-world.js';

let w: World;
afterEach(async () => {
  w.close();
  await w.sim.close();
});

const TEN_MINUTES = 10 * 60_000;
const INBOX = { 'inbox-label': 'migration-campaign' };
const OWNERS = 'owners:\n  - "@octocat"\n  - octo-org/dba\n';
const issues = () => w.sim.github.issues(REPO);
const issueRequests = () => w.sim.requests().filter((r) => (r.route ?? '').startsWith('github.issues.'));

/** A campaign whose first migration FAILS on the second run, with MongoDB's words. */
async function failedCampaign() {
  w = await campaignWorld(OWNERS + planText());
  w.sim.migrationPlan({ validationAfterPolls: 0, failAfterPolls: 1, failMessage: 'oplog window too small on orders-rs0' });
  const first = await runCampaign(w, INBOX);
  expect(first.code, first.errors.map((e) => e.message).join()).toBe(0);
  expect(issues()).toEqual([]);
  w.sim.advance(TEN_MINUTES);
}

describe('the inbox issue', () => {
  it('a FAILED migration opens one issue: labelled, titled with the plan, the migration, what to do, the owners mentioned', async () => {
    await failedCampaign();
    const run = await runCampaign(w, INBOX);
    expect(run.code).toBe(1);
    expect(phases(run)).toEqual(['failed', 'pending', 'pending']);
    const [issue] = issues();
    expect(issues()).toHaveLength(1);
    expect(issue).toMatchObject({ title: 'Migration campaign orders needs a person', state: 'open', labels: ['migration-campaign'] });
    expect(issue.body.split('\n')[0]).toBe('<!-- mongodb-live-migration inbox: orders -->');
    expect(issue.body).toContain('@octocat @octo-org/dba');
    expect(issue.body).toContain('| failed |');
    expect(issue.body).toContain(String(stateFile(w).deployments[0]['migration-id']));
    expect(issue.body).toMatch(/raise attempt to 2/);
    expect(run.outputs.inbox).toBe(String(issue.number));
    expect(stateFile(w).inbox).toMatchObject({ issue: issue.number, open: true });
    expect(run.summary).toContain(`#${issue.number} (open)`);
  });

  it('a later run with nothing new adds nothing: no comment, no update, not one issues request', async () => {
    await failedCampaign();
    await runCampaign(w, INBOX);
    const before = issues();
    w.sim.clearRequests();
    w.sim.advance(TEN_MINUTES);
    const again = await runCampaign(w, INBOX);
    expect(again.code).toBe(1);
    expect(issues()).toEqual(before);
    expect(issueRequests()).toEqual([]);
    expect(w.sim.requests({ route: 'github.contents.write' })).toEqual([]);
  });

  it('two runs at once still open one issue', async () => {
    await failedCampaign();
    const runs = await Promise.all([runCampaign(w, INBOX), runCampaign(w, INBOX)]);
    for (const run of runs) expect(phases(run)[0]).toBe('failed');
    expect(issues()).toHaveLength(1);
    expect(w.sim.requests({ route: 'github.issues.create' })).toHaveLength(1);
    // And the next run finds it recorded: nothing more.
    w.sim.advance(TEN_MINUTES);
    await runCampaign(w, INBOX);
    expect(issues()).toHaveLength(1);
    expect(issues()[0].comments).toEqual([]);
  });

  it('a resumed campaign closes it, with one comment, and then makes no issues request', async () => {
    await failedCampaign();
    await runCampaign(w, INBOX);
    const plan = join(w.workspace, 'orders.yml');
    const text = readFileSync(plan, 'utf8');
    // The person raises attempt for rs0 (the first entry) and commits the plan.
    writeFileSync(plan, text.replace('atlas-cluster-name: orders-rs0\n', 'atlas-cluster-name: orders-rs0\n    attempt: 2\n'));
    w.sim.migrationPlan({ validationAfterPolls: 0 });
    w.sim.advance(TEN_MINUTES);
    const resumed = await runCampaign(w, INBOX);
    expect(resumed.code, resumed.errors.map((e) => e.message).join()).toBe(0);
    expect(phases(resumed)[0]).toBe('syncing');
    const [closed] = issues();
    expect(closed.state).toBe('closed');
    expect(closed.comments).toHaveLength(1);
    expect(closed.comments[0].body).toContain('went on');
    expect(stateFile(w).inbox).toMatchObject({ issue: closed.number, open: false, events: [] });

    // Nothing waits: the next run makes no issues request.
    w.sim.clearRequests();
    w.sim.advance(TEN_MINUTES);
    await runCampaign(w, INBOX);
    expect(issueRequests()).toEqual([]);
  });

  it('a token without issues: write gives a warning, and the campaign’s own work stands (state, dashboard, its stop)', async () => {
    await failedCampaign();
    w.sim.github.setPermissions(GITHUB_TOKEN, { issues: 'read' });
    const run = await runCampaign(w, INBOX);
    expect(run.code).toBe(1);
    expect(phases(run)).toEqual(['failed', 'pending', 'pending']);
    expect(run.warnings.map((x) => x.message).join('\n')).toMatch(/issues: write/);
    expect(run.errors.map((e) => e.message).join('\n')).toMatch(/The campaign is stopped/);
    expect(issues()).toEqual([]);
    expect(w.sim.github.file(REPO, 'live-migration-state', 'orders.md')?.text).toContain(ids[0]);
    // The reservation was freed: a run with the permission opens the issue at once.
    w.sim.github.setPermissions(GITHUB_TOKEN, { issues: 'write' });
    w.sim.advance(TEN_MINUTES);
    await runCampaign(w, INBOX);
    expect(issues()).toHaveLength(1);
  });

  it('issues turned off (410) is a warning too; a label GitHub could not take is refused before any request', async () => {
    await failedCampaign();
    w.sim.github.repo(REPO).hasIssues = false;
    const run = await runCampaign(w, INBOX);
    expect(run.code).toBe(1);
    expect(run.warnings.map((x) => x.message).join('\n')).toMatch(/410.*issues are turned off|issues are turned off/s);
    expect(phases(run)[0]).toBe('failed');

    w.sim.clearRequests();
    const bad = await runCampaign(w, { 'inbox-label': 'a,b' });
    expect(bad.errors.map((e) => e.message).join('\n')).toContain("Input 'inbox-label'");
    expect(w.sim.requests()).toEqual([]);
  });

  it('finds its issue again by label and marker when the state lost it, passing over pull requests and other plans', async () => {
    await failedCampaign();
    w.sim.github.addIssue(REPO, { title: 'other', body: '<!-- mongodb-live-migration inbox: billing -->', labels: ['migration-campaign'] });
    w.sim.github.addIssue(REPO, {
      title: 'pr',
      body: '<!-- mongodb-live-migration inbox: orders -->',
      labels: ['migration-campaign'],
      pullRequest: true,
    });
    const mine = w.sim.github.addIssue(REPO, {
      title: 'old',
      body: '<!-- mongodb-live-migration inbox: orders -->\nold text',
      labels: ['migration-campaign'],
    });
    const run = await runCampaign(w, INBOX);
    expect(run.outputs.inbox).toBe(String(mine));
    expect(w.sim.requests({ route: 'github.issues.create' })).toEqual([]);
    const issue = issues().find((i) => i.number === mine)!;
    expect(issue.body).not.toContain('old text');
    expect(issue.body).toContain(String(stateFile(w).deployments[0]['migration-id']));
  });

  it('a FAILED validation: the issue gives MongoDB’s own words', async () => {
    const words = 'Migration host mh1.example.com cannot reach orders-rs0.';
    w = await campaignWorld(OWNERS + planText());
    w.sim.migrationPlan({ validationAfterPolls: 0, validationFails: words });
    const run = await runCampaign(w, INBOX);
    expect(run.code).toBe(1);
    expect(phases(run)[0]).toBe('failed');
    expect(issues()).toHaveLength(1);
    expect(issues()[0].body).toContain(words.replace(/\.$/, ''));
  });
});
