/** Atlas programmatic API key (HTTP digest) or service account (OAuth 2 client credentials). */
export type AtlasCredentials =
  { kind: 'api-key'; publicKey: string; privateKey: string } | { kind: 'service-account'; clientId: string; clientSecret: string };

export interface SourceCredentials {
  publicKey: string;
  privateKey: string;
}

export interface AtlasSettings {
  /** Origin only, no trailing slash, e.g. `https://cloud.mongodb.com`. */
  baseUrl: string;
  /** Destination organization. */
  orgId?: string;
  /** Destination project (group), for the migration commands. */
  projectId?: string;
  credentials?: AtlasCredentials;
}

export interface SourceSettings {
  /** Origin only, e.g. `https://opsmanager.example.com:8443`. */
  baseUrl: string;
  orgId?: string;
  credentials?: SourceCredentials;
  /** PEM CA bundle trusted in addition to the system CAs, for source calls only. */
  caCertificate?: string;
}

export interface LinkSettings {
  /** Canonical, de-duplicated access-list entries for the link token. */
  accessListIps: string[];
  /** A token to use instead of creating one. */
  linkToken?: string;
  force: boolean;
  waitForSyncSeconds: number;
}

export type DestinationNetwork = 'PUBLIC' | 'PRIVATE_LINK' | 'VPC_PEERING';

/** MongoDB's ShardingRequest, for a replica set migrated into a sharded cluster (checked by the sharding input's reader). */
export interface Sharding {
  createSupportingIndexes: boolean;
  shardingEntries: Array<{ database: string; collection: string; shardCollection: { key: Array<Record<string, 1 | 'hashed'>> } }>;
}

export interface MigrationSettings {
  /** Destination cluster in the Atlas project. */
  clusterName?: string;
  /** Source Cloud/Ops Manager project and deployment, and the migration host; may be filled from the available projects. */
  sourceProjectId?: string;
  sourceClusterName?: string;
  migrationHost?: string;
  managedAuthentication: boolean;
  username?: string;
  password?: string;
  ssl: boolean;
  /** A path on the migration host, not on the runner. */
  caCertificatePath?: string;
  network: DestinationNetwork;
  privateLinkId?: string;
  dropDestinationData: boolean;
  /** Sent as is in the validate and create bodies. */
  sharding?: Sharding;
  migrationId?: string;
  /** `wait-for`; absent means the command's own default. */
  waitForSeconds?: number;
  /** `validation-wait-for`: how long validate and migrate await the validation's result. */
  validationWaitForSeconds?: number;
}

/** The workflow's own repository, where a campaign keeps its state (REST API at GITHUB_API_URL). */
export interface GitHubSettings {
  /** GITHUB_API_URL, no trailing slash; on GitHub Enterprise Server it has a path (`https://ghe.example.com/api/v3`). */
  apiUrl: string;
  owner: string;
  repo: string;
  token: string;
}

/** The campaign's own inputs (the plan is read by the command, from the workspace). */
export interface CampaignSettings {
  /** The plan's path, relative to the workspace. */
  planPath: string;
  /** GITHUB_WORKSPACE. */
  workspace: string;
  stateBranch: string;
  /** A workflow file name, dispatched once per migration when it turns ready. */
  cutoverWorkflow?: string;
  /** The plan, read and checked with the inputs (absent when it is bad: the inputs are refused). */
  plan?: CampaignPlan;
  /** cutover's `deployment`: `<source-project-id>/<source-cluster-name>`, a deployment of the plan. */
  deployment?: string;
  /** The campaign's inbox: the label of the one issue it keeps for a person (off when absent). */
  inboxLabel?: string;
}

export interface Settings {
  /** The command's name, as declared by its file in src/commands/. */
  command: string;
  dryRun: boolean;
  requestTimeoutSeconds: number;
  maxRetries: number;
  atlas: AtlasSettings;
  source: SourceSettings;
  link: LinkSettings;
  migration: MigrationSettings;
  /** Only for the campaign. */
  github?: GitHubSettings;
  campaign?: CampaignSettings;
}

/** Notices and warnings found while reading inputs, emitted by the caller as annotations. */
export interface InputNote {
  level: 'notice' | 'warning';
  message: string;
  title?: string;
}

/** A campaign's plan, as read and checked from its file (src/inputs/campaign-plan.ts). */
export interface DeploymentPlan {
  /** `<source-project-id>/<source-cluster-name>`: the deployment's name in the state and the outputs. */
  id: string;
  /** Its place in `deployments`, from 0: the campaign goes in this order. */
  index: number;
  sourceProjectId: string;
  sourceClusterName: string;
  atlasClusterName: string;
  /** From the entry, else `defaults`, else the plan's own. */
  atlasProjectId: string;
  migrationHost?: string;
  managedAuthentication: boolean;
  ssl: boolean;
  caCertificatePath?: string;
  network: DestinationNetwork;
  privateLinkId?: string;
  dropDestinationData: boolean;
  sharding?: Record<string, unknown>;
  /** How many attempts the plan allows (see RESOLUTION_KEYS): 1 unless a person raised it. */
  attempt: number;
  /** A migration a person found in Atlas after a lost create answer. */
  adoptMigrationId?: string;
  skip: boolean;
}

export interface CampaignPlan {
  file: string;
  /** The state's `<name>.json`, the dashboard's `<name>.md`. */
  name: string;
  sourceOrgId: string;
  atlasOrgId: string;
  /** GitHub users and teams (`@user`, `@org/team`) the inbox issue mentions. */
  owners: string[];
  deployments: DeploymentPlan[];
}
