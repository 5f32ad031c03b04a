// Adding a command is one file (test/fixtures/throwaway-command.ts) and one registry line: it then
// shows in the commands × inputs table, runs dry and for real, and writes its own summary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { inputTables } from '../../scripts/input-tables.mjs';
import { COMMANDS } from '../../src/commands/registry.js';
import { peek } from '../fixtures/throwaway-command.js';
import { runInProcess } from '../helpers/in-process.js';
import { ROOT } from '../helpers/run-action.js';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_PROJECT_ID, migrationInputs, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

const registry = [...COMMANDS, peek];
let sim: Simulator;
afterEach(() => closeChecked(sim));

describe('a command added in one file and one registry line', () => {
  it('has a column in the commands × inputs table, from what it declares', () => {
    const { usage } = inputTables(readFileSync(join(ROOT, 'action.yml'), 'utf8'), registry);
    expect(usage.split('\n')[0]).toContain('| `migration-peek` |');
    const row = usage.split('\n').find((l) => l.startsWith('| `migration-id` |'));
    expect(
      row
        ?.split('|')
        .map((c) => c.trim())
        .at(-2),
    ).toBe('required');
  });

  it('is refused with its inputs missing, naming them, with no request', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    const run = await runInProcess(migrationInputs(url, { command: 'migration-peek' }), { sim, commands: registry });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Input 'migration-id': is required/)]);
    expect(sim.requests()).toHaveLength(0);
  });

  it('runs dry, planning the calls its step declares', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    const run = await runInProcess(
      migrationInputs(url, { command: 'migration-peek', 'migration-id': '65f0000000000000000000bb', 'dry-run': 'true' }),
      {
        sim,
        commands: registry,
      },
    );
    expect(run.code).toBe(0);
    expect(run.lines).toContain('  1. Peek at the migration');
    expect(run.lines.some((l) => /GET .* \/api\/atlas\/v2\/groups\/[0-9a-f]{24}\/liveMigrations\/65f0000000000000000000bb/.test(l))).toBe(
      true,
    );
    expect(sim.requests()).toHaveLength(0);
  });

  it('runs, and writes its outputs and its own summary', async () => {
    sim = standardSimulator();
    const url = await sim.listen();
    const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING' });
    const run = await runInProcess(migrationInputs(url, { command: 'migration-peek', 'migration-id': id }), { sim, commands: registry });
    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({ 'migration-status': 'WORKING', changed: 'false' });
    expect(run.summary).toContain('<h2>MongoDB live migration: peek</h2>');
    expect(run.summary).toContain('<td>Peeked status</td><td>WORKING</td>');
    expect(run.summary).toContain('<td>Peek at the migration</td><td>✅ done</td>');
  });
});
