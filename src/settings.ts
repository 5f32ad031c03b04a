export type Command = 'link' | 'status' | 'unlink';
export const COMMANDS: readonly Command[] = ['link', 'status', 'unlink'];

/** Atlas programmatic API key (HTTP digest) or service account (OAuth 2 client credentials). */
export type AtlasCredentials =
  { kind: 'api-key'; publicKey: string; privateKey: string } | { kind: 'service-account'; clientId: string; clientSecret: string };

export interface AtlasSettings {
  /** Destination organization; absent only when the command needs nothing from Atlas. */
  orgId?: string;
  /** Origin only, no trailing slash, e.g. `https://cloud.mongodb.com`. */
  baseUrl: string;
  /** Date of the versioned Admin API, e.g. `2023-01-01`. */
  apiVersion: string;
  credentials?: AtlasCredentials;
}

export interface SourceSettings {
  orgId: string;
  /** Origin only, e.g. `https://opsmanager.example.com:8443`. */
  baseUrl: string;
  publicKey: string;
  privateKey: string;
  /** PEM CA bundle trusted in addition to the system CAs, for source calls only. */
  caCertificate?: string;
  isCloudManager: boolean;
}

export interface Settings {
  command: Command;
  atlas: AtlasSettings;
  source: SourceSettings;
  /** Validated, de-duplicated access-list entries for the link token. */
  accessListIps: string[];
  /** A token to use instead of creating one. */
  linkToken?: string;
  force: boolean;
  waitForSyncSeconds: number;
  dryRun: boolean;
  requestTimeoutSeconds: number;
  maxRetries: number;
  allowInsecureHttp: boolean;
}

/** Notices and warnings found while reading inputs, emitted by the caller as annotations. */
export interface InputNote {
  level: 'notice' | 'warning';
  message: string;
}
