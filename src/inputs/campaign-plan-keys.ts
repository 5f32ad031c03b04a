/**
 * The plan's keys, fixed and kebab-case like the inputs. schema/campaign-plan.schema.json lists
 * the same (a test compares them).
 */
export const TOP_LEVEL_KEYS = [
  '$schema',
  'source-org-id',
  'atlas-org-id',
  'atlas-project-id',
  'owners',
  'defaults',
  'deployments',
] as const;

/** What identifies a deployment and where it goes: in each entry, never in `defaults`. */
export const IDENTITY_KEYS = ['source-project-id', 'source-cluster-name', 'atlas-cluster-name'] as const;

/** The migration commands' settings: in an entry, or in `defaults` for every entry. */
export const SETTING_KEYS = [
  'atlas-project-id',
  'migration-host',
  'source-managed-authentication',
  'source-ssl',
  'source-ca-certificate-path',
  'destination-network',
  'private-link-id',
  'drop-destination-data',
  'sharding',
] as const;

/**
 * How a person resumes a stopped campaign, per deployment. A deployment that ended `failed`,
 * `expired` or `unknown` stops the whole campaign (one migration at a time per organization, and
 * nothing is started twice by accident); a person decides, in the plan, by a commit:
 *
 * - `attempt: <n>`: start this deployment again (validate, then a new migration). The state counts
 *   the attempts started; a stopped deployment starts again only when the plan's number is higher
 *   than that count. So a value left in the plan never restarts a later failure on its own: each
 *   restart is one deliberate edit (1 → 2, then 2 → 3).
 * - `migration-id: <id>`: for `unknown` (the create's answer was lost): the migration the person
 *   found in the Atlas UI; the campaign adopts it and watches it. Used only from `unknown`.
 * - `skip: true`: leave this deployment out (pending or stopped; never an active migration, which
 *   would then run unwatched beside the next one).
 *
 * A flag like `resolved: restart` would restart every later failure too while it stays in the plan;
 * a counter cannot.
 */
export const RESOLUTION_KEYS = ['attempt', 'migration-id', 'skip'] as const;

export const DEPLOYMENT_KEYS = [...IDENTITY_KEYS, ...SETTING_KEYS, ...RESOLUTION_KEYS] as const;
export const DEFAULTS_KEYS = SETTING_KEYS;

/** The `sharding` object's own keys, MongoDB's names (camelCase, passed through to the request). */
export const SHARDING_KEYS = ['createSupportingIndexes', 'shardingEntries'] as const;

export type PlanKey = (typeof TOP_LEVEL_KEYS)[number] | (typeof DEPLOYMENT_KEYS)[number];

export type Kind = 'object-id' | 'text' | 'boolean' | 'object' | 'list' | 'attempt' | 'owners';

/** The YAML type each key takes; the form of its value is the input's (src/inputs/migration-inputs.ts). */
export const KIND_OF: Record<PlanKey, Kind> = {
  $schema: 'text',
  'source-org-id': 'object-id',
  'atlas-org-id': 'object-id',
  'atlas-project-id': 'object-id',
  owners: 'owners',
  defaults: 'object',
  deployments: 'list',
  'source-project-id': 'object-id',
  'source-cluster-name': 'text',
  'atlas-cluster-name': 'text',
  'migration-host': 'text',
  'source-managed-authentication': 'boolean',
  'source-ssl': 'boolean',
  'source-ca-certificate-path': 'text',
  'destination-network': 'text',
  'private-link-id': 'object-id',
  'drop-destination-data': 'boolean',
  sharding: 'object',
  attempt: 'attempt',
  'migration-id': 'object-id',
  skip: 'boolean',
};

export const MAX_ATTEMPT = 100;
export const MAX_OWNERS = 20;
/** A GitHub user (`@octocat`) or team (`@octo-org/dba`), as the inbox issue mentions them; the `@` is optional. */
export const OWNER = /^@?(?:[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?:\/[A-Za-z0-9][A-Za-z0-9_.-]{0,99})?$/;
export const MAX_DEPLOYMENTS = 500;

/** Keys that name a secret: keys and passwords stay inputs from secrets, never in the repository. */
export const SECRET_KEY = /password|passphrase|passwd|private[-_ ]?key|secret|token|api[-_ ]?key|credential|^pwd$/i;
