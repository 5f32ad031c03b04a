// The campaign world of test/simulator/campaign-fixture.js, three deployments by default, and a
// campaign run through the bundle whose state, dashboard and outputs are checked for secrets.
import type { CampaignEntry } from '../../src/campaign/report.js';
import { expect } from 'vitest';
import { knownSecrets, runAction, type ActionRun } from '../helpers/run-action.js';
import {
  addCampaignWorld,
  CAMPAIGN_REPO,
  CAMPAIGN_TOKEN,
  campaignEnv,
  campaignInputs,
  campaignPlanText,
  campaignWorkspace,
} from '../simulator/campaign-fixture.js';
import { SOURCE_PROJECT, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';

export const REPO = CAMPAIGN_REPO;
export const GITHUB_TOKEN = CAMPAIGN_TOKEN;
export const READ_ONLY_TOKEN = 'ghs_R8sY3nW0qM5uL9xO4cA7dG2iK6eT1bZfVhSj';
export const BRANCH = 'live-migration-state';
export const CLUSTERS = ['rs0', 'rs1', 'rs2'];
export const ids = CLUSTERS.map((c) => `${SOURCE_PROJECT.id}/${c}`);

export const planText = (clusters = CLUSTERS, extra = '') => campaignPlanText(clusters, extra);

export interface World {
  sim: Simulator;
  url: string;
  workspace: string;
  close(): void;
}

/** Validations decided at once; the repository with a read-only token besides the job's. */
export async function campaignWorld(plan = planText(), sourceNames = CLUSTERS): Promise<World> {
  const sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  addCampaignWorld(sim, CLUSTERS, sourceNames);
  sim.github.addToken(READ_ONLY_TOKEN, { repository: REPO, contents: 'read' });
  const url = await sim.listen();
  const workspace = campaignWorkspace(plan);
  return { sim, url, workspace: workspace.dir, close: workspace.remove };
}

/** A campaign run through the bundle; every secret known, the github token too, is checked absent from what it shows and writes. */
export async function runCampaign(
  w: World,
  extra: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
  moreSecrets: string[] = [],
  bundle?: string,
): Promise<ActionRun> {
  const extraSecrets = [GITHUB_TOKEN, READ_ONLY_TOKEN, ...moreSecrets];
  const inputs: Record<string, string> = campaignInputs(w.url, extra);
  // campaign/action.yml declares no `command`: its entry names the command.
  if (bundle) delete inputs.command;
  const run = await runAction(w.sim, inputs, {
    env: { ...campaignEnv(w.url, w.workspace), ...env },
    secrets: extraSecrets,
    bundle,
  });
  const secrets = knownSecrets(w.sim, extraSecrets);
  expect(secrets).toEqual(expect.arrayContaining(extraSecrets));
  const issues = w.sim.github.issues(REPO).flatMap((i) => [i.title, i.body, ...i.comments.map((c) => c.body)]);
  const written = [...w.sim.github.files(REPO).map((f) => f.text), ...issues, JSON.stringify(run.outputs)].join('\n');
  for (const s of secrets) {
    expect(written.includes(s), 'a secret in the state, the dashboard, an issue or the outputs').toBe(false);
    expect(written.includes(Buffer.from(s).toString('base64')), 'a secret, base64, in the state, the dashboard or the outputs').toBe(false);
  }
  return run;
}

/** One entry of the `campaign` output, as the action declares it. */
export type Entry = CampaignEntry;

export const entries = (run: ActionRun): Entry[] => JSON.parse(run.outputs.campaign ?? 'null');
export const phases = (run: ActionRun) => entries(run).map((e) => e.phase);
export const stateFile = (w: World) => JSON.parse(w.sim.github.file(REPO, BRANCH, 'orders.json')?.text ?? 'null');
/** Requests that reached MongoDB (either side), authenticated or not. */
export const mongoRequests = (sim: Simulator) => sim.requests().filter((r) => r.side !== 'github');
