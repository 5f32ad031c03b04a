import type { InputProblem } from '../errors.js';
import { crypto } from '../lazy-crypto.js';
import { clip } from '../runner/sanitize.js';
import type { InputNote } from '../settings.js';

/** Reads one raw input by its action.yml name, trimmed; '' when unset. */
export type InputReader = (name: string) => string;

/** Collects what is wrong (errors) and what is worth saying (notes) about the inputs. */
export class Findings {
  readonly problems: InputProblem[] = [];
  readonly notes: InputNote[] = [];

  fail(input: string, message: string): void {
    this.problems.push({ input, message });
  }

  note(level: InputNote['level'], message: string, title?: string): void {
    this.notes.push({ level, message, title });
  }

  has(input: string): boolean {
    return this.problems.some((p) => p.input === input);
  }
}

const OBJECT_ID_EXAMPLE = '5f1a2b3c4d5e6f7a8b9c0d1e';

/** 24 hexadecimal digits, either case (read inputs are lower-cased after). */
export const isObjectId = (value: string) => /^[0-9a-fA-F]{24}$/.test(value);

export function looksLikePrivateKey(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** A value fit to print in an error: short printable values only, anything else by its length. */
export function shown(value: string): string {
  if (value === '') return 'an empty value';
  if (value.length <= 16 && /^[\x20-\x7e]+$/.test(value) && !looksLikePrivateKey(value)) return quoted(value);
  return `a value of ${value.length} characters (not shown)`;
}

/** The most characters of a bad value an error echoes; the rest is only counted. */
export const ECHO_MAX = 64;

/** A bad value as an error echoes it, quoted and cut to ECHO_MAX characters: every echo of an input value goes through here. */
export function quoted(value: string): string {
  return `"${clip(value, ECHO_MAX)}"`;
}

export function readBoolean(read: InputReader, name: string, fallback: boolean, f: Findings): boolean {
  const value = read(name).toLowerCase();
  if (value === '') return fallback;
  if (value === 'true' || value === 'false') return value === 'true';
  f.fail(name, `expected true or false; got ${shown(read(name))}.`);
  return fallback;
}

export function readInteger(read: InputReader, name: string, range: { fallback: number; min: number; max: number }, f: Findings): number {
  const value = read(name);
  if (value === '') return range.fallback;
  if (!/^\d+$/.test(value) || Number(value) < range.min || Number(value) > range.max) {
    f.fail(name, `expected a whole number of ${range.min} to ${range.max}; got ${shown(value)}.`);
    return range.fallback;
  }
  return Number(value);
}

/** An organization, project or object id: 24 hexadecimal digits, lower-cased with a notice. */
export function readObjectId(read: InputReader, name: string, what: string, f: Findings): string | undefined {
  const value = read(name);
  if (value === '') return undefined;
  if (!isObjectId(value)) {
    const hint = looksLikePrivateKey(value) ? ' It looks like an API private key: check the workflow and rotate the key.' : '';
    f.fail(name, `expected ${what}: 24 hexadecimal digits such as ${OBJECT_ID_EXAMPLE}; got ${shown(value)}.${hint}`);
    return undefined;
  }
  if (value !== value.toLowerCase()) f.note('notice', `${name}: converted to lower case (${value.toLowerCase()}).`);
  return value.toLowerCase();
}

export function readPublicKey(read: InputReader, name: string, f: Findings): string {
  const value = read(name);
  if (looksLikePrivateKey(value)) {
    f.fail(name, 'looks like a private key (it is masked); the public key is the short key name. Check the workflow and rotate the key.');
  } else if (/[\s:]/.test(value)) {
    f.fail(name, 'must not contain white space or a colon.');
  }
  return value;
}

export function readEnum<T extends string>(read: InputReader, name: string, values: readonly T[], fallback: T, f: Findings): T {
  const value = read(name);
  if (value === '') return fallback;
  const found = values.find((v) => v.toLowerCase() === value.toLowerCase());
  if (!found) f.fail(name, `expected one of ${values.join(', ')}; got ${shown(value)}.`);
  return found ?? fallback;
}

/** Hosts of Atlas for Government, where MongoDB offers no push live migration (its own CLI refuses link tokens there). */
const GOVERNMENT_HOSTS = /(^|\.)mongodbgov\.com$/i;

export function readBaseUrl(read: InputReader, name: string, fallback: string, allowInsecureHttp: boolean, f: Findings): string {
  const url = readServiceUrl(name, read(name) || fallback, { allowInsecureHttp, path: false, carries: MONGODB_SECRETS }, f);
  if (!url) return fallback;
  if (name === 'atlas-base-url' && GOVERNMENT_HOSTS.test(new URL(url).hostname)) {
    f.fail(
      name,
      `${new URL(url).hostname} is Atlas for Government, which does not offer push live migration from Cloud Manager or Ops Manager ` +
        "(MongoDB's own Atlas CLI refuses link tokens there). Use a commercial Atlas organization at https://cloud.mongodb.com.",
    );
  }
  return url;
}

const MONGODB_SECRETS = 'keys and the link token';

export interface ServiceUrlRule {
  /** allow-insecure-http: plain http to any host. */
  allowInsecureHttp: boolean;
  /** Whether the URL may carry a path (GitHub Enterprise Server's `/api/v3`); a base URL of MongoDB's may not. */
  path: boolean;
  /** What would cross the network in clear over plain http, in words: "keys and the link token". */
  carries: string;
  /** A good value, for the messages. */
  example?: string;
  /** How the messages start: '' for an input, "the environment variable " for one the runner sets. */
  subject?: string;
}

/**
 * The one rule for every URL the action talks to (atlas-base-url, source-base-url and the runner's
 * GITHUB_API_URL): an absolute https URL; plain http only to a loopback host (localhost,
 * 127.0.0.0/8, ::1) or with allow-insecure-http; no user name or password, query or fragment; a
 * path only where `rule.path` allows one. Returns the URL as requests are built on it (origin, and
 * the path without a trailing slash), or undefined with a finding of `name`: what is wrong and what
 * would be right, before any request.
 */
export function readServiceUrl(name: string, value: string, rule: ServiceUrlRule, f: Findings): string | undefined {
  const example = rule.example ?? 'https://opsmanager.example.com:8443';
  const subject = rule.subject ?? '';
  const expected = rule.path
    ? `expected a scheme, host, optional port and optional path, such as ${example}`
    : `expected only a scheme, host and optional port, such as ${example}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    f.fail(name, `${subject}${subject ? 'should be' : 'expected'} an absolute URL such as ${example}; got ${shown(value)}.`);
    return undefined;
  }
  const problem =
    url.protocol !== 'https:' && url.protocol !== 'http:'
      ? `must use https; got the scheme ${shown(url.protocol)}; ${expected}.`
      : url.username || url.password
        ? `must not contain a user name or password (credentials go in their own inputs); ${expected}.`
        : url.search || url.hash || value.includes('?') || value.includes('#')
          ? `must not contain a query or fragment; ${expected}.`
          : !rule.path && url.pathname !== '/'
            ? `must not contain a path (got ${shown(url.pathname)}); ${expected}.`
            : url.protocol === 'http:' && !isLoopback(url.hostname) && !rule.allowInsecureHttp
              ? `uses plain http:// to a host that is not loopback (${quoted(url.hostname)}): ${rule.carries} would cross the network unencrypted. ` +
                `Use https:// (such as ${example}); plain http:// is taken only to localhost, 127.0.0.0/8 or ::1, ` +
                "or anywhere with allow-insecure-http: 'true' if you really mean it."
              : undefined;
  if (problem) {
    f.fail(name, `${subject}${problem}`);
    return undefined;
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** A loopback host as the URL parser spells it: localhost, 127.0.0.0/8 (`127.1` reads as 127.0.0.1) or ::1. */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function readCaCertificate(read: InputReader, name: string, f: Findings): string | undefined {
  const pem = read(name);
  if (!pem) return undefined;
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) {
    f.fail(name, 'expected PEM text starting with -----BEGIN CERTIFICATE----- (the CA bundle, not a file path).');
    return undefined;
  }
  for (const block of blocks) {
    try {
      new (crypto().X509Certificate)(block);
    } catch {
      f.fail(name, 'contains a PEM block that is not a valid X.509 certificate.');
      return undefined;
    }
  }
  return blocks.join('\n') + '\n';
}
