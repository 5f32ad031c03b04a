import * as core from '@actions/core';
import { createClients, type Wiring } from './clients.js';
import { execute, type Outcome } from './commands.js';
import { InputError, isExpectedError, SyncTimeoutError } from './errors.js';
import { actionInputs, readSettings, secretValues, type InputReader } from './input-helper.js';
import { describeCall, plan } from './plan.js';
import type { Settings } from './settings.js';
import { writeSummary } from './summary.js';

/** The action. Never rejects: every failure ends as `core.setFailed` with one clear line. */
export async function run(read: InputReader = actionInputs): Promise<void> {
  let wiring: Wiring | undefined;
  try {
    for (const secret of secretValues(read)) core.setSecret(secret);
    const { settings, notes } = readSettings(read);
    for (const note of notes) core[note.level](note.message);
    if (settings.dryRun) return await dryRun(settings);
    wiring = createClients(settings);
    const outcome = await execute(settings, wiring);
    setOutputs(outcome);
    await writeSummary(settings, { outcome });
  } catch (err) {
    fail(err);
  } finally {
    try {
      if (await wiring?.serviceAccount?.revoke()) core.info('Revoked the service account access token.');
    } catch (err) {
      fail(err);
    }
  }
}

async function dryRun(settings: Settings): Promise<void> {
  const calls = plan(settings);
  core.info(`Dry run of '${settings.command}': nothing is sent. The calls it would make:`);
  for (const call of calls) core.info(`  ${describeCall(call)}`);
  core.setOutput('changed', 'false');
  await writeSummary(settings, { plan: calls });
}

function setOutputs(outcome: Outcome): void {
  core.setOutput('status', outcome.status);
  core.setOutput('changed', String(outcome.changed));
  if (outcome.linkToken) core.setOutput('link-token', outcome.linkToken);
  if (outcome.availableProjects) core.setOutput('available-projects', JSON.stringify(outcome.availableProjects));
}

function fail(err: unknown): void {
  if (err instanceof InputError) {
    for (const p of err.problems) core.setFailed(`Input '${p.input}': ${p.message}`);
  } else if (isExpectedError(err)) {
    if (err instanceof SyncTimeoutError) core.setOutput('status', err.lastStatus);
    core.setFailed(err.message);
  } else {
    core.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
    core.setFailed(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  }
}
