import { InputError } from '../errors.js';
import type { AtlasCredentials, InputNote, Settings, SourceCredentials } from '../settings.js';
import { COMMON_INPUTS, DEFAULTS, type CommandInputs, type Requirements } from './declarations.js';
import {
  Findings,
  isObjectId,
  looksLikePrivateKey,
  readBaseUrl,
  readBoolean,
  readCaCertificate,
  readInteger,
  readObjectId,
  readPublicKey,
  shown,
  type InputReader,
} from './fields.js';
import { readLinkInputs } from './link-inputs.js';
import { readMigrationInputs } from './migration-inputs.js';
import { endpointsFromPlan, planDeploymentInputs, readCampaignInputs } from './campaign-inputs.js';
import { readInboxLabel } from './inbox-inputs.js';
import { looksLikeCredential } from './access-list.js';

export type { InputReader } from './fields.js';

const CLOUD_MANAGER = DEFAULTS['source-base-url'];

/** Inputs whose whole value is a secret. */
const SECRET_INPUTS = ['atlas-private-key', 'atlas-client-secret', 'source-private-key', 'link-token', 'source-password', 'github-token'];

/** Inputs a secret is often pasted into by mistake; masked when their value is not of the expected form. */
const MISTAKE_PRONE_INPUTS: Record<string, (value: string) => boolean> = {
  'atlas-org-id': isObjectId,
  'source-org-id': isObjectId,
  'atlas-project-id': isObjectId,
  'source-project-id': isObjectId,
  'migration-id': isObjectId,
  'atlas-public-key': (v) => !looksLikePrivateKey(v),
  'source-public-key': (v) => !looksLikePrivateKey(v),
  'atlas-client-id': (v) => !looksLikePrivateKey(v) && v.length <= 64,
  'source-username': (v) => !looksLikePrivateKey(v),
};

/**
 * What to mask before anything else runs: whole values, and the link token on its own (the key
 * values inside it are secrets too).
 */
export function secretInputs(read: InputReader): { values: string[]; linkToken?: string } {
  const values = SECRET_INPUTS.map(read);
  for (const [name, isExpected] of Object.entries(MISTAKE_PRONE_INPUTS)) {
    const value = read(name);
    if (value && !isExpected(value)) values.push(value);
  }
  // A key pasted among the addresses: mask each piece of it.
  values.push(
    ...read('access-list-ips')
      .split(/[\s,]+/)
      .filter(looksLikeCredential),
  );
  return { values: values.filter((v) => v.length > 0), linkToken: read('link-token') || undefined };
}

/**
 * Turns raw inputs into validated settings: every input's form, then what the command
 * requires (its own `require`). Throws InputError naming every bad input; never echoes a value
 * that could be a secret.
 */
export function readSettings(read: InputReader, commands: readonly CommandInputs[]): { settings: Settings; notes: InputNote[] } {
  const f = new Findings();
  const command = readCommand(read, commands, f);
  const allowInsecureHttp = readBoolean(read, 'allow-insecure-http', false, f);
  const dryRun = readBoolean(read, 'dry-run', false, f);
  const requestTimeoutSeconds = readInteger(read, 'request-timeout', { fallback: 30, min: 1, max: 600 }, f);
  const maxRetries = readInteger(read, 'max-retries', { fallback: 3, min: 0, max: 10 }, f);

  const atlasCredentials = readAtlasCredentials(read, f);
  const atlas = {
    baseUrl: readBaseUrl(read, 'atlas-base-url', DEFAULTS['atlas-base-url'], allowInsecureHttp, f),
    orgId: readObjectId(read, 'atlas-org-id', 'an Atlas organization id', f),
    projectId: readObjectId(read, 'atlas-project-id', 'an Atlas project id', f),
    credentials: atlasCredentials,
  };
  const source = {
    baseUrl: readBaseUrl(read, 'source-base-url', CLOUD_MANAGER, allowInsecureHttp, f),
    orgId: readObjectId(read, 'source-org-id', 'a Cloud Manager or Ops Manager organization id', f),
    credentials: readSourceCredentials(read, f),
    caCertificate: readCaCertificate(read, 'source-ca-certificate', f),
  };
  const link = readLinkInputs(read, f);
  const migration = readMigrationInputs(read, f);
  const settings: Settings = { command: command?.name ?? '', dryRun, requestTimeoutSeconds, maxRetries, atlas, source, link, migration };
  // The campaign always keeps a state; cutover only when given a plan.
  if (command && 'github-token' in command.inputs && (command.inputs.plan === 'required' || read('plan'))) {
    Object.assign(settings, readCampaignInputs(read, process.env, allowInsecureHttp, f));
    if (settings.campaign && 'inbox-label' in command.inputs) settings.campaign.inboxLabel = readInboxLabel(read, f);
    if (command.inputs.plan === 'required') endpointsFromPlan(settings);
    else planDeploymentInputs(read, settings, f);
  }

  if (command) {
    command.require(settings, requirements(settings, read, f));
    const known = new Set(commands.flatMap((c) => Object.keys(c.inputs)));
    const ignored = [...known].filter((name) => !(name in command.inputs) && !COMMON_INPUTS.includes(name) && isSet(read, name));
    if (ignored.length) f.note('notice', `'${command.name}' does not use ${ignored.map((n) => `'${n}'`).join(', ')}; ignored.`);
  }

  if (f.problems.length) throw new InputError(f.problems);
  return { settings, notes: f.notes };
}

