// A stopped campaign says why, through the bundle: MongoDB's errorMessage in the error annotation,
// the job summary, the dashboard and the state, on every run until a person resumes; and the
// dashboard reads well raw (times, ids and phases plain) while a hostile name stays inert.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ACTIVE_MARKUP, outsideCodeSpans } from '../helpers/markdown.js';
import { BRANCH, campaignWorld, phases, planText, REPO, runCampaign, stateFile, type World } from './campaign-world.js';

let w: World;
afterEach(async () => {
  w.close();
  await w.sim.close();
});

const WORDS = 'Migration host mh1.example.com cannot reach orders-rs0.';
const dashboard = () => w.sim.github.file(REPO, BRANCH, 'orders.md')?.text ?? '';

describe('a campaign whose validation FAILS', () => {
  it('shows MongoDB’s errorMessage in the error, the summary, the dashboard and the state, run after run, until resumed', async () => {
    w = await campaignWorld();
    w.sim.migrationPlan({ validationAfterPolls: 0, validationFails: WORDS });
    for (let i = 0; i < 2; i++) {
      const run = await runCampaign(w);
      expect(run.code).toBe(1);
      expect(phases(run)[0]).toBe('failed');
      expect(run.errors.map((e) => e.message).join('\n')).toContain(WORDS);
      expect(run.summary).toContain(WORDS);
      expect(dashboard()).toContain(WORDS);
      expect(stateFile(w).deployments[0]['stop-reason']).toContain(WORDS);
      expect(run.errors.map((e) => e.message).join('\n')).not.toMatch(/Read its history/);
      w.sim.advance(600_000);
    }
    // The person raises attempt: the reason goes with the stop.
    const plan = join(w.workspace, 'orders.yml');
    writeFileSync(
      plan,
      readFileSync(plan, 'utf8').replace('atlas-cluster-name: orders-rs0\n', 'atlas-cluster-name: orders-rs0\n    attempt: 2\n'),
    );
    w.sim.migrationPlan({ validationAfterPolls: 0 });
    const resumed = await runCampaign(w);
    expect(resumed.code, resumed.errors.map((e) => e.message).join()).toBe(0);
    expect(stateFile(w).deployments[0]['stop-reason']).toBeUndefined();
    expect(dashboard()).not.toContain(WORDS);
  });
});

describe('the dashboard, raw', () => {
  it('shows times, ids and phases as plain text; a hostile deployment name opens no link, mention or block', async () => {
    const hostile = 'rs0 @octocat [x](https://evil.example) <b>';
    w = await campaignWorld(planText(['rs0']).replace('source-cluster-name: rs0', `source-cluster-name: "${hostile}"`), [hostile]);
    const run = await runCampaign(w);
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    const page = dashboard();
    const state = stateFile(w);
    const d = state.deployments[0];
    expect(page).toContain(`Updated ${state['updated-at']}.`);
    expect(page).toContain(`| ${d.phase} (${d['last-status']}) | ${d['migration-id']} |`);
    expect(page).not.toContain('&#');
    expect(page).toContain(hostile);
    for (const line of page.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| ---')))
      expect(outsideCodeSpans(line).replace(/\\\|/g, ''), line).not.toMatch(ACTIVE_MARKUP);
  });
});
