import * as core from '@actions/core';
import { X509Certificate } from 'node:crypto';
import { parseAccessList } from './access-list.js';
import { InputError, type InputProblem } from './errors.js';
import { COMMANDS, type AtlasCredentials, type Command, type InputNote, type Settings } from './settings.js';

/** Reads one raw input by its action.yml name; '' when unset. */
export type InputReader = (name: string) => string;

/** The runner's inputs (INPUT_<NAME> variables). */
export const actionInputs: InputReader = (name) => core.getInput(name);

export const DEFAULT_BASE_URL = 'https://cloud.mongodb.com';
export const DEFAULT_API_VERSION = '2023-01-01';

/** Inputs whose whole value is a secret. */
const SECRET_INPUTS = ['atlas-private-key', 'atlas-client-secret', 'source-private-key', 'link-token'] as const;

/** Inputs a secret is often pasted into by mistake; masked when their value is not of the expected form. */
const MISTAKE_PRONE_INPUTS: Record<string, (value: string) => boolean> = {
  'atlas-org-id': (v) => isOrgId(v),
  'source-org-id': (v) => isOrgId(v),
  'atlas-public-key': (v) => !looksLikePrivateKey(v),
  'source-public-key': (v) => !looksLikePrivateKey(v),
  'atlas-client-id': (v) => !looksLikePrivateKey(v) && v.length <= 64,
};

/** Values to hand to `core.setSecret` before anything else runs. */
export function secretValues(read: InputReader): string[] {
  const values: string[] = [];
  for (const name of SECRET_INPUTS) values.push(read(name).trim());
  for (const [name, isExpected] of Object.entries(MISTAKE_PRONE_INPUTS)) {
    const value = read(name).trim();
    if (value && !isExpected(value)) values.push(value);
  }
  return values.filter((v) => v.length > 0);
}

/**
 * Turns raw inputs into validated settings. Throws InputError naming every bad input;
 * never echoes a value that could be a secret.
 */
