// @ts-check
// A campaign on the standard world, for `npm run bench` and `npm run demo -- --campaign`: the
// workflow's own repository on the simulator's GitHub side, a workspace holding a plan of the
// source project's deployments, and the inputs and environment of a `campaign` step.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ATLAS_KEY, ATLAS_ORG_ID, ATLAS_PROJECT_ID, SOURCE_ORG_ID, SOURCE_PROJECT } from './fixture.js';
import { GITHUB_PREFIX } from './index.js';

export const CAMPAIGN_REPO = 'octo-org/migrations';
export const CAMPAIGN_TOKEN = 'ghs_Bx7Kq2Lm9Np4Rs8Tv1Wy5Za3Cd6Fg0HjEkUo';

/**
 * Makes the source project list `clusters`, the destination project hold `orders-<cluster>` for
 * each, links the source, and adds the repository, its token and a cutover workflow.
 * @param {import("./index.js").Simulator} sim @param {string[]} clusters @param {string[]} [sourceNames] the source deployments Atlas lists (default: clusters)
 */
export function addCampaignWorld(sim, clusters, sourceNames = clusters) {
  sim.addAtlasOrg(ATLAS_ORG_ID, {
    availableProjects: [
      {
        name: SOURCE_PROJECT.name,
        projectId: SOURCE_PROJECT.id,
        deployments: sourceNames.map((name) => ({
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
  sim.addAtlasProject(ATLAS_PROJECT_ID, { orgId: ATLAS_ORG_ID, name: 'orders', clusters: clusters.map((c) => `orders-${c}`) });
  sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
  sim.github.addRepository(CAMPAIGN_REPO).addToken(CAMPAIGN_TOKEN, { repository: CAMPAIGN_REPO });
  sim.github.addWorkflow(CAMPAIGN_REPO, 'cutover.yml', { inputs: { deployment: { required: true }, 'migration-id': { required: true } } });
}

/** The plan's text: the deployments in order, each with `extra` lines. @param {string[]} clusters @param {string} [extra] */
export function campaignPlanText(clusters, extra = '') {
  const deployments = clusters
    .map(
      (c) =>
        `  - source-project-id: ${SOURCE_PROJECT.id}\n    source-cluster-name: ${c}\n    atlas-cluster-name: orders-${c}\n` +
        `    migration-host: ${SOURCE_PROJECT.migrationHost}\n${extra}`,
    )
    .join('');
  return `source-org-id: ${SOURCE_ORG_ID}\natlas-org-id: ${ATLAS_ORG_ID}\natlas-project-id: ${ATLAS_PROJECT_ID}\ndeployments:\n${deployments}`;
}

/** A workspace holding `orders.yml`; `remove()` deletes it. @param {string} plan */
export function campaignWorkspace(plan) {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-ws-'));
  writeFileSync(join(dir, 'orders.yml'), plan);
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The inputs of a campaign step. @param {string} url @param {Record<string, string>} [extra] @returns {Record<string, string>} */
export function campaignInputs(url, extra = {}) {
  return {
    command: 'campaign',
    plan: 'orders.yml',
    'github-token': CAMPAIGN_TOKEN,
    'atlas-public-key': ATLAS_KEY.publicKey,
    'atlas-private-key': ATLAS_KEY.privateKey,
    'atlas-base-url': url,
    'allow-insecure-http': 'true',
    ...extra,
  };
}

/** The environment the runner gives it. @param {string} url @param {string} workspace */
export function campaignEnv(url, workspace) {
  return { GITHUB_WORKSPACE: workspace, GITHUB_REPOSITORY: CAMPAIGN_REPO, GITHUB_API_URL: `${url}${GITHUB_PREFIX}` };
}
