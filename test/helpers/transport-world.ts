// What the transport's end-to-end files (retries-and-bodies, network) share: the checked runner,
// optionally against another build (ACTION_BUNDLE, say the one before a fix), the standard world
// reset on one simulator, a source-only status run, and the check that no stack was printed.
import { expect } from 'vitest';
import { ATLAS_ORG_ID, AVAILABLE_PROJECTS, SOURCE_KEY, SOURCE_ORG_ID } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction as runChecked, type ActionRun, type RunOptions } from './run-action.js';

export const runAction = (sim: Simulator, inputs: Record<string, string>, options: RunOptions = {}) =>
  runChecked(sim, inputs, { ...options, bundle: process.env.ACTION_BUNDLE || undefined });

/** The standard world again on the same simulator: no link, the standard projects, no requests. */
export function resetWorld(sim: Simulator): void {
  sim.addSourceOrg(SOURCE_ORG_ID, { name: 'Ops Manager source' });
  sim.addAtlasOrg(ATLAS_ORG_ID, { name: 'Atlas destination', availableProjects: structuredClone([...AVAILABLE_PROJECTS]) });
  sim.clearRequests();
}

export const sourceStatus = (base: string, extra: Record<string, string> = {}) => ({
  command: 'status',
  'source-org-id': SOURCE_ORG_ID,
  'source-public-key': SOURCE_KEY.publicKey,
  'source-private-key': SOURCE_KEY.privateKey,
  'source-base-url': base,
  ...extra,
});

export const noStack = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Unexpected error/);
