import * as core from '@actions/core';
import { createClients, type Wiring } from './clients.js';
import { execute, type Outcome } from './commands.js';
import { InputError, isExpectedError } from './errors.js';
import { actionInputs, readSettings, secretValues, type InputReader } from './input-helper.js';
import { describeCall, plan } from './plan.js';
import type { Settings } from './settings.js';
import { writeSummary } from './summary.js';

export async function run(read: InputReader = actionInputs): Promise<void> {
  for (const secret of secretValues(read)) core.setSecret(secret);

  let settings: Settings;
  try {
    const parsed = readSettings(read);
    settings = parsed.settings;
    for (const note of parsed.notes) core[note.level](note.message);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    for (const p of err.problems) core.setFailed(`Input '${p.input}': ${p.message}`);
    return;
  }

  if (settings.dryRun) {
    const calls = plan(settings);
    core.info(`Dry run of '${settings.command}': nothing is sent. The calls it would make:`);
    for (const call of calls) core.info(`  ${describeCall(call)}`);
    core.setOutput('changed', 'false');
    await writeSummary(settings, { plan: calls });
    return;
  }

  let wiring: Wiring | undefined;
  try {
    wiring = createClients(settings);
    const outcome = await execute(settings, wiring);
    setOutputs(outcome);
    await writeSummary(settings, { outcome });
  } catch (err) {
    if (isExpectedError(err)) {
      core.setFailed(err.message);
    } else {
      core.debug(err instanceof Error ? (err.stack ?? err.message) : String(err));
      core.setFailed(`Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
    }
  } finally {
    if (await wiring?.serviceAccount?.revoke()) core.info('Revoked the service account access token.');
  }
}

function setOutputs(outcome: Outcome): void {
  core.setOutput('status', outcome.status);
  core.setOutput('changed', String(outcome.changed));
  if (outcome.linkToken) core.setOutput('link-token', outcome.linkToken);
  if (outcome.availableProjects) core.setOutput('available-projects', JSON.stringify(outcome.availableProjects));
}
