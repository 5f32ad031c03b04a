import { checkBypass, getProxyUrl } from '@actions/http-client/lib/proxy';
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
 * The proxy for `target`, by the runner's own rules (@actions/http-client, which reads the process
 * environment as every action does): HTTPS_PROXY / HTTP_PROXY in either case, none for loopback or
 * a NO_PROXY match. Credentials in the proxy URL must be valid percent-encoding; they are never printed.
 */
export function proxyFor(target: URL): ProxySettings | undefined {
  if (checkBypass(target)) return undefined;
  const names = target.protocol === 'https:' ? ['https_proxy', 'HTTPS_PROXY'] : ['http_proxy', 'HTTP_PROXY'];
  const variable = names.find((n) => process.env[n]);
  if (!variable) return undefined;
  let chosen: URL | undefined;
  try {
    chosen = getProxyUrl(target);
  } catch {
    chosen = undefined;
  }
  // Undefined for a value it cannot read (it would then go direct without a word): read it here to say why.
  const raw = chosen?.href ?? (process.env[variable] as string);
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

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}
