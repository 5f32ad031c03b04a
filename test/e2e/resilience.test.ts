import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_ORG_ID, linkInputs, SOURCE_ORG_ID, standardSimulator, withServiceAccount } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { runAction } from '../helpers/run-action.js';
import { makePki, type TestPki } from '../helpers/tls.js';

let sim: Simulator;
afterEach(() => sim?.close());

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  sim = standardSimulator(options);
  return sim.listen();
}

const attempts = (method: string, pathEnd: string) => sim.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd));

describe('retries', () => {
  it('waits out a 429 with Retry-After: 2 on token creation, then succeeds', async () => {
    const url = await start();
    sim.faults.push({
      method: 'POST',
      path: '/linkTokens',
      times: 1,
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '2' },
      body: { error: 429, errorCode: 'RATE_LIMITED', detail: 'Too many requests.' },
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    const tries = attempts('POST', '/linkTokens');
    expect(tries.map((r) => r.status)).toEqual([429, 201]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(2000);
    expect(run.stdout).toMatch(/Atlas: create the link token: HTTP 429; retry 1 of 3 in 2\.\d s\./);
  });

  it('gets through a 503 and then an HTML 502 on connect', async () => {
    const url = await start();
    sim.faults.push({ method: 'POST', path: '/migrationLink', times: 1, kind: 'status', status: 503 });
    sim.faults.push({ method: 'POST', path: '/migrationLink', times: 1, kind: 'html', status: 502 });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const tries = attempts('POST', '/migrationLink');
    expect(tries.map((r) => r.status)).toEqual([503, 502, 201]);
    // Backoff with jitter: 0.5 to 1 s, then 1 to 2 s.
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(500);
    expect(tries[2].at - tries[1].at).toBeGreaterThanOrEqual(1000);
    expect(run.ms).toBeLessThan(6000);
    expect(sim.requests.filter((r) => r.rejected)).toEqual([]);
  });

  it('gets through a connection reset', async () => {
    const url = await start();
    sim.faults.push({ method: 'POST', path: '/migrationLink', times: 1, kind: 'reset' });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const tries = attempts('POST', '/migrationLink');
    expect(tries.map((r) => r.status)).toEqual([-1, 201]);
    expect(tries[1].at - tries[0].at).toBeGreaterThanOrEqual(500);
    expect(run.ms).toBeLessThan(4000);
    expect(run.stdout).toMatch(
      /source: connect to Atlas with the link token: connection to [\d.:]+ was reset|source: connect to Atlas with the link token: request to/,
    );
  });

  it('recovers from a hang with request-timeout 2 in under 15 s', async () => {
    const url = await start();
    sim.faults.push({ method: 'GET', path: '/status', times: 1, kind: 'hang' });
    const run = await runAction(sim, linkInputs(url, url, { 'request-timeout': '2' }));
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(15_000);
    expect(run.ms).toBeGreaterThan(2000);
    expect(run.stdout).toMatch(/no answer from [\d.:]+ within 2 s \(request-timeout\); retry 1 of 3/);
  });

  it('fails after 3 attempts on a persistent 502 with max-retries 2, naming the status', async () => {
    const url = await start();
    sim.faults.push({ method: 'POST', path: '/linkTokens', kind: 'html', status: 502 });
    const run = await runAction(sim, linkInputs(url, url, { 'max-retries': '2' }));
    expect(run.code).toBe(1);
    expect(attempts('POST', '/linkTokens')).toHaveLength(3);
    expect(run.ms).toBeGreaterThanOrEqual(1500);
    expect(run.ms).toBeLessThan(6000);
    expect(run.errors).toEqual([
      'Atlas: create the link token failed after 3 attempts: HTTP 502 with a text/html body (136 bytes, not shown).',
    ]);
  });

  it('fails at once when Retry-After is longer than 60 s, with the server’s words', async () => {
    const url = await start();
    sim.faults.push({
      method: 'POST',
      path: '/linkTokens',
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '120' },
      body: { error: 429, errorCode: 'RATE_LIMITED', detail: 'Slow down.' },
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(attempts('POST', '/linkTokens')).toHaveLength(1);
    expect(run.errors[0]).toBe(
      'Atlas: create the link token failed: HTTP 429 RATE_LIMITED: Slow down. Hint: the server asks to wait 120 s before retrying, more than the 60 s this action waits; re-run later.',
    );
  });

  it('does not retry other 4xx', async () => {
    const url = await start();
    sim.faults.push({
      method: 'POST',
      path: '/linkTokens',
      kind: 'status',
      status: 400,
      body: { error: 400, errorCode: 'VALIDATION_ERROR', detail: 'Bad.' },
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(attempts('POST', '/linkTokens')).toHaveLength(1);
  });
});

describe('bodies that are not the expected JSON', () => {
  for (const [kind, message] of [
    ['malformed', /^source: connect to Atlas with the link token: HTTP 200 with malformed JSON \(16 bytes, not shown\)\.$/],
    ['empty', /^source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with an empty body\.$/],
    [
      'html',
      /^source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with a text\/html body \(136 bytes, not shown\)\.$/,
    ],
  ] as const) {
    it(`${kind}: a clear error with status and content type, no body, no stack`, async () => {
      const url = await start();
      sim.faults.push({ method: 'POST', path: '/migrationLink', times: 1, kind, status: 200 });
      const run = await runAction(sim, linkInputs(url, url));
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(message);
      expect(run.stdout).not.toContain('<html>');
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('digest nonces that go stale', () => {
  it('renegotiates on stale=true and resets the nonce count', async () => {
    const url = await start({ nonceStaleAfterUses: 1 });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const source = sim.requests.filter((r) => r.side === 'source');
    expect(source.map((r) => r.status)).toEqual([401, 404, 401, 201]);
    expect(String(source[2].headers.authorization)).toMatch(/nc=00000002/);
    expect(String(source[3].headers.authorization)).toMatch(/nc=00000001/);
    expect(source[3].headers.authorization).not.toContain(/nonce="([^"]+)"/.exec(String(source[2].headers.authorization))![1]);
  });
});

describe('TLS and proxies', () => {
  let pki: TestPki;
  beforeAll(() => {
    pki = makePki(['atlas.sim.test', 'opsmanager.sim.test', 'localhost', '127.0.0.1']);
  });
  afterAll(() => pki.cleanup());

  it('refuses an Ops Manager with a private CA without source-ca-certificate, with a clear TLS message', async () => {
    const url = await start();
    const source = await sim.listen({ tls: { key: pki.key, cert: pki.cert } });
    const run = await runAction(sim, linkInputs(url, source.replace('127.0.0.1', 'localhost')));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0]).toMatch(
      /^source: read the migration link status failed: TLS connection to localhost:\d+ refused: (self-signed certificate in the certificate chain|unable to verify the first certificate|unable to get the local issuer certificate) \(\w+\)\. If the server uses a certificate from a private CA, pass that CA in source-ca-certificate/,
    );
    expect(sim.count('source')).toBe(0);
    expect(sim.count('atlas', 'POST')).toBe(0);
  });

  it('works with source-ca-certificate, for the source only', async () => {
    const url = await start();
    const source = await sim.listen({ tls: { key: pki.key, cert: pki.cert } });
    const run = await runAction(sim, linkInputs(url, source.replace('127.0.0.1', 'localhost'), { 'source-ca-certificate': pki.caCert }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(sim.count('source')).toBe(3);
  });

  it('reaches both sides and the OAuth endpoints through a CONNECT proxy, to hosts only the proxy resolves', async () => {
    await start();
    const tlsPort = new URL(await sim.listen({ tls: { key: pki.key, cert: pki.cert } })).port;
    const password = 'pr0xy@pass:word';
    const proxy = await startConnectProxy({ 'atlas.sim.test': '127.0.0.1', 'opsmanager.sim.test': '127.0.0.1' }, `runner:${password}`);
    try {
      const inputs = withServiceAccount(
        linkInputs(`https://atlas.sim.test:${tlsPort}`, `https://opsmanager.sim.test:${tlsPort}`, { 'source-ca-certificate': pki.caCert }),
      );
      const proxyUrl = proxy.url.replace('http://', `http://runner:${encodeURIComponent(password)}@`);
      const run = await runAction(sim, inputs, { env: { HTTPS_PROXY: proxyUrl, NODE_EXTRA_CA_CERTS: pki.caFile }, secrets: [password] });
      expect(run.code).toBe(0);
      expect(run.outputs.status).toBe('SYNCED');
      expect(proxy.refused).toBe(0);
      expect(proxy.tunnels).toContain(`atlas.sim.test:${tlsPort}`);
      expect(proxy.tunnels).toContain(`opsmanager.sim.test:${tlsPort}`);
      expect(sim.count('oauth')).toBe(2);
      expect(sim.count('atlas')).toBe(2);
      expect(sim.count('source')).toBe(3);
      expect(sim.sourceOrgs.get(SOURCE_ORG_ID).link.atlasOrgId).toBe(ATLAS_ORG_ID);
    } finally {
      await proxy.close();
    }
  });

  it('explains a proxy that refuses the tunnel (wrong proxy credentials)', async () => {
    await start();
    const proxy = await startConnectProxy({ 'opsmanager.sim.test': '127.0.0.1' }, 'runner:right');
    try {
      const run = await runAction(sim, linkInputs('https://atlas.sim.test', 'https://opsmanager.sim.test'), {
        env: { HTTPS_PROXY: proxy.url.replace('http://', 'http://runner:wrong@') },
      });
      expect(run.code).toBe(1);
      expect(run.errors[0]).toMatch(
        /^source: read the migration link status failed: request to opsmanager\.sim\.test failed: the proxy 127\.0\.0\.1:\d+ answered 407 to CONNECT opsmanager\.sim\.test:443 \(EPROXY\)$/,
      );
      expect(proxy.refused).toBeGreaterThan(0);
      expect(run.stdout).not.toContain('wrong');
    } finally {
      await proxy.close();
    }
  });

  it('gives up on a proxy that never answers CONNECT within request-timeout, and exits', async () => {
    await start();
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as net.AddressInfo;
      const run = await runAction(
        sim,
        linkInputs('https://atlas.sim.test', 'https://opsmanager.sim.test', { 'request-timeout': '1', 'max-retries': '1' }),
        {
          env: { HTTPS_PROXY: `http://127.0.0.1:${port}` },
        },
      );
      expect(run.code).toBe(1);
      expect(run.errors[0]).toMatch(
        /^source: read the migration link status failed after 2 attempts: no answer from opsmanager\.sim\.test within 1 s \(request-timeout\)\.?$/,
      );
      expect(run.ms).toBeLessThan(5000);
    } finally {
      silent.close();
    }
  });

  it('without the proxy the same host names do not resolve', async () => {
    await start();
    const run = await runAction(sim, linkInputs('https://atlas.sim.test', 'https://opsmanager.sim.test', { 'max-retries': '0' }));
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(/the host name opsmanager\.sim\.test does not resolve \(ENOTFOUND\)/);
  });

  it('honours NO_PROXY (lower case too)', async () => {
    const url = await start();
    const proxy = await startConnectProxy({});
    try {
      const run = await runAction(sim, linkInputs(url.replace('127.0.0.1', 'localhost'), url.replace('127.0.0.1', 'localhost')), {
        env: { https_proxy: proxy.url, http_proxy: proxy.url, no_proxy: 'localhost' },
      });
      expect(run.code).toBe(0);
      expect(proxy.tunnels).toEqual([]);
    } finally {
      await proxy.close();
    }
  });
});
