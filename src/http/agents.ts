import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import tunnel from 'tunnel';

/**
 * The agent for one base URL. HTTPS_PROXY/HTTP_PROXY/NO_PROXY (either case) are read with
 * @actions/http-client's own rules, and a proxy is tunnelled with CONNECT through `tunnel`,
 * as @actions/http-client does for node:http. `extraCa` is trusted on top of the system CAs.
 */
export function agentFor(baseUrl: string, extraCa?: string): http.Agent {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const ca = extraCa ? [...rootCertificates, ...nodeExtraCaCerts(), extraCa].map((pem) => Buffer.from(pem)) : undefined;
  const proxy = getProxyUrl(url);
  if (proxy) {
    const proxyAuth = proxy.username || proxy.password ? `${proxy.username}:${proxy.password}` : undefined;
    const options = {
      ca,
      proxy: { host: proxy.hostname, port: Number(proxy.port) || (proxy.protocol === 'https:' ? 443 : 80), proxyAuth },
    };
    const overHttps = proxy.protocol === 'https:';
    if (secure) return overHttps ? tunnel.httpsOverHttps(options) : tunnel.httpsOverHttp(options);
    return overHttps ? tunnel.httpOverHttps(options) : tunnel.httpOverHttp(options);
  }
  return secure ? new https.Agent({ keepAlive: true, ca }) : new http.Agent({ keepAlive: true });
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
