// A three-deployment campaign world on the simulator: the standard organizations with three
// replica sets of the source project available, three destination clusters, the workflow's own
// repository on the GitHub side, and a workspace holding the plan.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { knownSecrets, runAction, type ActionRun } from '../helpers/run-action.js';
import { ATLAS_KEY, ATLAS_ORG_ID, ATLAS_PROJECT_ID, SOURCE_ORG_ID, SOURCE_PROJECT, standardSimulator } from '../simulator/fixture.js';
import { GITHUB_PREFIX, type Simulator } from '../simulator/index.js';

export const REPO = 'octo-org/migrations';
export const GITHUB_TOKEN = 'ghs_Q7rX2mV9pL4tK8wN3bZ6cF1hJ5dS0aYeUgRi';
export const READ_ONLY_TOKEN = 'ghs_R8sY3nW0qM5uL9xO4cA7dG2iK6eT1bZfVhSj';
export const BRANCH = 'live-migration-state';
export const CLUSTERS = ['rs0', 'rs1', 'rs2'];
export const ids = CLUSTERS.map((c) => `${SOURCE_PROJECT.id}/${c}`);

export function planText(clusters = CLUSTERS, extra = ''): string {
  const deployments = clusters
    .map(
      (c) =>
        `  - source-project-id: ${SOURCE_PROJECT.id}\n    source-cluster-name: ${c}\n    atlas-cluster-name: orders-${c}\n    migration-host: ${SOURCE_PROJECT.migrationHost}\n${extra}`,
    )
    .join('');
  return `source-org-id: ${SOURCE_ORG_ID}\natlas-org-id: ${ATLAS_ORG_ID}\natlas-project-id: ${ATLAS_PROJECT_ID}\ndeployments:\n${deployments}`;
}

export interface World {
  sim: Simulator;
  url: string;
  workspace: string;
  close(): void;
}

export async function campaignWorld(plan = planText()): Promise<World> {
  const sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  sim.addAtlasOrg(ATLAS_ORG_ID, {
    availableProjects: [
      {
        name: SOURCE_PROJECT.name,
        projectId: SOURCE_PROJECT.id,
        deployments: CLUSTERS.map((name) => ({
          name,
          mongoDBVersion: '7.0.14',
          featureCompatibilityVersion: '7.0',
          managed: true,
          sharded: false,
          tlsEnabled: true,
        })),
        migrationHosts: [SOURCE_PROJECT.migrationHost],
      },
    ],
  });
  sim.addAtlasProject(ATLAS_PROJECT_ID, { orgId: ATLAS_ORG_ID, name: 'orders', clusters: CLUSTERS.map((c) => `orders-${c}`) });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  sim.github.addRepository(REPO).addToken(GITHUB_TOKEN, { repository: REPO });
  sim.github.addToken(READ_ONLY_TOKEN, { repository: REPO, contents: 'read' });
  sim.github.addWorkflow(REPO, 'cutover.yml', { inputs: { deployment: { required: true }, 'migration-id': { required: true } } });
  const url = await sim.listen();
  const workspace = mkdtempSync(join(tmpdir(), 'campaign-ws-'));
  writeFileSync(join(workspace, 'orders.yml'), plan);
  return { sim, url, workspace, close: () => rmSync(workspace, { recursive: true, force: true }) };
}

export function campaignInputs(w: World, extra: Record<string, string> = {}): Record<string, string> {
  return {
    command: 'campaign',
    plan: 'orders.yml',
    'github-token': GITHUB_TOKEN,
    'atlas-public-key': ATLAS_KEY.publicKey,
    'atlas-private-key': ATLAS_KEY.privateKey,
    'atlas-base-url': w.url,
    'allow-insecure-http': 'true',
    ...extra,
  };
}

export const campaignEnv = (w: World) => ({
  GITHUB_WORKSPACE: w.workspace,
  GITHUB_REPOSITORY: REPO,
  GITHUB_API_URL: `${w.url}${GITHUB_PREFIX}`,
});

/** A campaign run through the bundle; every secret known, the github token too, is checked absent from what it shows and writes. */
export async function runCampaign(
  w: World,
  extra: Record<string, string> = {},
  env: Record<string, string | undefined> = {},
  moreSecrets: string[] = [],
): Promise<ActionRun> {
  const extraSecrets = [GITHUB_TOKEN, READ_ONLY_TOKEN, ...moreSecrets];
  const run = await runAction(w.sim, campaignInputs(w, extra), { env: { ...campaignEnv(w), ...env }, secrets: extraSecrets });
  const secrets = knownSecrets(w.sim, extraSecrets);
  expect(secrets).toEqual(expect.arrayContaining(extraSecrets));
  const written = [...w.sim.github.files(REPO).map((f) => f.text), JSON.stringify(run.outputs)].join('\n');
  for (const s of secrets) {
    expect(written.includes(s), 'a secret in the state, the dashboard or the outputs').toBe(false);
    expect(written.includes(Buffer.from(s).toString('base64')), 'a secret, base64, in the state, the dashboard or the outputs').toBe(false);
  }
  return run;
}

export interface Entry {
  deployment: string;
  phase: string;
  'migration-id': string | null;
  'lag-seconds': number | null;
  'ready-since': string | null;
  'window-closes': string | null;
}

export const entries = (run: ActionRun): Entry[] => JSON.parse(run.outputs.campaign ?? 'null');
export const phases = (run: ActionRun) => entries(run).map((e) => e.phase);
export const stateFile = (w: World) => JSON.parse(w.sim.github.file(REPO, BRANCH, 'orders.json')?.text ?? 'null');
/** Requests that reached MongoDB (either side), authenticated or not. */
export const mongoRequests = (sim: Simulator) => sim.requests().filter((r) => r.side !== 'github');