function readCommand(read: InputReader, commands: readonly CommandInputs[], f: Findings): CommandInputs | undefined {
  const text = read('command').toLowerCase() || DEFAULTS.command;
  const command = commands.find((c) => c.name === text);
  if (!command) f.fail('command', `expected one of ${commands.map((c) => c.name).join(', ')}; got ${shown(read('command'))}.`);
  return command;
}

function isSet(read: InputReader, name: string): boolean {
  // The runner fills github-token's default (the job's token) for every command.
  if (name === 'github-token') return false;
  const value = read(name);
  return value !== '' && value !== DEFAULTS[name];
}

function requirements(s: Settings, read: InputReader, f: Findings): Requirements {
  return {
    read,
    findings: f,
    need(input, present, why) {
      if (!present && !f.has(input)) f.fail(input, `is required ${why}.`);
    },
    atlasCredentials(why) {
      if (!s.atlas.credentials && !f.problems.some((p) => p.input.startsWith('atlas-'))) {
        f.fail(
          'atlas-public-key',
          `Atlas credentials are required ${why}: set atlas-public-key and atlas-private-key, or atlas-client-id and atlas-client-secret.`,
        );
      }
    },
  };
}

function readSourceCredentials(read: InputReader, f: Findings): SourceCredentials | undefined {
  const publicKey = readPublicKey(read, 'source-public-key', f);
  const privateKey = read('source-private-key');
  return publicKey && privateKey ? { publicKey, privateKey } : undefined;
}

function readAtlasCredentials(read: InputReader, f: Findings): AtlasCredentials | undefined {
  const publicKey = readPublicKey(read, 'atlas-public-key', f);
  const privateKey = read('atlas-private-key');
  const clientId = read('atlas-client-id');
  const clientSecret = read('atlas-client-secret');
  const hasKey = Boolean(publicKey || privateKey);
  const hasAccount = Boolean(clientId || clientSecret);
  if (hasKey && hasAccount) {
    f.fail(
      'atlas-client-id',
      'give either an API key (atlas-public-key, atlas-private-key) or a service account (atlas-client-id, atlas-client-secret), not both.',
    );
    return undefined;
  }
  if (hasKey) {
    if (!publicKey) f.fail('atlas-public-key', 'is required with atlas-private-key.');
    if (!privateKey) f.fail('atlas-private-key', 'is required with atlas-public-key (pass it from a secret).');
    return publicKey && privateKey ? { kind: 'api-key', publicKey, privateKey } : undefined;
  }
  if (hasAccount) {
    if (!clientId) f.fail('atlas-client-id', 'is required with atlas-client-secret.');
    if (!clientSecret) f.fail('atlas-client-secret', 'is required with atlas-client-id (pass it from a secret).');
    if (clientId && /[\s:]/.test(clientId)) f.fail('atlas-client-id', 'must not contain white space or a colon.');
    return clientId && clientSecret ? { kind: 'service-account', clientId, clientSecret } : undefined;
  }
  return undefined;
}
