import { readFileSync } from 'node:fs';
import type http from 'node:http';
import type { ProxySettings } from './proxy-config.js';
import { proxyAgent } from './proxy-agent.js';

/** How one side's requests leave the runner: node:http or node:https, and the agent to use. */
export interface Connection {
  request: typeof http.request;
  agent: http.Agent;
}

/**
 * The connection for one base URL. TLS is always verified (`rejectUnauthorized: true`, whatever
 * NODE_TLS_REJECT_UNAUTHORIZED says); `extraCa` is trusted on top of the system CAs. Node's TLS
 * and proxy code load on demand: none of it for http://, no tunnel without a proxy.
 */
export async function connectionFor(baseUrl: string, proxy: ProxySettings | undefined, extraCa?: string): Promise<Connection> {
  const secure = new URL(baseUrl).protocol === 'https:';
  const { request, Agent } = secure ? await import('node:https') : await import('node:http');
  const ca = extraCa ? await trustedWith(extraCa) : undefined;
  const agent = proxy ? await proxyAgent(proxy, secure, ca) : new Agent({ keepAlive: true, ca, rejectUnauthorized: true });
  return { request, agent };
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
