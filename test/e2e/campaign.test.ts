// command: campaign through the bundle, against the simulator's MongoDB and GitHub on one server.
// Each run is a scheduled run: it advances the plan one safe step and returns; the simulator's
// clock moves between runs (migrations go NEW → WORKING → ready as polls and time pass).
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '../helpers/run-action.js';
import { migrationInputs, SOURCE_KEY } from '../simulator/fixture.js';
import {
  BRANCH,
  campaignWorld,
  entries,
  ids,
  mongoRequests,
  phases,
  planText,
  READ_ONLY_TOKEN,
  REPO,
  runCampaign,
  stateFile,
  type World,
} from './campaign-world.js';

let w: World;
afterEach(async () => {
  w.close();
  await w.sim.close();
});

const TEN_MINUTES = 10 * 60_000;
/** Migrations of the campaign that MongoDB has not finished. */
const unfinished = (run: { outputs: Record<string, string> }) =>
  JSON.parse(run.outputs.campaign ?? '[]')
    .map((e: { 'migration-id': string | null }) => e['migration-id'])
    .filter((id: string | null): id is string => id !== null)
    .filter((id: string) => !['COMPLETE', 'FAILED', 'EXPIRED'].includes(w.sim.migration(id)?.status ?? ''));
const creates = () => w.sim.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none');

describe('a three-deployment campaign', () => {
  it('goes pending → complete over successive runs, one migration at a time, the cutover workflow dispatched once per migration', async () => {
    w = await campaignWorld();
    const seen = new Set<string>();
    let run = await runCampaign(w, { 'cutover-workflow': 'cutover.yml' });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(phases(run)).toEqual(['syncing', 'pending', 'pending']);
    const readySince = new Map<string, string>();
    for (let i = 0; i < 40 && !phases(run).every((p) => p === 'complete'); i++) {
      w.sim.advance(TEN_MINUTES);
      run = await runCampaign(w, { 'cutover-workflow': 'cutover.yml' });
      expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
      expect(unfinished(run).length, 'two migrations active in one organization').toBeLessThanOrEqual(1);
      for (const e of entries(run)) {
        if (e['ready-since']) {
          expect(readySince.get(e.deployment) ?? e['ready-since'], 'ready-since changed').toBe(e['ready-since']);
          readySince.set(e.deployment, e['ready-since']);
          expect(Date.parse(e['window-closes'] as string) - Date.parse(e['ready-since'])).toBe(120 * 3600_000);
        }
        if (e['migration-id']) seen.add(e['migration-id']);
      }
      // The cutover workflow's job, approved: `cutover` for each dispatched migration.
      for (const d of w.sim.github.dispatches().filter((x) => w.sim.migration(x.inputs['migration-id'] as string)?.status === 'WORKING')) {
        const id = d.inputs['migration-id'] as string;
        if (w.sim.migration(id)?.readyForCutover) {
          const cut = await runAction(w.sim, migrationInputs(w.url, { command: 'cutover', 'migration-id': id }));
          expect(cut.code, cut.errors.map((e) => e.message).join()).toBe(0);
        }
      }
    }
    expect(phases(run)).toEqual(['complete', 'complete', 'complete']);
    expect(creates()).toHaveLength(3);
    expect(seen.size).toBe(3);
    expect(readySince.size).toBe(3);
    const dispatches = w.sim.github.dispatches();
    expect(dispatches.map((d) => d.inputs).sort((a, b) => String(a.deployment).localeCompare(String(b.deployment)))).toEqual(
      ids.map((deployment) => ({ deployment, 'migration-id': entries(run).find((e) => e.deployment === deployment)?.['migration-id'] })),
    );
    expect(dispatches.every((d) => d.workflow === 'cutover.yml' && d.ref === 'main')).toBe(true);
    const dashboard = w.sim.github.file(REPO, BRANCH, 'orders.md')?.text ?? '';
    expect(dashboard).toContain('| Deployment | Phase |');
    expect(dashboard.split('\n').filter((l) => l.includes('complete'))).toHaveLength(3);
    // About ten runs of the bundle: generous on a loaded machine.
  }, 90_000);
});

