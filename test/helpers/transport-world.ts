// What the end-to-end files with one simulator per file (hostile, retries-and-bodies, network)
// share: the checked runner, optionally against another build (ACTION_BUNDLE, say the one before a
// fix), a source-only status run, and the check that no stack was printed.
import { expect } from 'vitest';
import { sourceInputs } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction as runChecked, type ActionRun, type RunOptions } from './run-action.js';

export const runAction = (sim: Simulator, inputs: Record<string, string>, options: RunOptions = {}) =>
  runChecked(sim, inputs, { ...options, bundle: process.env.ACTION_BUNDLE || undefined });

export const sourceStatus = (base: string, extra: Record<string, string> = {}) => sourceInputs(base, { command: 'status', ...extra });

export const noStack = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Unexpected error/);
