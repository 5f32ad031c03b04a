import { readFileSync } from 'node:fs';
import type http from 'node:http';
import { getProxyUrl } from '@actions/http-client/lib/proxy';
import { proxyAgent } from './proxy-agent.js';

/** How one side's requests leave the runner: node:http or node:https, and the agent to use. */
export interface Connection {
  request: typeof http.request;
  agent: http.Agent;
}

/**
 * The connection for one base URL. HTTPS_PROXY/HTTP_PROXY/NO_PROXY (either case) are read with
 * @actions/http-client's own rules. `extraCa` is trusted on top of the system CAs. Node's TLS
 * and proxy code load on demand: none of it for http://, no tunnel without a proxy.
 */
export async function connectionFor(baseUrl: string, timeoutMs: number, extraCa?: string): Promise<Connection> {
  const url = new URL(baseUrl);
  const secure = url.protocol === 'https:';
  const { request, Agent } = secure ? await import('node:https') : await import('node:http');
  const ca = extraCa ? await trustedWith(extraCa) : undefined;
  const proxy = getProxyUrl(url);
  return { request, agent: proxy ? await proxyAgent(proxy, secure, ca, timeoutMs) : new Agent({ keepAlive: true, ca }) };
}

/** An explicit `ca` replaces Node's default store, which is where NODE_EXTRA_CA_CERTS lives. */
async function trustedWith(extraCa: string): Promise<Buffer[]> {
  const { rootCertificates } = await import('node:tls');
  const pems = [...rootCertificates, extraCa];
  const extraFile = process.env.NODE_EXTRA_CA_CERTS;
  if (extraFile) {
    try {
      pems.push(readFileSync(extraFile, 'utf8'));
    } catch {
      // An unreadable NODE_EXTRA_CA_CERTS is Node's own warning to give, not ours.
    }
  }
  return pems.map((pem) => Buffer.from(pem));
}
