// @ts-check
// Which inputs each command reads, and every input's default: one table for the input helper,
// the README's commands × inputs table (scripts/readme-tables.mjs) and a test against action.yml.
// Plain JavaScript so that the README script runs it with bare Node.

/** @typedef {'link' | 'status' | 'unlink' | 'validate' | 'migrate' | 'migration-status' | 'cutover'} CommandName */
/** @typedef {'required' | 'optional' | 'conditional'} Use */

/** Inputs every command reads. */
export const COMMON_INPUTS = ['command', 'dry-run', 'request-timeout', 'max-retries', 'allow-insecure-http'];

/** The defaults, exactly as action.yml declares them. */
export const DEFAULTS = {
  command: 'link',
  'dry-run': 'false',
  'request-timeout': '30',
  'max-retries': '3',
  'allow-insecure-http': 'false',
  'atlas-base-url': 'https://cloud.mongodb.com',
  'source-base-url': 'https://cloud.mongodb.com',
  'allow-open-access-list': 'false',
  force: 'false',
  'wait-for-sync': '0',
  'source-managed-authentication': 'true',
  'source-ssl': 'true',
  'destination-network': 'PUBLIC',
  'drop-destination-data': 'false',
};

const ATLAS_CREDENTIALS = ['atlas-public-key', 'atlas-private-key', 'atlas-client-id', 'atlas-client-secret'];
const SOURCE = ['source-org-id', 'source-public-key', 'source-private-key'];

/** @param {string[]} names @param {Use} use @returns {Record<string, Use>} */
const all = (names, use) => Object.fromEntries(names.map((n) => [n, use]));

/** @type {Record<string, Use>} */
const sourceSide = { ...all(SOURCE, 'required'), 'source-base-url': 'optional', 'source-ca-certificate': 'optional' };
/** @type {Record<string, Use>} */
const migrationTarget = {
  ...all(ATLAS_CREDENTIALS, 'conditional'),
  'atlas-base-url': 'optional',
  'atlas-project-id': 'required',
};
/** @type {Record<string, Use>} */
const migrationSpec = {
  'atlas-cluster-name': 'required',
  'atlas-org-id': 'optional',
  'source-project-id': 'conditional',
  'source-cluster-name': 'conditional',
  'migration-host': 'conditional',
  'source-managed-authentication': 'optional',
  'source-username': 'conditional',
  'source-password': 'conditional',
  'source-ssl': 'optional',
  'source-ca-certificate-path': 'optional',
  'destination-network': 'optional',
  'private-link-id': 'conditional',
  'drop-destination-data': 'optional',
  'wait-for': 'optional',
};

/** @type {Record<CommandName, Record<string, Use>>} */
export const COMMAND_INPUTS = {
  link: {
    ...sourceSide,
    'atlas-org-id': 'conditional',
    ...all(ATLAS_CREDENTIALS, 'conditional'),
    'atlas-base-url': 'optional',
    'access-list-ips': 'optional',
    'allow-open-access-list': 'optional',
    'link-token': 'optional',
    force: 'optional',
    'wait-for-sync': 'optional',
  },
  status: {
    ...sourceSide,
    'atlas-org-id': 'conditional',
    ...all(ATLAS_CREDENTIALS, 'conditional'),
    'atlas-base-url': 'optional',
    'wait-for-sync': 'optional',
  },
  unlink: { ...sourceSide, 'atlas-org-id': 'conditional', ...all(ATLAS_CREDENTIALS, 'conditional'), 'atlas-base-url': 'optional' },
  validate: { ...migrationTarget, ...migrationSpec },
  migrate: { ...migrationTarget, ...migrationSpec, 'atlas-cluster-name': 'conditional', 'migration-id': 'optional' },
  'migration-status': { ...migrationTarget, 'migration-id': 'required', 'wait-for': 'optional' },
  cutover: { ...migrationTarget, 'migration-id': 'required', 'wait-for': 'optional' },
};

/** When each `conditional` input is required, in words (the README's footnotes). */
export const CONDITIONS = [
  {
    inputs: ['atlas-org-id'],
    text: 'link: required unless link-token is given. status, unlink: required with Atlas credentials (which add the projects and deployments Atlas can migrate, and for unlink the deletion of the Atlas link token).',
  },
  {
    inputs: ATLAS_CREDENTIALS,
    text:
      'One Atlas credential kind: an API key pair (atlas-public-key, atlas-private-key) or a service account (atlas-client-id, atlas-client-secret). ' +
      'link: required unless link-token is given. status, unlink: optional, a whole pair or none. The migration commands: required.',
  },
  {
    inputs: ['atlas-cluster-name'],
    text: 'validate: required. migrate: required unless migration-id is given (then nothing is created: the migration is watched).',
  },
  {
    inputs: ['source-project-id', 'source-cluster-name', 'migration-host'],
    text: 'Required unless atlas-org-id is given and the projects Atlas lists leave exactly one choice; then it is filled in, and the log says so.',
  },
  {
    inputs: ['source-username', 'source-password'],
    text: "Required when source-managed-authentication is 'false'; refused when it is 'true'.",
  },
  { inputs: ['private-link-id'], text: 'Required when destination-network is PRIVATE_LINK; refused otherwise.' },
];
