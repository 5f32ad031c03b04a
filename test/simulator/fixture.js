// The standard world: one Atlas org, one source org, an API key per side and an Atlas
// service account. Used by the tests, `npm run demo` and `npm run bench`.
import { Simulator } from './simulator.js';

export const ATLAS_ORG_ID = '5f1a2b3c4d5e6f7a8b9c0d1e';
export const SOURCE_ORG_ID = '6a7b8c9d0e1f2a3b4c5d6e7f';
export const ATLAS_KEY = { publicKey: 'atlaspub', privateKey: '8f14e45f-ceea-467a-9af0-3a1b2c3d4e5f' };
export const SOURCE_KEY = { publicKey: 'opsmpub', privateKey: 'c9f0f895-fb98-4b91-9c5b-6d7e8f9a0b1c' };
export const SERVICE_ACCOUNT = { clientId: 'mdb_sa_id_65f0c0ffee', clientSecret: 'mdb_sa_sk_Zr8pQ2vN4xW6yT1uB3cD5eF7gH9jK0lM' };
export const AVAILABLE_PROJECTS = [
  {
    projectId: '65f000000000000000000001',
    name: 'orders',
    deployments: [{ id: 'rs0', name: 'rs0' }],
    migrationHosts: ['mh-1.example.net'],
  },
];

/** @param {ConstructorParameters<typeof Simulator>[0] & { source?: Parameters<Simulator['addSourceOrg']>[1], atlas?: Parameters<Simulator['addAtlasOrg']>[1] }} [options] */
export function standardSimulator(options = {}) {
  const sim = new Simulator(options);
  sim.addAtlasOrg(ATLAS_ORG_ID, { availableProjects: AVAILABLE_PROJECTS, ...options.atlas });
  sim.addSourceOrg(SOURCE_ORG_ID, options.source);
  sim.addApiKey(ATLAS_KEY.publicKey, ATLAS_KEY.privateKey, ATLAS_ORG_ID);
  sim.addApiKey(SOURCE_KEY.publicKey, SOURCE_KEY.privateKey, SOURCE_ORG_ID);
  sim.addServiceAccount(SERVICE_ACCOUNT.clientId, SERVICE_ACCOUNT.clientSecret, ATLAS_ORG_ID);
  return sim;
}

/** The action's inputs as the runner passes them (INPUT_<NAME>), for a digest link. */
export function linkInputs(atlasUrl, sourceUrl, extra = {}) {
  return {
    'atlas-org-id': ATLAS_ORG_ID,
    'atlas-public-key': ATLAS_KEY.publicKey,
    'atlas-private-key': ATLAS_KEY.privateKey,
    'atlas-base-url': atlasUrl,
    'access-list-ips': '203.0.113.7, 198.51.100.0/24',
    'source-org-id': SOURCE_ORG_ID,
    'source-public-key': SOURCE_KEY.publicKey,
    'source-private-key': SOURCE_KEY.privateKey,
    'source-base-url': sourceUrl,
    ...extra,
  };
}

/** The same inputs with the Atlas service account instead of the Atlas API key. */
export function withServiceAccount(inputs, clientSecret = SERVICE_ACCOUNT.clientSecret) {
  const rest = { ...inputs };
  delete rest['atlas-public-key'];
  delete rest['atlas-private-key'];
  return { ...rest, 'atlas-client-id': SERVICE_ACCOUNT.clientId, 'atlas-client-secret': clientSecret };
}

/** INPUT_* variables as the runner sets them: upper case, spaces to underscores, dashes kept. */
export function inputEnv(inputs) {
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}