describe('concurrent runs and lost answers', () => {
  it('two runs started at the same moment start one migration, not two', async () => {
    w = await campaignWorld();
    const [a, b] = await Promise.all([runCampaign(w), runCampaign(w)]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(creates()).toHaveLength(1);
    const state = stateFile(w);
    expect(state.deployments.map((d: { phase: string }) => d.phase)).toEqual(['syncing', 'pending', 'pending']);
    // And the next runs see it and start nothing else.
    w.sim.advance(TEN_MINUTES);
    const [c, d] = await Promise.all([runCampaign(w), runCampaign(w)]);
    expect([c.code, d.code]).toEqual([0, 0]);
    expect(creates()).toHaveLength(1);
  });

  it('a run whose reservation loses the compare-and-swap to another run creates nothing', async () => {
    w = await campaignWorld(planText(['rs0']));
    const at = new Date().toISOString();
    // Keys in the order the action writes them, so that the reservation is the run's first write.
    const entry = (phase: string, reservedAt?: string) => ({
      deployment: ids[0],
      phase,
      attempt: 1,
      'validation-id': '7b0000000000000000000001',
      'last-status': 'SUCCESS',
      lag: [],
      'reserved-at': reservedAt,
      'updated-at': at,
      history: [],
    });
    const file = (d: object) =>
      `${JSON.stringify({ version: 1, plan: 'orders', 'source-org-id': '6a7b8c9d0e1f2a3b4c5d6e7f', 'updated-at': at, deployments: [d] }, null, 2)}\n`;
    // The state on the default branch (the simulator creates other branches only through the API).
    w.sim.github.putFile(REPO, 'main', 'orders.json', file(entry('validating')));
    // Another run reserves it between this run's read and its write.
    w.sim.github.changeBeforeNextWrite(REPO, 'main', 'orders.json', file(entry('starting', at)));
    const run = await runCampaign(w, { 'state-branch': 'main' });
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(w.sim.requests({ route: 'github.contents.write' }).map((r) => r.status)).toEqual([409]);
    expect(w.sim.requests({ route: 'atlas.migrations.create' })).toEqual([]);
    expect(phases(run)).toEqual(['starting']);
    expect(run.summary).toContain('another run reserved it');
  });

  it('a lost create answer leaves the deployment unknown, and nothing more starts', async () => {
    w = await campaignWorld();
    w.sim.fail('atlas.migrations.create', { kind: 'reset' });
    const first = await runCampaign(w);
    expect(first.code).toBe(1);
    expect(phases(first)).toEqual(['unknown', 'pending', 'pending']);
    expect(w.sim.requests({ route: 'atlas.migrations.create' })).toHaveLength(1);
    expect(first.errors.map((e) => e.message).join()).toMatch(/Atlas UI/);
    for (let i = 0; i < 2; i++) {
      w.sim.advance(TEN_MINUTES);
      const again = await runCampaign(w);
      expect(again.code).toBe(1);
      expect(phases(again)).toEqual(['unknown', 'pending', 'pending']);
    }
    expect(w.sim.requests({ route: 'atlas.migrations.create' })).toHaveLength(1);
    expect(w.sim.requests({ route: 'atlas.migrations.validate' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
  });

  it('a FAILED migration stops the campaign until the plan allows another attempt', async () => {
    w = await campaignWorld();
    w.sim.migrationPlan({ validationAfterPolls: 0, failAfterPolls: 1, failMessage: 'oplog window too small' });
    await runCampaign(w);
    w.sim.advance(TEN_MINUTES);
    const failed = await runCampaign(w);
    expect(failed.code).toBe(1);
    expect(phases(failed)).toEqual(['failed', 'pending', 'pending']);
    const validations = w.sim.requests({ route: 'atlas.migrations.validate' }).length;
    w.sim.advance(TEN_MINUTES);
    const still = await runCampaign(w);
    expect(still.code).toBe(1);
    expect(phases(still)).toEqual(['failed', 'pending', 'pending']);
    expect(w.sim.requests({ route: 'atlas.migrations.validate' })).toHaveLength(validations);
    expect(creates()).toHaveLength(1);
    expect(still.summary).toContain('attempt');
  });
});

describe('refused before any MongoDB call', () => {
  it('a bad plan: the file, the entry and the field are named; no request at all', async () => {
    w = await campaignWorld(planText().replace('source-cluster-name: rs1', 'source-cluster-nmae: rs1'));
    const run = await runCampaign(w);
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message).join('\n')).toMatch(/orders\.yml.*line \d+/);
    expect(w.sim.requests()).toEqual([]);
  });

  it('a token without contents: write: the first write fails, before any MongoDB call', async () => {
    w = await campaignWorld();
    const run = await runCampaign(w, { 'github-token': READ_ONLY_TOKEN });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message).join()).toMatch(/contents: write/);
    expect(mongoRequests(w.sim)).toEqual([]);
  });

  it('a missing GITHUB_REPOSITORY and a bad state-branch are named, with no request', async () => {
    w = await campaignWorld();
    const run = await runCampaign(w, { 'state-branch': '../main' }, { GITHUB_REPOSITORY: undefined });
    expect(run.code).toBe(1);
    const text = run.errors.map((e) => e.message).join('\n');
    expect(text).toContain("Input 'state-branch'");
    expect(text).toContain('GITHUB_REPOSITORY');
    expect(w.sim.requests()).toEqual([]);
  });
});

