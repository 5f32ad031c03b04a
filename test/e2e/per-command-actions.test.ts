// Each per-command action (`<command>/action.yml`) runs `dist/<command>/index.js`, which starts the
// shared bundle with its command: run each as the runner would, with only the inputs its own
// action.yml declares (no `command`), and check it did that command's work.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { COMMANDS } from '../../src/commands/registry.js';
import { closeChecked } from '../helpers/scripts.js';
import { commandEntry, ROOT, runAction } from '../helpers/run-action.js';
import { ATLAS_ORG_ID, linkInputs, migrationInputs, SOURCE_ORG_ID, sourceInputs, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { campaignWorld, phases, runCampaign, type World } from './campaign-world.js';

let sim: Simulator | undefined;
let world: World | undefined;
afterEach(async () => {
  if (sim) await closeChecked(sim);
  sim = undefined;
  world?.close();
  if (world) await closeChecked(world.sim);
  world = undefined;
});

const creates = (s: Simulator) => s.requests({ route: 'atlas.migrations.create' }).filter((r) => r.auth !== 'none').length;
const declaredInputs = (command: string) => Object.keys(parse(readFileSync(join(ROOT, command, 'action.yml'), 'utf8')).inputs);

/** Only what the command's own action.yml declares, as a workflow using `…/<command>@v1` could pass. */
function ownInputs(command: string, inputs: Record<string, string>): Record<string, string> {
  const own = declaredInputs(command);
  return Object.fromEntries(Object.entries(inputs).filter(([name]) => own.includes(name)));
}

describe('one action per command, each through its own entry of the bundle', () => {
  it('link/action.yml links a source: token created, SYNCED', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    const run = await runAction(sim, ownInputs('link', linkInputs(url, url)), { bundle: commandEntry('link') });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    expect(sim.linkOf(SOURCE_ORG_ID)?.token).toBe(run.outputs['link-token']);
  });

  it('status/action.yml reads the status with GET requests only', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, ownInputs('status', sourceInputs(url)), { bundle: commandEntry('status') });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'false' });
    expect(sim.requests().every((r) => r.method === 'GET')).toBe(true);
  });

  it('unlink/action.yml removes the link', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, ownInputs('unlink', sourceInputs(url)), { bundle: commandEntry('unlink') });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'UNLINKED', changed: 'true' });
    expect(sim.linkOf(SOURCE_ORG_ID)).toBeNull();
  });

  it('validate/action.yml validates and migrate/action.yml starts the migration, which migration-status/action.yml then reads', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const validated = await runAction(sim, ownInputs('validate', migrationInputs(url)), { bundle: commandEntry('validate') });
    expect(validated.code).toBe(0);
    expect(validated.outputs['validation-status']).toBe('SUCCESS');
    expect(creates(sim)).toBe(0);

    const migrated = await runAction(sim, ownInputs('migrate', migrationInputs(url)), { bundle: commandEntry('migrate') });
    expect(migrated.code).toBe(0);
    expect(migrated.outputs['migration-id']).toMatch(/^[0-9a-f]{24}$/);
    expect(creates(sim)).toBe(1);

    const inputs = ownInputs('migration-status', migrationInputs(url, { 'migration-id': migrated.outputs['migration-id'] }));
    const read = await runAction(sim, inputs, { bundle: commandEntry('migration-status') });
    expect(read.code).toBe(0);
    expect(read.outputs['migration-id']).toBe(migrated.outputs['migration-id']);
    expect(read.outputs['migration-status']).toBeTruthy();
    expect(creates(sim)).toBe(1);
  });

  it('cutover/action.yml runs cutover (a dry run: the steps it prints are the cutover)', async () => {
    const inputs = ownInputs(
      'cutover',
      migrationInputs('https://cloud.mongodb.com', { 'migration-id': '66b0c1d2e3f4a5b6c7d8e9f0', 'dry-run': 'true' }),
    );
    const run = await runAction(undefined, inputs, { bundle: commandEntry('cutover') });
    expect(run.code).toBe(0);
    expect(run.lines).toContain("Dry run of 'cutover': nothing is sent. Its steps, and the calls each would make:");
  });

  it('campaign/action.yml advances a campaign: it validates the first deployment', async () => {
    world = await campaignWorld();
    const run = await runCampaign(world, {}, {}, [], commandEntry('campaign'));
    expect(world.sim.requests().some((r) => r.route === 'atlas.migrations.validate')).toBe(true);
    expect(run.code).toBe(0);
    expect(phases(run)[0]).not.toBe('pending');
  });

  it('every command has its entry, and each entry names its command only', () => {
    for (const { name } of COMMANDS) {
      const entry = readFileSync(commandEntry(name), 'utf8');
      expect(entry).toContain(`process.env.INPUT_COMMAND = '${name}';`);
      expect(entry).toContain("require('../index.js');");
      expect(entry.split('\n').filter(Boolean)).toHaveLength(3);
    }
  });
});
