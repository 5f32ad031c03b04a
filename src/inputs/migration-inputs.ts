import { readSharding } from './sharding-input.js';
import type { DestinationNetwork, MigrationSettings } from '../settings.js';
import { readBoolean, readEnum, readInteger, readObjectId, shown, type Findings, type InputReader } from './fields.js';
import { HOST_NAME_RULE, hostNameProblem } from './host-name.js';

const NETWORKS: readonly DestinationNetwork[] = ['PUBLIC', 'PRIVATE_LINK', 'VPC_PEERING'];
/** Atlas cluster names: ASCII letters, digits and hyphens (MongoDB's pattern), at most 64. */
const ATLAS_CLUSTER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
/**
 * MongoDB's specification says only "a string, at least one character" for a source deployment
 * name (its own example is "Project X sharded cluster") and a private endpoint id. Spaces and any
 * printable character pass; control characters (a line break, a NUL) cannot be part of a name and
 * are refused. The output boundary neutralises what is shown. (A migration host, also a string
 * there, is held to a host name: see readMigrationHost.)
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
export const MONGODB_STRING = /^[^\u0000-\u001f\u007f-\u009f]{1,512}$/;

/** Under a GitHub-hosted job's 6 hours, with room for the validation, the requests and the report. */
export const MAX_WAIT_FOR_SECONDS = 21_000;
const MAX_VALIDATION_WAIT_FOR_SECONDS = 3600;
const VALIDATION_WAIT_FOR_DEFAULT = 300;

/** wait-for, capped so that a hosted job can hold the wait; the error says how to watch longer. */
function readWaitFor(read: InputReader, f: Findings): number | undefined {
  const value = read('wait-for');
  if (value === '') return undefined;
  if (/^\d+$/.test(value) && Number(value) > MAX_WAIT_FOR_SECONDS) {
    f.fail(
      'wait-for',
      `expected at most ${MAX_WAIT_FOR_SECONDS} seconds; got ${shown(value)}. A GitHub-hosted job ends after 6 hours: to watch longer, ` +
        're-run the migration-status action with migration-id on a schedule (or use a campaign), each run waiting up to 21000 s.',
    );
    return undefined;
  }
  return readInteger(read, 'wait-for', { fallback: 0, min: 0, max: MAX_WAIT_FOR_SECONDS }, f);
}

/**
 * migration-host: one host name (or IPv4 address), refused before any request when it is not one:
 * `mh1.example.com,mh2.example.com` is not a host MongoDB could reach. A host Atlas lists is taken
 * as listed (filled in when the project has one); only what is typed here is held to the rule.
 */
function readMigrationHost(read: InputReader, f: Findings): string | undefined {
  const value = read('migration-host');
  if (value === '') return undefined;
  const problem = hostNameProblem(value);
  if (problem) {
    f.fail('migration-host', `expected ${HOST_NAME_RULE}; got ${shown(value)}: ${problem}.`);
  }
  return value;
}

/** Reads and checks every migration input's form; which are required is the command's business (see input-helper). */
export function readMigrationInputs(read: InputReader, f: Findings): MigrationSettings {
  const text = (name: string, pattern: RegExp, expected: string): string | undefined => {
    const value = read(name);
    if (value === '') return undefined;
    if (!pattern.test(value)) f.fail(name, `expected ${expected}; got ${shown(value)}.`);
    return value;
  };
  return {
    clusterName: text('atlas-cluster-name', ATLAS_CLUSTER, 'an Atlas cluster name (letters, digits and hyphens, at most 64)'),
    sourceProjectId: readObjectId(read, 'source-project-id', 'a Cloud Manager or Ops Manager project id', f),
    sourceClusterName: text('source-cluster-name', MONGODB_STRING, 'the name of a deployment in that project, without control characters'),
    migrationHost: readMigrationHost(read, f),
    managedAuthentication: readBoolean(read, 'source-managed-authentication', true, f),
    username: read('source-username') || undefined,
    password: read('source-password') || undefined,
    ssl: readBoolean(read, 'source-ssl', true, f),
    caCertificatePath: text(
      'source-ca-certificate-path',
      /^\/[\x20-\x7e]{0,1023}$/,
      'an absolute path on the migration host, such as /etc/ssl/ca.pem',
    ),
    network: readEnum(read, 'destination-network', NETWORKS, 'PUBLIC', f),
    privateLinkId: text('private-link-id', MONGODB_STRING, 'the id of an Atlas private endpoint'),
    dropDestinationData: readBoolean(read, 'drop-destination-data', false, f),
    sharding: readSharding(read, f),
    migrationId: readObjectId(read, 'migration-id', 'a live migration id (the migration-id output of migrate)', f),
    waitForSeconds: readWaitFor(read, f),
    validationWaitForSeconds: readInteger(
      read,
      'validation-wait-for',
      { fallback: VALIDATION_WAIT_FOR_DEFAULT, min: 1, max: MAX_VALIDATION_WAIT_FOR_SECONDS },
      f,
    ),
  };
}

/** The combinations MongoDB refuses, checked before any call (for validate and a migrate that creates). */
export function checkMigrationSpec(m: MigrationSettings, f: Findings): void {
  if (m.managedAuthentication && (m.username || m.password)) {
    f.fail(
      m.username ? 'source-username' : 'source-password',
      "is set, but source-managed-authentication is 'true' (the default), where the migration host logs in on its own. " +
        "Set source-managed-authentication: 'false' to log in with source-username and source-password.",
    );
  }
  if (!m.managedAuthentication) {
    if (!m.username) f.fail('source-username', "is required when source-managed-authentication is 'false'.");
    if (!m.password) f.fail('source-password', "is required when source-managed-authentication is 'false' (pass it from a secret).");
  }
  if (m.network === 'PRIVATE_LINK' && !m.privateLinkId) f.fail('private-link-id', 'is required when destination-network is PRIVATE_LINK.');
  if (m.network !== 'PRIVATE_LINK' && m.privateLinkId)
    f.fail('private-link-id', `is only used with destination-network: PRIVATE_LINK (it is ${m.network}).`);
  if (m.caCertificatePath && !m.ssl)
    f.fail('source-ca-certificate-path', "needs source-ssl: 'true' (a CA certificate is only used over TLS).");
}