export function readSettings(read: InputReader): { settings: Settings; notes: InputNote[] } {
  const problems: InputProblem[] = [];
  const notes: InputNote[] = [];
  const get = (name: string) => read(name).trim();
  const fail = (input: string, message: string) => {
    problems.push({ input, message });
  };

  const commandText = get('command').toLowerCase() || 'link';
  const command = (COMMANDS as readonly string[]).includes(commandText) ? (commandText as Command) : 'link';
  if (command !== commandText) {
    fail('command', `expected one of ${COMMANDS.join(', ')}; got ${shown(get('command'))}.`);
  }

  const allowInsecureHttp = readBoolean(get, 'allow-insecure-http', false, fail);
  const force = readBoolean(get, 'force', false, fail);
  const dryRun = readBoolean(get, 'dry-run', false, fail);
  const waitForSyncSeconds = readInteger(get, 'wait-for-sync', 0, 0, 3600, fail);
  const requestTimeoutSeconds = readInteger(get, 'request-timeout', 30, 1, 600, fail);
  const maxRetries = readInteger(get, 'max-retries', 3, 0, 10, fail);

  const linkToken = get('link-token') || undefined;
  if (linkToken && /\s/.test(linkToken)) fail('link-token', 'must not contain white space (it is masked, so not shown).');

  // Source side: every command needs it.
  const sourceOrgId = readOrgId(get, 'source-org-id', true, fail, notes);
  const sourceBaseUrl = readBaseUrl(get, 'source-base-url', allowInsecureHttp, fail);
  const sourcePublicKey = readPublicKey(get, 'source-public-key', fail);
  const sourcePrivateKey = get('source-private-key');
  if (!sourcePublicKey && !problems.some((p) => p.input === 'source-public-key')) {
    fail('source-public-key', 'is required: the public key of a Cloud Manager / Ops Manager API key with the Organization Owner role.');
  }
  if (!sourcePrivateKey) {
    fail('source-private-key', 'is required: the private key that goes with source-public-key (pass it from a secret).');
  }
  const caCertificate = readCaCertificate(get, fail);

  // Atlas side.
  const atlasNeeded = command === 'link' && !linkToken;
  const credentials = readAtlasCredentials(get, fail);
  const atlasOrgId = readOrgId(get, 'atlas-org-id', atlasNeeded || credentials !== undefined, fail, notes);
  if (atlasNeeded && !credentials && !problems.some((p) => p.input.startsWith('atlas-'))) {
    fail(
      'atlas-public-key',
      'Atlas credentials are required to create a link token: set atlas-public-key and atlas-private-key, ' +
        'or atlas-client-id and atlas-client-secret, or pass an existing token in link-token.',
    );
  }
  const atlasBaseUrl = readBaseUrl(get, 'atlas-base-url', allowInsecureHttp, fail);
  const apiVersion = get('atlas-api-version') || DEFAULT_API_VERSION;
  if (!isIsoDate(apiVersion)) {
    fail('atlas-api-version', `expected a versioned-API date such as ${DEFAULT_API_VERSION}; got ${shown(apiVersion)}.`);
  }

  const access = parseAccessList(read('access-list-ips'));
  for (const entry of access.invalid) {
    fail(
      'access-list-ips',
      `${shown(entry)} is not an IPv4/IPv6 address or CIDR block (e.g. 203.0.113.7, 198.51.100.0/24, 2001:db8::/32); separate entries with commas, spaces or new lines.`,
    );
  }
  if (access.duplicates.length) {
    notes.push({ level: 'notice', message: `access-list-ips: removed duplicate entries ${access.duplicates.join(', ')}.` });
  }
  for (const entry of access.hostBitsSet) {
    notes.push({
      level: 'warning',
      message: `access-list-ips: ${entry} has host bits set; Atlas will treat it as the whole block. Did you mean a network address?`,
    });
  }
  const isCloudManager = sourceBaseUrl === DEFAULT_BASE_URL;
  if (atlasNeeded && access.entries.length === 0 && !isCloudManager) {
    notes.push({
      level: 'warning',
      message:
        'access-list-ips is empty but the source is not Cloud Manager: Ops Manager reaches Atlas with the API key inside the ' +
        'link token, and Atlas only accepts it from the addresses on that list. Add the public IPs of your Ops Manager host(s).',
    });
  }

  if (problems.length) throw new InputError(problems);
  return {
    settings: {
      command,
      atlas: { orgId: atlasOrgId, baseUrl: atlasBaseUrl, apiVersion, credentials },
      source: {
        orgId: sourceOrgId as string,
        baseUrl: sourceBaseUrl,
        publicKey: sourcePublicKey,
        privateKey: sourcePrivateKey,
        caCertificate,
        isCloudManager,
      },
      accessListIps: access.entries,
      linkToken,
      force,
      waitForSyncSeconds,
      dryRun,
      requestTimeoutSeconds,
      maxRetries,
      allowInsecureHttp,
    },
    notes,
  };
}

type Get = (name: string) => string;
type Fail = (input: string, message: string) => void;

/** A value fit to print in an error: short printable values only, anything else by its length. */
function shown(value: string): string {
  if (value === '') return 'an empty value';
  if (value.length <= 16 && /^[\x20-\x7e]+$/.test(value) && !looksLikePrivateKey(value)) return `"${value}"`;
  return `a value of ${value.length} characters (not shown)`;
}

function isOrgId(value: string): boolean {
  return /^[0-9a-fA-F]{24}$/.test(value);
}

function looksLikePrivateKey(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

function readBoolean(get: Get, name: string, fallback: boolean, fail: Fail): boolean {
  const value = get(name).toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  fail(name, `expected true or false; got ${shown(get(name))}.`);
  return fallback;
}

function readInteger(get: Get, name: string, fallback: number, min: number, max: number, fail: Fail): number {
  const value = get(name);
  if (value === '') return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(name, `expected a whole number of ${min} to ${max}; got ${shown(value)}.`);
    return fallback;
  }
  return Number(value);
}

