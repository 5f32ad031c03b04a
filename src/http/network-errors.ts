import { AttemptTimeout } from './exchange.js';

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

const TLS_CODES: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the certificate chain',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get the local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
};

interface Cause {
  name?: string;
  code?: string;
  message?: string;
}

function causes(err: unknown): Cause[] {
  const chain: Cause[] = [];
  let current: unknown = err;
  for (let i = 0; current && typeof current === 'object' && i < 5; i += 1) {
    chain.push(current as Cause);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function code(err: unknown): string | undefined {
  return causes(err).find((e) => typeof e.code === 'string')?.code;
}

/** The request never reached the server: no connection (refused, no name, the proxy said no), or the deadline fired before it was sent. */
export function neverArrived(err: unknown): boolean {
  if (err instanceof AttemptTimeout)
    return err.phase === 'connecting' || err.phase.includes('CONNECT') || err.phase.includes('TLS handshake');
  return ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EPROXY'].includes(code(err) ?? '');
}

export function isRetryableNetworkError(err: unknown): boolean {
  if (err instanceof AttemptTimeout) return err.limit === 'request-timeout';
  // A proxy that cannot be reached carries the cause (refused, reset) as its own.
  if (causes(err).some((e) => typeof e.code === 'string' && RETRYABLE_CODES.has(e.code))) return true;
  if (code(err)) return false;
  return causes(err).some((e) => /socket hang up|other side closed/i.test(e.message ?? ''));
}

export interface NetworkFailure {
  text: string;
  hint?: string;
}

/** A sentence naming the host and the cause, and what to do; never a stack. */
export function describeNetworkError(err: unknown, url: URL): NetworkFailure {
  const host = url.host;
  if (err instanceof AttemptTimeout) {
    return {
      text: `no answer from ${host} within ${err.ms / 1000} s (request-timeout) while ${err.phase}`,
      hint: err.phase.includes('proxy')
        ? 'the proxy did not complete the tunnel in time: check HTTPS_PROXY and NO_PROXY, or raise request-timeout'
        : 'raise request-timeout, or check the network path (firewall, proxy) from the runner to that host',
    };
  }
  const c = code(err);
  if (c && TLS_CODES[c]) {
    return {
      text: `TLS connection to ${host} refused: ${TLS_CODES[c]} (${c})`,
      hint:
        'if the server uses a certificate from a private CA, pass that CA in source-ca-certificate (Ops Manager), or point ' +
        'NODE_EXTRA_CA_CERTS at it on the runner (also for a TLS-intercepting proxy); TLS verification is never turned off',
    };
  }
  const proxy = causes(err).find((e) => e.code === 'EPROXY');
  if (proxy) {
    const reached = causes(err).length === 1 || !causes(err).at(-1)?.code;
    return {
      text: reached ? `${proxy.message ?? 'the proxy refused the tunnel'} (EPROXY)` : `${proxy.message}, so nothing reached ${host}`,
      hint: /\b407\b/.test(proxy.message ?? '')
        ? 'check the user name and password in HTTPS_PROXY (percent-encoded)'
        : 'check HTTPS_PROXY, and NO_PROXY for hosts the runner reaches directly',
    };
  }
  switch (c) {
    case 'ENOTFOUND':
      return {
        text: `the host name ${url.hostname} does not resolve (ENOTFOUND)`,
        hint: 'check the base URL; if the runner reaches that host through a proxy, set HTTPS_PROXY',
      };
    case 'EAI_AGAIN':
      return { text: `the name server did not answer for ${url.hostname} (EAI_AGAIN)`, hint: 'a DNS problem on the runner; re-run later' };
    case 'ECONNREFUSED':
      return {
        text: `connection to ${host} refused (ECONNREFUSED)`,
        hint: 'check the base URL and port, and that the server is up and reachable from the runner',
      };
    case 'ECONNRESET':
      return {
        text: `connection to ${host} was reset (ECONNRESET)`,
        hint: 'a proxy or firewall between the runner and that host may be closing it',
      };
    case 'EBODYTOOLARGE':
      return { text: `the answer from ${host} is too large (${causes(err)[0].message})` };
  }
  const last = causes(err).at(-1);
  const message = (last?.message ?? String(err)).split('\n')[0];
  return { text: `request to ${host} failed: ${message}${c ? ` (${c})` : ''}` };
}
