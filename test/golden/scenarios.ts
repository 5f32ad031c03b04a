// What the runner sees of each command (stdout as the runner reads it, the outputs, the job
// summary), in scenarios that cover every command's success, refusal and failure. Recorded from
// the bundle before the runner protocol moved to @actions/core (test/golden/before/*.json), and
// compared with today's bundle by test/e2e/runner-unchanged.test.ts.
import { ATLAS_PROJECT_ID, linkInputs, migrationInputs, sourceInputs, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

export interface Scenario {
  name: string;
  /** Sets up the world; returns the inputs (the simulator's URL is given). */
  arrange(sim: Simulator, url: string): Record<string, string>;
}

const quick = { validationAfterPolls: 0, validationAfterMs: 0, workingAfterPolls: 0, workingAfterMs: 0 };
const linked = (sim: Simulator) => {
  sim.linkSource('6a7b8c9d0e1f2a3b4c5d6e7f', '5f1a2b3c4d5e6f7a8b9c0d1e');
  return sim;
};

export const SCENARIOS: Scenario[] = [
  { name: 'link-fresh', arrange: (_sim, url) => ({ ...linkInputs(url, url), command: 'link' }) },
  {
    name: 'link-synced',
    arrange: (sim, url) => {
      sim.linkSource('6a7b8c9d0e1f2a3b4c5d6e7f', '5f1a2b3c4d5e6f7a8b9c0d1e');
      return { ...linkInputs(url, url), command: 'link' };
    },
  },
  {
    name: 'link-bad-source-key',
    arrange: (_sim, url) => ({ ...linkInputs(url, url), 'source-private-key': 'wrong-key-0000', command: 'link' }),
  },
  { name: 'status-unlinked', arrange: (_sim, url) => ({ ...linkInputs(url, url), command: 'status' }) },
  { name: 'status-source-only', arrange: (_sim, url) => sourceInputs(url, { command: 'status' }) },
  {
    name: 'unlink',
    arrange: (sim, url) => {
      sim.linkSource('6a7b8c9d0e1f2a3b4c5d6e7f', '5f1a2b3c4d5e6f7a8b9c0d1e');
      return { ...linkInputs(url, url), command: 'unlink' };
    },
  },
  {
    name: 'validate',
    arrange: (sim, url) => {
      linked(sim).migrationPlan(quick);
      return migrationInputs(url, { command: 'validate' });
    },
  },
  {
    name: 'validate-fails',
    arrange: (sim, url) => {
      linked(sim).migrationPlan({ ...quick, validationFails: 'Source deployment is not reachable from the migration host.' });
      return migrationInputs(url, { command: 'validate' });
    },
  },
  {
    name: 'migrate',
    arrange: (sim, url) => {
      linked(sim).migrationPlan(quick);
      return migrationInputs(url, { command: 'migrate' });
    },
  },
  {
    name: 'migrate-not-linked',
    arrange: (sim, url) => {
      sim.migrationPlan(quick);
      return migrationInputs(url, { command: 'migrate' });
    },
  },
  { name: 'migrate-dry-run', arrange: (_sim, url) => migrationInputs(url, { command: 'migrate', 'dry-run': 'true' }) },
  { name: 'validate-bad-input', arrange: (_sim, url) => migrationInputs(url, { command: 'validate', 'atlas-cluster-name': '' }) },
  {
    name: 'migration-status-ready',
    arrange: (sim, url) => {
      const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true, lagTimeSeconds: 3 } as never);
      return migrationInputs(url, { command: 'migration-status', 'migration-id': id });
    },
  },
  {
    name: 'cutover-ready',
    arrange: (sim, url) => {
      const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: true, lagTimeSeconds: 2 } as never);
      return migrationInputs(url, { command: 'cutover', 'migration-id': id });
    },
  },
  {
    name: 'cutover-not-ready',
    arrange: (sim, url) => {
      const id = sim.addMigration(ATLAS_PROJECT_ID, { status: 'WORKING', readyForCutover: false, lagTimeSeconds: 40 } as never);
      return migrationInputs(url, { command: 'cutover', 'migration-id': id });
    },
  },
];

export function scenarioSimulator(): Simulator {
  return standardSimulator();
}

/** Replaces what differs from run to run (ids the simulator makes, the port, durations) with stable names. */
export function normalize(text: string, url: string, secrets: string[]): string {
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) text = text.split(secret).join('<SECRET>');
  const ids = new Map<string, string>();
  const fixed = /^(5f1a2b3c4d5e6f7a8b9c0d1e|6a7b8c9d0e1f2a3b4c5d6e7f|66a0b1c2d3e4f5a6b7c8d9e0|65f0[0-9a-f]{20})$/;
  return text
    .split(url)
    .join('<URL>')
    .split(new URL(url).host)
    .join('<HOST>')
    .replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_<UUID>')
    .replace(/\b[0-9a-f]{24}\b/g, (id) => {
      if (fixed.test(id)) return id;
      if (!ids.has(id)) ids.set(id, `<ID${ids.size + 1}>`);
      return ids.get(id)!;
    })
    .replace(/\d+(\.\d+)? (ms|s)\b/g, '<T> $2');
}
