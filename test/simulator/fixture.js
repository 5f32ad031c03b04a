// @ts-check
// The standard world and the action's inputs for it: the ONE place fixture values live. Used by
// the tests, `npm run demo`, `npm run bench` and `npm run simulator`.
//   Atlas org ATLAS_ORG_ID: API key ATLAS_KEY, service account SERVICE_ACCOUNT, destination
//     project ATLAS_PROJECT_ID with cluster ATLAS_CLUSTER_NAME; its available projects (once a
//     source org is linked) are AVAILABLE_PROJECTS, i.e. SOURCE_PROJECT.
//   Source org SOURCE_ORG_ID: API key SOURCE_KEY, no link yet.
import { Simulator } from './index.js';

export const ATLAS_ORG_ID = '5f1a2b3c4d5e6f7a8b9c0d1e';
export const SOURCE_ORG_ID = '6a7b8c9d0e1f2a3b4c5d6e7f';
export const ATLAS_KEY = { publicKey: 'atlaspub', privateKey: '8f14e45f-ceea-467a-9af0-3a1b2c3d4e5f' };
export const SOURCE_KEY = { publicKey: 'opsmpub', privateKey: 'c9f0f895-fb98-4b91-9c5b-6d7e8f9a0b1c' };
export const SERVICE_ACCOUNT = { clientId: 'mdb_sa_id_65f0c0ffee', clientSecret: 'mdb_sa_sk_Zr8pQ2vN4xW6yT1uB3cD5eF7gH9jK0lM' };
export const ATLAS_PROJECT_ID = '66a0b1c2d3e4f5a6b7c8d9e0';
export const ATLAS_CLUSTER_NAME = 'target-cluster';
/** The source Cloud/Ops Manager project: one replica set, one migration host. */
export const SOURCE_PROJECT = Object.freeze({
  id: '65f000000000000000000001',
  name: 'orders',
  clusterName: 'rs0',
  migrationHost: 'mh-1.example.net',
});
export const AVAILABLE_PROJECTS = Object.freeze([
  {
    name: SOURCE_PROJECT.name,
    projectId: SOURCE_PROJECT.id,
    deployments: [
      {
        name: SOURCE_PROJECT.clusterName,
        mongoDBVersion: '7.0.14',
        featureCompatibilityVersion: '7.0',
        managed: true,
        sharded: false,
        tlsEnabled: true,
        clusterId: '65f0000000000000000000c1',
        dbSizeBytes: 12_884_901_888,
        oplogSizeMB: 990,
        agentVersion: '13.22.0.9175-1',
      },
    ],
    migrationHosts: [SOURCE_PROJECT.migrationHost],
  },
]);

/**
 * @param {import('./index.js').SimulatorOptions & { atlas?: import('./index.js').AtlasOrgOptions, source?: import('./index.js').SourceOrgOptions,
 *   plan?: Partial<import('./index.js').MigrationPlan> }} [options]
 */
export function standardSimulator(options = {}) {
  const sim = new Simulator(options);
  addStandardOrgs(sim, options);
  sim.addApiKey(ATLAS_KEY.publicKey, ATLAS_KEY.privateKey, ATLAS_ORG_ID);
  sim.addApiKey(SOURCE_KEY.publicKey, SOURCE_KEY.privateKey, SOURCE_ORG_ID);
  sim.addServiceAccount(SERVICE_ACCOUNT.clientId, SERVICE_ACCOUNT.clientSecret, ATLAS_ORG_ID);
  sim.addAtlasProject(ATLAS_PROJECT_ID, { orgId: ATLAS_ORG_ID, name: 'migration-target', clusters: [ATLAS_CLUSTER_NAME] });
  if (options.plan) sim.migrationPlan(options.plan);
  return sim;
}

/**
 * The two organizations as they start: no link, the standard projects. Adding an organization
 * again replaces it, with its link and tokens.
 * @param {Simulator} sim @param {{ atlas?: import('./index.js').AtlasOrgOptions, source?: import('./index.js').SourceOrgOptions }} [options]
 */
function addStandardOrgs(sim, options = {}) {
  sim.addAtlasOrg(ATLAS_ORG_ID, {
    name: 'Atlas destination',
    availableProjects: structuredClone([...AVAILABLE_PROJECTS]),
    ...options.atlas,
  });
  sim.addSourceOrg(SOURCE_ORG_ID, { name: 'Ops Manager source', ...options.source });
}

/** The standard world again on a simulator shared by several tests: no link, the standard projects, no faults queued, no requests recorded. @param {Simulator} sim */
export function resetStandardWorld(sim) {
  addStandardOrgs(sim);
  sim.clearScripts();
  sim.clearRequests();
}

/** @typedef {Record<string, string>} Inputs */

/** The Atlas inputs (API key), for any command. @param {string} atlasUrl @returns {Inputs} */
function atlasInputs(atlasUrl) {
  return {
    'atlas-org-id': ATLAS_ORG_ID,
    'atlas-public-key': ATLAS_KEY.publicKey,
    'atlas-private-key': ATLAS_KEY.privateKey,
    'atlas-base-url': atlasUrl,
  };
}

/** The source inputs alone (no `command`: add it in `extra`). @param {string} sourceUrl @param {Inputs} [extra] @returns {Inputs} */
export function sourceInputs(sourceUrl, extra = {}) {
  return {
    'source-org-id': SOURCE_ORG_ID,
    'source-public-key': SOURCE_KEY.publicKey,
    'source-private-key': SOURCE_KEY.privateKey,
    'source-base-url': sourceUrl,
    ...extra,
  };
}

/** The action's inputs for a digest link. @param {string} atlasUrl @param {string} sourceUrl @param {Inputs} [extra] @returns {Inputs} */
export function linkInputs(atlasUrl, sourceUrl, extra = {}) {
  return { ...atlasInputs(atlasUrl), 'access-list-ips': '203.0.113.7, 198.51.100.0/24', ...sourceInputs(sourceUrl, extra) };
}

/** The Atlas inputs plus what a migration needs (no `command`: add it in `extra`). @param {string} atlasUrl @param {Inputs} [extra] @returns {Inputs} */
export function migrationInputs(atlasUrl, extra = {}) {
  return {
    ...atlasInputs(atlasUrl),
    'atlas-project-id': ATLAS_PROJECT_ID,
    'atlas-cluster-name': ATLAS_CLUSTER_NAME,
    'source-project-id': SOURCE_PROJECT.id,
    'source-cluster-name': SOURCE_PROJECT.clusterName,
    'migration-host': SOURCE_PROJECT.migrationHost,
    ...extra,
  };
}

/** The same inputs with the Atlas service account instead of the Atlas API key. @param {Inputs} inputs @param {string} [clientSecret] @returns {Inputs} */
export function withServiceAccount(inputs, clientSecret = SERVICE_ACCOUNT.clientSecret) {
  const rest = { ...inputs };
  delete rest['atlas-public-key'];
  delete rest['atlas-private-key'];
  return { ...rest, 'atlas-client-id': SERVICE_ACCOUNT.clientId, 'atlas-client-secret': clientSecret };
}

/** INPUT_* variables as the runner sets them: upper case, spaces to underscores, dashes kept. @param {Record<string, string>} inputs */
export function inputEnv(inputs) {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}
