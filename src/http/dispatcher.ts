import { readFileSync } from 'node:fs';
import { rootCertificates } from 'node:tls';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { Agent, ProxyAgent, type Dispatcher } from 'undici';

/**
 * The undici dispatcher for one base URL: through HTTPS_PROXY/HTTP_PROXY unless NO_PROXY
 * (or loopback) bypasses it, trusting `extraCa` on top of the system CAs when given.
 * Undefined means undici's default agent.
 */
export function dispatcherFor(baseUrl: string, extraCa?: string): Dispatcher | undefined {
  const proxy = getProxyUrl(new URL(baseUrl));
  const tls = extraCa ? { ca: [...rootCertificates, ...nodeExtraCaCerts(), extraCa] } : undefined;
  if (proxy) return new ProxyAgent({ uri: proxy.href, requestTls: tls });
  if (tls) return new Agent({ connect: tls });
  return undefined;
}

/** An explicit `ca` replaces Node's default store, which is where NODE_EXTRA_CA_CERTS lives. */
function nodeExtraCaCerts(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}
