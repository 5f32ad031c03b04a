import type http from 'node:http';
import type https from 'node:https';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';

type CreateCallback = (err: Error | null, socket?: Duplex) => void;

/**
 * An agent that reaches its target through a CONNECT tunnel on an HTTP(S) proxy, then speaks
 * TLS to the target itself, so `ca` and the host name check apply to the target exactly as
 * without a proxy. Keep-alive reuses the tunnel. Node modules load here, only when a proxy is set.
 */
export async function proxyAgent(proxy: URL, secureTarget: boolean, ca: Buffer[] | undefined, timeoutMs: number): Promise<http.Agent> {
  const [httpModule, httpsModule, tlsModule] = await Promise.all([import('node:http'), import('node:https'), import('node:tls')]);
  const authorization =
    proxy.username || proxy.password
      ? `Basic ${Buffer.from(`${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`).toString('base64')}`
      : undefined;
  const Base = secureTarget ? httpsModule.Agent : httpModule.Agent;

  class TunnelAgent extends Base {
    override createConnection(options: tls.ConnectionOptions & http.ClientRequestArgs, callback: CreateCallback): undefined {
      const target = `${options.host}:${options.port}`;
      const connect = (proxy.protocol === 'https:' ? httpsModule : httpModule).request({
        host: proxy.hostname,
        port: proxy.port || (proxy.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: target,
        headers: { Host: target, ...(authorization ? { 'Proxy-Authorization': authorization } : {}) },
        agent: false,
      });
      connect.once('connect', (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          callback(Object.assign(new Error(`the proxy ${proxy.host} answered ${res.statusCode} to CONNECT ${target}`), { code: 'EPROXY' }));
          return;
        }
        if (!secureTarget) {
          callback(null, socket);
          return;
        }
        const secure = tlsModule.connect({ ...options, socket, servername: options.servername || String(options.host) });
        secure.once('error', (err) => callback(err));
        secure.once('secureConnect', () => callback(null, secure));
      });
      // The caller's time-out ends its request, not this one: without its own, a silent proxy
      // would keep the process alive.
      connect.setTimeout(timeoutMs, () =>
        connect.destroy(Object.assign(new Error(`the proxy ${proxy.host} did not answer CONNECT ${target}`), { name: 'TimeoutError' })),
      );
      connect.once('error', (err) => callback(err));
      connect.end();
      return undefined;
    }
  }
  // `ca` reaches createConnection's options, where tls.connect uses it for the target.
  return new TunnelAgent({ keepAlive: true, ca } as https.AgentOptions);
}
