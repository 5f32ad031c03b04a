import { ConfigError } from '../errors.js';

export interface ProxySettings {
  url: URL;
  /** The environment variable it came from, for messages. */
  variable: string;
  /** `Basic …` when the proxy URL holds credentials. */
  authorization?: string;
  /** Values to mask: the password, and the credentials in their encoded forms. */
  secrets: string[];
}

/**
 * The proxy for `target` from HTTPS_PROXY / HTTP_PROXY (either case), or none when NO_PROXY or
 * loopback says to go direct. Credentials in the proxy URL must be valid percent-encoding; they
 * are never printed.
 */
export function proxyFor(target: URL, env: Record<string, string | undefined>): ProxySettings | undefined {
  if (bypassesProxy(target, env)) return undefined;
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const variable = names.find((n) => env[n]);
  if (!variable) return undefined;
  const raw = env[variable] as string;
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`);
  } catch {
    throw new ConfigError(
      `${variable} is not a valid proxy URL (expected http://host:port or http://user:password@host:port; the value is not shown).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${variable} must be an http:// or https:// proxy URL; got the scheme ${url.protocol.slice(0, 16)}`);
  }
  if (!url.username && !url.password) return { url, variable, secrets: [] };
  const user = decode(url.username);
  const password = decode(url.password);
  if (user === undefined || password === undefined) {
    throw new ConfigError(
      `${variable} holds a user name or password that is not valid percent-encoding: every % must start an escape such as %40, ` +
        'and a literal % is written %25. The credentials are not shown.',
    );
  }
  const basic = Buffer.from(`${user}:${password}`).toString('base64');
  return {
    url,
    variable,
    authorization: `Basic ${basic}`,
    secrets: [password, url.password, basic].filter((s) => s.length > 0),
  };
}

/**
 * The runner's NO_PROXY rules, as @actions/http-client applies them (a test holds the two
 * together): loopback always goes direct; otherwise `*`, the host itself, a domain it is in (with
 * or without a leading dot), or `host:port`, case-insensitively.
 */
export function bypassesProxy(target: URL, env: Record<string, string | undefined>): boolean {
  const host = target.hostname.toUpperCase();
  if (!host) return false;
  if (host === 'LOCALHOST' || host.startsWith('127.') || host.startsWith('[::1]') || host.startsWith('[0:0:0:0:0:0:0:1]')) return true;
  const noProxy = env.no_proxy || env.NO_PROXY || '';
  const port = target.port ? Number(target.port) : target.protocol === 'http:' ? 80 : target.protocol === 'https:' ? 443 : undefined;
  const names = port === undefined ? [host] : [host, `${host}:${port}`];
  return noProxy
    .split(',')
    .map((item) => item.trim().toUpperCase())
    .filter(Boolean)
    .some((item) => item === '*' || names.some((n) => n === item || n.endsWith(`.${item}`) || (item.startsWith('.') && n.endsWith(item))));
}

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
