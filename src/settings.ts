import type { CampaignPlan } from './campaign/plan.js';

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
  migrationId?: string;
  /** `wait-for`; absent means the command's own default. */
  waitForSeconds?: number;
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
