import type http from 'node:http';
import type https from 'node:https';
import type { Duplex } from 'node:stream';
import type tls from 'node:tls';
import type { ProxySettings } from './proxy-config.js';

/** Request options the proxy agent reads (Node hands unknown request options to the agent). */
export interface AttemptHooks {
  /** Aborted when the attempt's deadline fires: the agent drops a pending CONNECT or TLS handshake. */
  attemptSignal: AbortSignal;
  onPhase(phase: string): void;
}

type CreateCallback = (err: Error | null, socket?: Duplex) => void;
type ConnectOptions = tls.ConnectionOptions & http.ClientRequestArgs & Partial<AttemptHooks>;

/**
 * An agent that reaches its target through a CONNECT tunnel on an HTTP(S) proxy, then speaks
 * TLS to the target itself, so `ca` and the host name check apply to the target exactly as
 * without a proxy. Keep-alive reuses the tunnel. The attempt's signal (see exchange.ts) ends a
 * CONNECT or handshake that is still pending when the attempt's deadline fires, so neither a
 * silent nor a dripping proxy can hold the process.
 */
export async function proxyAgent(proxy: ProxySettings, secureTarget: boolean, ca: Buffer[] | undefined): Promise<http.Agent> {
  const [httpModule, httpsModule, tlsModule] = await Promise.all([import('node:http'), import('node:https'), import('node:tls')]);
  const Base = secureTarget ? httpsModule.Agent : httpModule.Agent;
  const { url } = proxy;

  class TunnelAgent extends Base {
    override createConnection(options: ConnectOptions, callback: CreateCallback): undefined {
      const target = `${options.host}:${options.port}`;
      const signal = options.attemptSignal;
      let done = false;
      const settle = (err: Error | null, socket?: Duplex) => {
        if (done) return;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        callback(err, socket);
      };
      options.onPhase?.(`the proxy's CONNECT to ${target}`);
      const connect = (url.protocol === 'https:' ? httpsModule : httpModule).request({
        // An IPv6 proxy (http://[::1]:3128) is connected to without the URL's brackets.
        host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
        port: url.port || (url.protocol === 'https:' ? 443 : 80),
        method: 'CONNECT',
        path: target,
        headers: { Host: target, ...(proxy.authorization ? { 'Proxy-Authorization': proxy.authorization } : {}) },
        agent: false,
      });
      let secure: tls.TLSSocket | undefined;
      const onAbort = () => {
        const reason = signal?.reason instanceof Error ? signal.reason : new Error('aborted');
        connect.destroy(reason);
        secure?.destroy(reason);
        settle(reason);
      };
      if (signal?.aborted) {
        onAbort();
        return undefined;
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      connect.once('connect', (res, socket) => {
        if (res.statusCode !== 200) {
          socket.destroy();
          settle(Object.assign(new Error(`the proxy ${url.host} answered ${res.statusCode} to CONNECT ${target}`), { code: 'EPROXY' }));
          return;
        }
        if (!secureTarget) {
          settle(null, socket);
          return;
        }
        options.onPhase?.(`the TLS handshake with ${target} through the proxy`);
        secure = tlsModule.connect({
          ...options,
          socket,
          servername: options.servername || String(options.host),
          rejectUnauthorized: true,
        });
        secure.once('error', (err) => settle(err));
        secure.once('secureConnect', () => settle(null, secure));
      });
      connect.once('error', (err) => settle(unreachableProxy(proxy, err)));
      connect.end();
      return undefined;
    }
  }
  // `ca` reaches createConnection's options, where tls.connect uses it for the target.
  return new TunnelAgent({ keepAlive: true, ca, rejectUnauthorized: true } as https.AgentOptions);
}

/** A failure to reach the proxy itself, named as the proxy's (EPROXY), with the cause kept for the retry policy. */
function unreachableProxy(proxy: ProxySettings, err: Error & { code?: string }): Error {
  const what = err.code === 'ECONNREFUSED' ? 'refused the connection' : `could not be reached: ${err.message.split('\n')[0]}`;
  return Object.assign(
    new Error(`the proxy ${proxy.url.host} (${proxy.variable}) ${what}${err.code ? ` (${err.code})` : ''}`, { cause: err }),
    {
      code: 'EPROXY',
    },
  );
}