function readOrgId(get: Get, name: string, required: boolean, fail: Fail, notes: InputNote[]): string | undefined {
  const value = get(name);
  if (value === '') {
    if (required) fail(name, 'is required: the organization id, 24 hexadecimal digits (Organization Settings in the UI).');
    return undefined;
  }
  if (!isOrgId(value)) {
    const hint = looksLikePrivateKey(value) ? ' It looks like an API private key: check the workflow and rotate the key.' : '';
    fail(name, `expected 24 hexadecimal digits such as 5f1a2b3c4d5e6f7a8b9c0d1e; got ${shown(value)}.${hint}`);
    return undefined;
  }
  if (value !== value.toLowerCase()) {
    notes.push({ level: 'notice', message: `${name}: converted to lower case (${value.toLowerCase()}).` });
  }
  return value.toLowerCase();
}

function readPublicKey(get: Get, name: string, fail: Fail): string {
  const value = get(name);
  if (looksLikePrivateKey(value)) {
    fail(name, 'looks like a private key (it is masked); the public key is the short key name. Check the workflow and rotate the key.');
  } else if (/[\s:]/.test(value)) {
    fail(name, 'must not contain white space or a colon.');
  }
  return value;
}

function readAtlasCredentials(get: Get, fail: Fail): AtlasCredentials | undefined {
  const publicKey = readPublicKey(get, 'atlas-public-key', fail);
  const privateKey = get('atlas-private-key');
  const clientId = get('atlas-client-id');
  const clientSecret = get('atlas-client-secret');
  const hasKey = Boolean(publicKey || privateKey);
  const hasAccount = Boolean(clientId || clientSecret);
  if (hasKey && hasAccount) {
    fail(
      'atlas-client-id',
      'give either an API key (atlas-public-key, atlas-private-key) or a service account (atlas-client-id, atlas-client-secret), not both.',
    );
    return undefined;
  }
  if (hasKey) {
    if (!publicKey) fail('atlas-public-key', 'is required with atlas-private-key.');
    if (!privateKey) fail('atlas-private-key', 'is required with atlas-public-key (pass it from a secret).');
    return { kind: 'api-key', publicKey, privateKey };
  }
  if (hasAccount) {
    if (!clientId) fail('atlas-client-id', 'is required with atlas-client-secret.');
    if (!clientSecret) fail('atlas-client-secret', 'is required with atlas-client-id (pass it from a secret).');
    if (clientId && /[\s:]/.test(clientId)) fail('atlas-client-id', 'must not contain white space or a colon.');
    return { kind: 'service-account', clientId, clientSecret };
  }
  return undefined;
}

function readBaseUrl(get: Get, name: string, allowInsecureHttp: boolean, fail: Fail): string {
  const value = get(name) || DEFAULT_BASE_URL;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    fail(name, `expected an absolute URL such as https://opsmanager.example.com:8443; got ${shown(value)}.`);
    return DEFAULT_BASE_URL;
  }
  const expected = 'expected only a scheme, host and optional port, such as https://opsmanager.example.com:8443';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(name, `must use https; got the scheme ${shown(url.protocol)}.`);
  } else if (url.username || url.password) {
    fail(name, `must not contain a user name or password (credentials go in the key inputs); ${expected}.`);
  } else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    fail(name, `must not contain a query or fragment; ${expected}.`);
  } else if (url.pathname !== '/') {
    fail(name, `must not contain a path (got ${shown(url.pathname)}); ${expected}.`);
  } else if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecureHttp) {
    fail(
      name,
      'uses plain http:// to a host that is not loopback: keys and the link token would cross the network unencrypted. ' +
        "Use https://, or set allow-insecure-http: 'true' if you really mean it.",
    );
  }
  return url.origin;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function readCaCertificate(get: Get, fail: Fail): string | undefined {
  const pem = get('source-ca-certificate');
  if (!pem) return undefined;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    fail('source-ca-certificate', 'expected PEM text starting with -----BEGIN CERTIFICATE----- (the CA bundle, not a file path).');
    return undefined;
  }
  for (const block of blocks) {
    try {
      new X509Certificate(block);
    } catch {
      fail('source-ca-certificate', 'contains a PEM block that is not a valid X.509 certificate.');
      return undefined;
    }
  }
  return blocks.join('\n') + '\n';
}
