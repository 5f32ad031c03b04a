// The campaign command's own pieces: a describe that teaches nothing leaves the state as it was
// (the steady state writes nothing), and the campaign's inputs and environment read and refused.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recordDescribed, LAG_SAMPLE_EVERY_MS } from '../../src/campaign/quiet-observe.js';
import { recordCreated } from '../../src/campaign/observe.js';
import type { Migration } from '../../src/api/migration-routes.js';
import { parsePlan } from '../../src/inputs/campaign-plan.js';
import { stateForPlan } from '../../src/campaign/state.js';
import { Findings } from '../../src/inputs/fields.js';
import { readCampaignInputs } from '../../src/inputs/campaign-inputs.js';

const T0 = Date.UTC(2031, 4, 6, 7, 8, 9);
const A = '65f000000000000000000001/rs0';
const ID = '7c0000000000000000000001';
const PLAN_TEXT =
  `source-org-id: 6a7b8c9d0e1f2a3b4c5d6e7f\natlas-org-id: 5f1a2b3c4d5e6f7a8b9c0d1e\natlas-project-id: 66a0b1c2d3e4f5a6b7c8d9e0\n` +
  `deployments:\n  - source-project-id: 65f000000000000000000001\n    source-cluster-name: rs0\n    atlas-cluster-name: a\n`;
const plan = parsePlan(PLAN_TEXT, 'orders.yml');
const migration = (status: string, ready?: boolean, lag?: number): Migration => ({
  _id: ID,
  status,
  readyForCutover: ready,
  lagTimeSeconds: lag,
  migrationHosts: undefined,
});
const working = (lag: number, ready = false) => migration('WORKING', ready, lag);
const syncing = recordCreated(stateForPlan(plan, undefined, T0), A, migration('NEW'), T0);

describe('recordDescribed', () => {
  it('changes nothing when status, readiness and lag are as last recorded, within the hour', () => {
    const once = recordDescribed(syncing, A, working(30), T0 + 60_000);
    expect(once).not.toBe(syncing);
    expect(recordDescribed(once, A, working(30), T0 + 20 * 60_000)).toBe(once);
  });

  it('records a new lag, the same lag after an hour, and readiness once', () => {
    const once = recordDescribed(syncing, A, working(30), T0);
    expect(recordDescribed(once, A, working(12), T0 + 60_000).deployments[0].lag.at(-1)?.seconds).toBe(12);
    expect(recordDescribed(once, A, working(30), T0 + LAG_SAMPLE_EVERY_MS)).not.toBe(once);
    const ready = recordDescribed(once, A, working(2, true), T0 + 120_000);
    expect(ready.deployments[0]).toMatchObject({ phase: 'ready', readySince: new Date(T0 + 120_000).toISOString() });
    const later = recordDescribed(ready, A, working(3, true), T0 + 600_000);
    expect(later.deployments[0].readySince).toBe(ready.deployments[0].readySince);
  });

  it('a ready migration seen WORKING and no longer ready is cutting over; then COMPLETE', () => {
    const ready = recordDescribed(syncing, A, working(2, true), T0);
    const cutting = recordDescribed(ready, A, working(1, false), T0 + 60_000);
    expect(cutting.deployments[0].phase).toBe('cutting-over');
    expect(recordDescribed(cutting, A, migration('COMPLETE'), T0 + 120_000).deployments[0].phase).toBe('complete');
  });
});

describe('readCampaignInputs', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'plan-ws-'));
  mkdirSync(join(workspace, 'migration'));
  writeFileSync(join(workspace, 'migration', 'orders.yml'), PLAN_TEXT);
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));
  const env = { GITHUB_REPOSITORY: 'octo-org/migrations', GITHUB_WORKSPACE: workspace };
  const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
  const good = { plan: 'migration/orders.yml', 'github-token': 'ghs_x' };

  it('reads the defaults: the state branch, api.github.com, owner and repository', () => {
    const f = new Findings();
    const { campaign, github } = readCampaignInputs(read(good), env, false, f);
    expect(f.problems).toEqual([]);
    expect(campaign).toEqual({
      planPath: 'migration/orders.yml',
      workspace,
      plan: { ...plan, file: 'migration/orders.yml' },
      stateBranch: 'live-migration-state',
      cutoverWorkflow: undefined,
    });
    expect(github).toEqual({ apiUrl: 'https://api.github.com', owner: 'octo-org', repo: 'migrations', token: 'ghs_x' });
  });

  it('keeps the path of a GitHub Enterprise Server API URL', () => {
    const f = new Findings();
    const { github } = readCampaignInputs(read(good), { ...env, GITHUB_API_URL: 'https://ghe.example.com/api/v3/' }, false, f);
    expect(github?.apiUrl).toBe('https://ghe.example.com/api/v3');
  });

  it.each([
    ['state-branch', { 'state-branch': 'a/' }, env],
    ['state-branch', { 'state-branch': 'x..y' }, env],
    ['state-branch', { 'state-branch': 'state.lock' }, env],
    ['cutover-workflow', { 'cutover-workflow': '../cutover.yml' }, env],
    ['plan', { plan: '' }, env],
    ['github-token', { 'github-token': '' }, env],
    ['GITHUB_REPOSITORY', {}, { GITHUB_WORKSPACE: workspace }],
    ['plan', { plan: 'migration/missing.yml' }, env],
    ['GITHUB_API_URL', {}, { ...env, GITHUB_API_URL: 'http://ghe.example.com/api/v3' }],
    ['GITHUB_API_URL', {}, { ...env, GITHUB_API_URL: 'https://user:pw@ghe.example.com' }],
  ])('refuses a bad %s', (name, inputs, environment) => {
    const f = new Findings();
    readCampaignInputs(read({ ...good, ...inputs }), environment, false, f);
    expect(f.problems.map((p) => p.input)).toEqual([name]);
  });
});
