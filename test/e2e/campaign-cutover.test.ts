// command: cutover with the campaign's plan, through the bundle: the campaign state is read before
// any MongoDB call, and cutting-over, then complete, are written to it (and the dashboard).
import { afterEach, describe, expect, it } from 'vitest';
import { BRANCH, campaignWorld, ids, mongoRequests, planText, READ_ONLY_TOKEN, REPO, runCampaign, type World } from './campaign-world.js';

let w: World;
afterEach(async () => {
  w.close();
  await w.sim.close();
});

const ATLAS_PROJECT = '66a0b1c2d3e4f5a6b7c8d9e0';
const OTHER_ID = '0123456789abcdef01234567';

/** A campaign state with rs0 in `phase` and its migration (a WORKING, ready migration in Atlas). */
async function readyWorld(phase = 'ready'): Promise<string> {
  w = await campaignWorld(planText(['rs0', 'rs1']));
  const id = w.sim.addMigration(ATLAS_PROJECT, { status: 'WORKING', readyForCutover: true, clusterName: 'orders-rs0' });
  const at = new Date(Date.now() - 3600_000).toISOString();
  const entry = (deployment: string, p: string, migrationId?: string) => ({
    deployment,
    phase: p,
    attempt: migrationId ? 1 : 0,
    'migration-id': migrationId,
    lag: [],
    'updated-at': at,
    history: [],
  });
  const state = {
    version: 1,
    plan: 'orders',
    'source-org-id': '6a7b8c9d0e1f2a3b4c5d6e7f',
    'updated-at': at,
    deployments: [entry(ids[0], phase, id), entry(ids[1], 'pending')],
  };
  // The state branch created the way the campaign's first run does (the simulator makes branches only through the API).
  w.sim.github.putFile(REPO, 'main', 'orders.json', `${JSON.stringify(state, null, 2)}\n`);
  return id;
}

const cutover = (extra: Record<string, string>) => runCampaign(w, { command: 'cutover', 'state-branch': 'main', ...extra });
const stored = () => JSON.parse(w.sim.github.file(REPO, 'main', 'orders.json')?.text ?? 'null');
const phaseOf = (deployment: string) => stored().deployments.find((d: { deployment: string }) => d.deployment === deployment).phase;
const errors = (run: { errors: Array<{ message: string }> }) => run.errors.map((e) => e.message).join('\n');

describe('cutover with plan', () => {
  it('cuts over a ready deployment named by deployment, and records cutting-over in the state and the dashboard', async () => {
    const id = await readyWorld();
    const run = await cutover({ deployment: ids[0] });
    expect(run.code, errors(run)).toBe(0);
    expect(w.sim.migration(id)?.status).not.toBe('COMPLETE');
    expect(w.sim.requests({ route: 'atlas.migrations.cutover' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
    expect(phaseOf(ids[0])).toBe('cutting-over');
    expect(phaseOf(ids[1])).toBe('pending');
    const history = stored().deployments[0].history.map((e: { text: string }) => e.text);
    expect(history).toEqual([`ready → cutting-over: cutover of migration ${id} requested by cutover`]);
    expect(run.outputs['migration-id']).toBe(id);
    const dashboard = w.sim.github.file(REPO, 'main', 'orders.md')?.text ?? '';
    expect(dashboard).toContain('cutting-over');
    expect(run.summary).toContain('cutting-over');
    expect(w.sim.github.file(REPO, BRANCH, 'orders.json')).toBeNull();
  });

  it('with wait-for records cutting-over then complete; a re-run changes nothing', async () => {
    const id = await readyWorld();
    const run = await cutover({ deployment: ids[0], 'migration-id': id, 'wait-for': '600' });
    expect(run.code, errors(run)).toBe(0);
    expect(w.sim.migration(id)?.status).toBe('COMPLETE');
    expect(phaseOf(ids[0])).toBe('complete');
    const history = stored().deployments[0].history.map((e: { text: string }) => e.text);
    expect(history).toEqual([
      `ready → cutting-over: cutover of migration ${id} requested by cutover`,
      `cutting-over → complete: migration ${id} COMPLETE`,
    ]);
    expect(w.sim.github.file(REPO, 'main', 'orders.md')?.text).toContain('complete');
    const before = w.sim.github.file(REPO, 'main', 'orders.json')?.sha;
    const again = await cutover({ deployment: ids[0] });
    expect(again.code, errors(again)).not.toBe(0);
    expect(errors(again)).toContain('phase complete, not ready');
    expect(w.sim.github.file(REPO, 'main', 'orders.json')?.sha).toBe(before);
  });

  it('finds the deployment by migration-id alone (atlas-project-id from the plan)', async () => {
    const id = await readyWorld();
    const run = await cutover({ 'migration-id': id });
    expect(run.code, errors(run)).toBe(0);
    expect(phaseOf(ids[0])).toBe('cutting-over');
  });

  it('refuses a deployment that is not ready, with no MongoDB request', async () => {
    await readyWorld('syncing');
    const run = await cutover({ deployment: ids[0] });
    expect(run.code).not.toBe(0);
    expect(errors(run)).toContain(`has ${ids[0]} in phase syncing, not ready`);
    expect(mongoRequests(w.sim)).toEqual([]);
    expect(phaseOf(ids[0])).toBe('syncing');
  });

  it('refuses a migration-id the state does not record for the deployment, with no MongoDB request', async () => {
    const id = await readyWorld();
    const run = await cutover({ deployment: ids[0], 'migration-id': OTHER_ID });
    expect(run.code).not.toBe(0);
    expect(errors(run)).toContain(`Input 'migration-id': ${OTHER_ID} is not the migration`);
    expect(errors(run)).toContain(id);
    expect(mongoRequests(w.sim)).toEqual([]);
    const alone = await cutover({ 'migration-id': OTHER_ID });
    expect(errors(alone)).toContain(`has no migration-id ${OTHER_ID}`);
    expect(mongoRequests(w.sim)).toEqual([]);
  });

  it('refuses a deployment not in the plan, and deployment without plan, before any request', async () => {
    await readyWorld();
    const run = await cutover({ deployment: `${ids[0].split('/')[0]}/rs9` });
    expect(run.code).not.toBe(0);
    expect(errors(run)).toContain("Input 'deployment'");
    expect(errors(run)).toContain('is not a deployment of the plan');
    const noPlan = await cutover({ plan: '', deployment: ids[0], 'migration-id': OTHER_ID, 'atlas-project-id': ATLAS_PROJECT });
    expect(errors(noPlan)).toContain("Input 'deployment': is read only with plan");
    expect(w.sim.requests()).toEqual([]);
  });

  it('a state write that fails after the cutover is a warning: the cutover is reported done, not failed', async () => {
    const id = await readyWorld();
    const run = await cutover({ deployment: ids[0], 'github-token': READ_ONLY_TOKEN });
    expect(run.code, errors(run)).toBe(0);
    expect(w.sim.requests({ route: 'atlas.migrations.cutover' }).filter((r) => r.auth !== 'none')).toHaveLength(1);
    expect(run.outputs.changed).toBe('true');
    expect(run.warnings.map((x) => x.message).join('\n')).toContain(
      `The cutover of migration ${id} stands, but cutting-over was not written`,
    );
    expect(run.summary).toContain('the next campaign run records it from what Atlas reads');
    expect(phaseOf(ids[0])).toBe('ready');
  });
});
