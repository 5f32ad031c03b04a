const RETRYABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
]);

const TLS_CODES: Record<string, string> = {
  SELF_SIGNED_CERT_IN_CHAIN: 'self-signed certificate in the certificate chain',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'unable to verify the first certificate',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'unable to get the local issuer certificate',
  CERT_HAS_EXPIRED: 'certificate has expired',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate does not name this host',
};

function causes(err: unknown): Array<{ name?: string; code?: string; message?: string }> {
  const chain = [];
  let current: unknown = err;
  for (let i = 0; current && typeof current === 'object' && i < 5; i += 1) {
    chain.push(current as { name?: string; code?: string; message?: string });
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

function isTimeout(err: unknown): boolean {
  return causes(err).some((e) => e.name === 'TimeoutError' || e.name === 'AbortError');
}

function code(err: unknown): string | undefined {
  return causes(err).find((e) => typeof e.code === 'string')?.code;
}

export function isRetryableNetworkError(err: unknown): boolean {
  if (isTimeout(err)) return true;
  const c = code(err);
  if (c) return RETRYABLE_CODES.has(c);
  return causes(err).some((e) => /socket hang up|other side closed|terminated/i.test(e.message ?? ''));
}

/** A sentence naming the host and the cause; never a stack. */
export function describeNetworkError(err: unknown, url: string, timeoutMs: number): string {
  const host = new URL(url).host;
  if (isTimeout(err)) return `no answer from ${host} within ${timeoutMs / 1000} s (request-timeout)`;
  const c = code(err);
  if (c && TLS_CODES[c]) {
    return (
      `TLS connection to ${host} refused: ${TLS_CODES[c]} (${c}). If the server uses a certificate from a private CA, ` +
      'pass that CA in source-ca-certificate (Ops Manager), or point NODE_EXTRA_CA_CERTS at it on the runner ' +
      '(also for a TLS-intercepting proxy).'
    );
  }
  if (c === 'ENOTFOUND')
    return `the host name ${new URL(url).hostname} does not resolve (ENOTFOUND); check the base URL or the proxy settings`;
  if (c === 'ECONNREFUSED') return `connection to ${host} refused (ECONNREFUSED)`;
  if (c === 'ECONNRESET' || c === 'UND_ERR_SOCKET') return `connection to ${host} was reset (${c})`;
  const last = causes(err).at(-1);
  const message = (last?.message ?? String(err)).split('\n')[0];
  return `request to ${host} failed: ${message}${c ? ` (${c})` : ''}`;
}
