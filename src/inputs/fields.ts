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
  const value = read(name) || fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    f.fail(name, `expected an absolute URL such as https://opsmanager.example.com:8443; got ${shown(value)}.`);
    return fallback;
  }
  const expected = 'expected only a scheme, host and optional port, such as https://opsmanager.example.com:8443';
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    f.fail(name, `must use https; got the scheme ${shown(url.protocol)}.`);
  } else if (url.username || url.password) {
    f.fail(name, `must not contain a user name or password (credentials go in the key inputs); ${expected}.`);
  } else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    f.fail(name, `must not contain a query or fragment; ${expected}.`);
  } else if (url.pathname !== '/') {
    f.fail(name, `must not contain a path (got ${shown(url.pathname)}); ${expected}.`);
  } else if (url.protocol === 'http:' && !isLoopback(url.hostname) && !allowInsecureHttp) {
    f.fail(
      name,
      'uses plain http:// to a host that is not loopback: keys and the link token would cross the network unencrypted. ' +
        "Use https://, or set allow-insecure-http: 'true' if you really mean it.",
    );
  } else if (name === 'atlas-base-url' && GOVERNMENT_HOSTS.test(url.hostname)) {
    f.fail(
      name,
      `${url.hostname} is Atlas for Government, which does not offer push live migration from Cloud Manager or Ops Manager ` +
        "(MongoDB's own Atlas CLI refuses link tokens there). Use a commercial Atlas organization at https://cloud.mongodb.com.",
    );
  }
  return url.origin;
}

function isLoopback(hostname: string): boolean {
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