describe('the cutover window', () => {
  it('ready-since is kept from the state; a window closing within 24 h is warned of on every run', async () => {
    w = await campaignWorld(planText(['rs0']));
    const id = w.sim.addMigration('66a0b1c2d3e4f5a6b7c8d9e0', { status: 'WORKING', readyForCutover: true, clusterName: 'orders-rs0' });
    const readySince = new Date(Date.now() - 100 * 3600_000).toISOString();
    const windowCloses = new Date(Date.parse(readySince) + 120 * 3600_000).toISOString();
    const state = {
      version: 1,
      plan: 'orders',
      'source-org-id': '6a7b8c9d0e1f2a3b4c5d6e7f',
      'updated-at': readySince,
      deployments: [
        {
          deployment: ids[0],
          phase: 'ready',
          attempt: 1,
          'migration-id': id,
          lag: [],
          'ready-since': readySince,
          'window-closes': windowCloses,
          'updated-at': readySince,
          history: [],
        },
      ],
    };
    // The state kept on the default branch here (the simulator creates branches only through the API).
    w.sim.github.putFile(REPO, 'main', 'orders.json', `${JSON.stringify(state, null, 2)}\n`);
    for (let i = 0; i < 2; i++) {
      const run = await runCampaign(w, { 'state-branch': 'main' });
      expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
      expect(entries(run)[0]['ready-since']).toBe(readySince);
      expect(entries(run)[0]['window-closes']).toBe(windowCloses);
      expect(run.warnings.map((x) => x.message).join()).toMatch(/closes at .* \(in 2\d\.\d h|in 1\d\.\d h/);
      expect(JSON.parse(run.outputs.ready)).toEqual([
        { deployment: ids[0], 'migration-id': id, 'atlas-project-id': '66a0b1c2d3e4f5a6b7c8d9e0', 'window-closes': windowCloses },
      ]);
    }
  });
});

describe('secrets and the link', () => {
  const PASSWORD = 'Pw-9fK2xQ7mR4tV8nB3';
  it('source credentials: the link is read SYNCED first; the source password goes only to Atlas, never into the state, dashboard, outputs or logs', async () => {
    w = await campaignWorld(planText(['rs0'], '    source-managed-authentication: false\n'));
    const run = await runCampaign(
      w,
      {
        'source-public-key': SOURCE_KEY.publicKey,
        'source-private-key': SOURCE_KEY.privateKey,
        'source-base-url': w.url,
        'source-username': 'migrator',
        'source-password': PASSWORD,
      },
      {},
      [PASSWORD],
    );
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(phases(run)).toEqual(['syncing']);
    expect(w.sim.requests({ route: 'source.link.status' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
    const create = w.sim.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none');
    expect(JSON.parse(create[0].body).source).toMatchObject({ managedAuthentication: false, username: 'migrator', password: PASSWORD });
    expect(run.summary).toContain('SYNCED');
    // Each digest challenge goes to the plan's own organization or project.
    expect(
      w.sim
        .requests()
        .filter((r) => r.auth === 'none')
        .map((r) => `${r.method} ${r.route} ${r.status}`)
        .sort(),
    ).toEqual(['GET atlas.project 401', 'GET source.link.status 401']);
  });

  it('a link that is not SYNCED starts nothing', async () => {
    w = await campaignWorld(planText(['rs0']));
    w.sim.setStatus('6a7b8c9d0e1f2a3b4c5d6e7f', 'NOT_SYNCED');
    const run = await runCampaign(w, {
      'source-public-key': SOURCE_KEY.publicKey,
      'source-private-key': SOURCE_KEY.privateKey,
      'source-base-url': w.url,
    });
    expect(run.code).toBe(0);
    expect(phases(run)).toEqual(['pending']);
    expect(w.sim.requests({ route: 'atlas.migrations.validate' })).toEqual([]);
    expect(run.summary).toContain('NOT&#95;SYNCED');
  });

  it('a dry run lists the steps and the calls, and sends nothing', async () => {
    w = await campaignWorld();
    const run = await runCampaign(w, { 'dry-run': 'true', 'cutover-workflow': 'cutover.yml' });
    expect(run.code).toBe(0);
    expect(w.sim.requests()).toEqual([]);
    const text = run.summary;
    for (const part of ['Read the campaign state', 'Advance the campaign', 'contents', 'liveMigrations', 'dispatches'])
      expect(text).toContain(part);
  });
});
