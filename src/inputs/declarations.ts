import type { Settings } from '../settings.js';
import type { Findings, InputReader } from './fields.js';

/** How a command uses an input: the README's commands × inputs table says the same. */
export type InputUse = 'required' | 'optional' | 'conditional';

/** What a command's `require` is handed to say what it needs of the inputs read. */
export interface Requirements {
  /** Fails `input` unless `present`; `why` completes "is required …". */
  need(input: string, present: unknown, why: string): void;
  /** Fails unless one Atlas credential kind is given; `why` completes "Atlas credentials are required …". */
  atlasCredentials(why: string): void;
  read: InputReader;
  findings: Findings;
}

/** What a command declares about its inputs; the input reader, action.yml and the README follow it. */
export interface CommandInputs {
  name: string;
  /** One line: what the command does (action.yml's `command` description and the README). */
  description: string;
  /** Its own action.yml's description, when the line above (capitalised) is 125 characters or more: the Marketplace's limit. */
  summary?: string;
  inputs: Record<string, InputUse>;
  /** The outputs it may set (its action.yml declares exactly these; the end-to-end runs check none other is set). */
  outputs: string[];
  /** When each of its `conditional` inputs is required, in words (the README's footnotes). */
  conditions: Record<string, string>;
  /** Checks what the command requires beyond each input's own form. */
  require(settings: Settings, r: Requirements): void;
}

/** Inputs every command reads. */
export const COMMON_INPUTS = ['command', 'dry-run', 'request-timeout', 'max-retries', 'allow-insecure-http'];

/** The defaults, exactly as action.yml declares them (a test compares). */
export const DEFAULTS: Record<string, string> = {
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
  'validation-wait-for': '300',
  'state-branch': 'live-migration-state',
  'github-token': '${{ github.token }}',
};

export const ATLAS_CREDENTIALS = ['atlas-public-key', 'atlas-private-key', 'atlas-client-id', 'atlas-client-secret'];
const all = (names: string[], use: InputUse): Record<string, InputUse> => Object.fromEntries(names.map((n) => [n, use]));

/** The source organization's side, for the link commands. */
export const SOURCE_SIDE: Record<string, InputUse> = {
  ...all(['source-org-id', 'source-public-key', 'source-private-key'], 'required'),
  'source-base-url': 'optional',
  'source-ca-certificate': 'optional',
};

/** The destination project, for the migration commands. */
export const MIGRATION_TARGET: Record<string, InputUse> = {
  ...all(ATLAS_CREDENTIALS, 'conditional'),
  'atlas-base-url': 'optional',
  'atlas-project-id': 'required',
};

/** What a migration moves and how, for validate and a migrate that creates. */
export const MIGRATION_SPEC: Record<string, InputUse> = {
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
  sharding: 'optional',
  'wait-for': 'optional',
  'validation-wait-for': 'optional',
};

/** Atlas credentials come as a pair: an API key (public and private key) or a service account (client id and secret). */
export const ATLAS_KINDS = 'One pair: an API key or a service account.';

const FILLED_IN =
  'Required unless atlas-org-id is given and the projects Atlas lists leave exactly one choice; then it is filled in, and the log says so.';

/** The conditions of MIGRATION_TARGET and MIGRATION_SPEC's conditional inputs. */
export const MIGRATION_CONDITIONS: Record<string, string> = {
  ...Object.fromEntries(ATLAS_CREDENTIALS.map((n) => [n, `${ATLAS_KINDS} Required.`])),
  'source-project-id': FILLED_IN,
  'source-cluster-name': FILLED_IN,
  'migration-host': FILLED_IN,
  'source-username': "Required when source-managed-authentication is 'false'; refused when it is 'true'.",
  'source-password': "Required when source-managed-authentication is 'false'; refused when it is 'true'.",
  'private-link-id': 'Required when destination-network is PRIVATE_LINK; refused otherwise.',
};
