// The transport through the bundle, in real time: per-attempt deadlines that hold behind proxies
// (each named by its phase), TLS that is always verified, and proxies. Timing cases that would need
// long waits run in process with a fake clock: test/in-process/retries-and-budget.test.ts.
//
// Set ACTION_BUNDLE to run these against another build (say, the one before the fix).
import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ATLAS_ORG_ID,
  linkInputs,
  resetStandardWorld,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import type { ActionRun } from '../helpers/run-action.js';
import { expectScriptsUsed } from '../helpers/scripts.js';
import { noStack, runAction, sourceStatus } from '../helpers/transport-world.js';
import { makePki, type TestPki } from '../helpers/tls.js';

let sim: Simulator;
let url: string;

const reset = () => resetStandardWorld(sim);
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());
beforeEach(reset);
afterEach(() => expectScriptsUsed(sim));

/** A TCP server that accepts and then does `onSocket` (nothing, by default). */
async function tcpServer(onSocket: (socket: net.Socket) => void = () => {}) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onSocket(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Sends `text` a byte every `ms`, forever if it is long enough. */
function drip(socket: net.Socket, text: string, ms: number): void {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return void clearInterval(timer);
    socket.write(text[i++]);
  }, ms);
  socket.on('close', () => clearInterval(timer));
}

describe('deadlines: request-timeout holds end to end, and the message names the phase', () => {
  const closers: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  const timedOut = (run: ActionRun, phase: string) => {
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toContain(`within 1 s (request-timeout) while ${phase}.`);
    // One attempt of 1 s, plus the time node takes to start and stop; far from the minute a hang would take
    // (the upper bound leaves room for a busy machine).
    expect(run.ms).toBeGreaterThanOrEqual(1000);
    expect(run.ms).toBeLessThan(8000);
  };

  it('an HTTPS proxy whose CONNECT never answers', async () => {
    const proxy = await tcpServer();
    closers.push(proxy.close);
    const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test', { 'request-timeout': '1', 'max-retries': '0' }), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
    });
    timedOut(run, "the proxy's CONNECT to opsmanager.sim.test:443");
    expect(run.errors[0].message).toMatch(
      /^source: read the migration link status failed: no answer from opsmanager\.sim\.test within 1 s/,
    );
    expect(run.errors[0].message).toMatch(/Hint: the proxy did not complete the tunnel in time/);
  });

  it('a proxy that drips the bytes of its CONNECT answer', async () => {
    const proxy = await tcpServer((socket) => drip(socket, `HTTP/1.1 200 Connection established\r\nX-Pad: ${'a'.repeat(1000)}`, 20));
    closers.push(proxy.close);
    const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test', { 'request-timeout': '1', 'max-retries': '0' }), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
    });
    timedOut(run, "the proxy's CONNECT to opsmanager.sim.test:443");
  });

  it('a proxy that tunnels to a target that never answers the TLS handshake', async () => {
    const target = await tcpServer();
    closers.push(target.close);
    const proxy = await startConnectProxy({ 'opsmanager.sim.test': '127.0.0.1' });
    closers.push(proxy.close);
    const run = await runAction(
      sim,
      sourceStatus(`https://opsmanager.sim.test:${target.port}`, { 'request-timeout': '1', 'max-retries': '0' }),
      { env: { HTTPS_PROXY: proxy.url } },
    );
    timedOut(run, `the TLS handshake with opsmanager.sim.test:${target.port} through the proxy`);
    expect(proxy.tunnels).toEqual([`opsmanager.sim.test:${target.port}`]);
  });

  it('a server that never answers the TLS handshake (no proxy)', async () => {
    const target = await tcpServer();
    closers.push(target.close);
    const run = await runAction(sim, sourceStatus(`https://localhost:${target.port}`, { 'request-timeout': '1', 'max-retries': '0' }));
    timedOut(run, 'the TLS handshake');
    expect(run.errors[0].message).toMatch(/^source: read the migration link status failed: no answer from localhost:\d+ within 1 s/);
  });

  it('a server that drips the body', async () => {
    sim.fail('source.link.status', { kind: 'drip', ms: 200 });
    const run = await runAction(sim, sourceStatus(url, { 'request-timeout': '1', 'max-retries': '0' }));
    timedOut(run, 'reading the answer');
    expect(run.errors[0].message).toMatch(/^source: read the migration link status failed: no answer from 127\.0\.0\.1:\d+ within 1 s/);
  });
});

// ---------------------------------------------------------------------------------------------

describe('TLS is always verified', () => {
  let pki: TestPki;
  let other: TestPki;
  beforeAll(async () => {
    pki = makePki(['atlas.sim.test', 'opsmanager.sim.test', 'localhost', '127.0.0.1']);
    other = makePki(['localhost']);
  });
  afterAll(async () => {
    pki.cleanup();
    other.cleanup();
  });

  const tlsUrl = async (p: TestPki) => (await sim.listen({ tls: { key: p.key, cert: p.cert } })).replace('127.0.0.1', 'localhost');
  const refused =
    /^source: read the migration link status failed: TLS connection to localhost:\d+ refused: (self-signed certificate in the certificate chain|unable to verify the first certificate|unable to get the local issuer certificate) \(\w+\)\. Hint: if the server uses a certificate from a private CA, pass that CA in source-ca-certificate/;

  it('refuses an Ops Manager with a private CA without source-ca-certificate, with a clear message', async () => {
    const run = await runAction(sim, sourceStatus(await tlsUrl(pki)));
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([expect.stringMatching(refused)]);
    expect(sim.count('source')).toBe(0);
  });

  it('accepts it with source-ca-certificate', async () => {
    const run = await runAction(sim, sourceStatus(await tlsUrl(pki), { 'source-ca-certificate': pki.caCert }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('UNLINKED');
    expect(sim.count('source')).toBe(3);
  });

  it('still refuses with NODE_TLS_REJECT_UNAUTHORIZED=0 on the runner, and warns naming the variable', async () => {
    const run = await runAction(sim, sourceStatus(await tlsUrl(pki)), { env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' } });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([expect.stringMatching(refused)]);
    expect(run.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/^NODE_TLS_REJECT_UNAUTHORIZED=0 is set on this runner\./)]);
    expect(sim.count('source')).toBe(0);
  });

  it('NODE_EXTRA_CA_CERTS covers the Atlas side; source-ca-certificate (another CA) covers the source alone', async () => {
    const atlas = await tlsUrl(pki);
    const source = await tlsUrl(other);
    const run = await runAction(sim, linkInputs(atlas, source, { 'source-ca-certificate': other.caCert }), {
      env: { NODE_EXTRA_CA_CERTS: pki.caFile },
    });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(sim.count('atlas', 'POST')).toBe(1);

    // Without NODE_EXTRA_CA_CERTS the Atlas side is refused: source-ca-certificate is the source's only.
    reset();
    const without = await runAction(sim, linkInputs(atlas, source, { 'source-ca-certificate': other.caCert }));
    expect(without.code).toBe(1);
    expect(without.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^Atlas: create the link token failed: TLS connection to localhost:\d+ refused/),
    ]);
    expect(sim.count('atlas', 'POST')).toBe(0);
  });
});

describe('proxies', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = makePki(['atlas.sim.test', 'opsmanager.sim.test']);
  });
  afterAll(() => pki.cleanup());

  it('reaches both sides and the OAuth endpoints through a CONNECT proxy, to host names only the proxy resolves', async () => {
    const tlsPort = new URL(await sim.listen({ tls: { key: pki.key, cert: pki.cert } })).port;
    const password = 'pr0xy@pass:w%rd/50%';
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
      expect(sim.count('source')).toBe(4);
      expect(sim.linkOf(SOURCE_ORG_ID)?.atlasOrgId).toBe(ATLAS_ORG_ID);
    } finally {
      await proxy.close();
    }
  });

  it('a wrong proxy password: a clear 407 message, not retried, the password never shown', async () => {
    const proxy = await startConnectProxy({ 'opsmanager.sim.test': '127.0.0.1' }, 'runner:right-one');
    try {
      const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test'), {
        env: { HTTPS_PROXY: proxy.url.replace('http://', 'http://runner:Wr0ng-Pr0xy-Pa55@') },
        secrets: ['Wr0ng-Pr0xy-Pa55'],
      });
      expect(run.code).toBe(1);
      expect(run.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(
          /^source: read the migration link status failed: the proxy 127\.0\.0\.1:\d+ answered 407 to CONNECT opsmanager\.sim\.test:443 \(EPROXY\)\. Hint: check the user name and password in HTTPS_PROXY/,
        ),
      ]);
      expect(proxy.refused).toBe(1);
      expect(run.lines.filter((l) => !l.startsWith('::add-mask::')).join('\n')).not.toContain('Wr0ng-Pr0xy-Pa55');
    } finally {
      await proxy.close();
    }
  });

  it('an IPv6 proxy, http://[::1]:port: reached on ::1 (its answer, a 407, is the proxy’s)', async () => {
    const proxy = await startConnectProxy({ 'opsmanager.sim.test': '127.0.0.1' }, 'runner:right-one', '::1');
    try {
      const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test', { 'max-retries': '0' }), {
        env: { HTTPS_PROXY: proxy.url.replace('http://', 'http://runner:wrong@') },
      });
      expect(run.code).toBe(1);
      expect(run.errors[0].message).toMatch(
        /^source: read the migration link status failed: the proxy \[::1\]:\d+ answered 407 to CONNECT opsmanager\.sim\.test:443 \(EPROXY\)/,
      );
      expect(proxy.refused).toBe(1);
    } finally {
      await proxy.close();
    }
  });

  it('a proxy that refuses the connection: the proxy is named, with the variable it came from, and retried like any refusal', async () => {
    const closed = await tcpServer();
    await closed.close();
    const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test', { 'max-retries': '1' }), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${closed.port}` },
    });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toBe(
      `source: read the migration link status failed after 2 attempts: the proxy 127.0.0.1:${closed.port} (HTTPS_PROXY) refused the connection (ECONNREFUSED), ` +
        'so nothing reached opsmanager.sim.test. Hint: check HTTPS_PROXY, and NO_PROXY for hosts the runner reaches directly.',
    );
  });

  for (const dryRun of ['false', 'true']) {
    it(`credentials that are not valid percent-encoding: an error naming HTTPS_PROXY, no credentials shown, nothing sent (dry-run ${dryRun})`, async () => {
      const run = await runAction(
        sim,
        linkInputs(url.replace('127.0.0.1', 'localhost'), 'https://opsmanager.sim.test', { 'dry-run': dryRun }),
        {
          env: { HTTPS_PROXY: 'http://user:50%off@proxy.invalid:1' },
        },
      );
      expect(run.code).toBe(1);
      expect(run.errors.map((e) => e.message)).toEqual([
        expect.stringMatching(/^HTTPS_PROXY holds a user name or password that is not valid percent-encoding/),
      ]);
      expect(run.stdout + run.stderr + run.summary).not.toMatch(/50%|off@/);
      expect(sim.requests()).toEqual([]);
      expect(run.outputs.changed).toBe('false');
      noStack(run);
    });
  }

  // 0.0.0.0 reaches this machine like loopback, but is not loopback to the NO_PROXY rules (loopback
  // always goes direct), so only NO_PROXY keeps it off the proxy; atlas.sim.test resolves only there.
  const noProxyCases = [
    { env: (proxy: string) => ({ http_proxy: proxy, no_proxy: 'example.com, 0.0.0.0' }), direct: true, name: 'lower-case names' },
    { env: (proxy: string) => ({ HTTP_PROXY: proxy, NO_PROXY: '0.0.0.0' }), direct: true, name: 'upper-case names' },
    { env: (proxy: string) => ({ HTTP_PROXY: proxy, NO_PROXY: 'opsmanager.example.com' }), direct: false, name: 'a list without it' },
  ];
  for (const { env, direct, name } of noProxyCases) {
    it(`NO_PROXY (${name}): ${direct ? 'the source goes direct while Atlas goes through the proxy' : 'the source goes through the proxy too'}`, async () => {
      const proxy = await startConnectProxy({ 'atlas.sim.test': '127.0.0.1' });
      try {
        const port = new URL(url).port;
        const inputs = linkInputs(`http://atlas.sim.test:${port}`, `http://0.0.0.0:${port}`, {
          'allow-insecure-http': 'true',
          'max-retries': '0',
        });
        const run = await runAction(sim, inputs, { env: env(proxy.url) });
        if (direct) {
          expect(run.code).toBe(0);
          expect(sim.count('source', 'POST')).toBe(1);
          expect(new Set(proxy.tunnels)).toEqual(new Set([`atlas.sim.test:${port}`]));
        } else {
          // The proxy knows no 0.0.0.0: the source is never reached, and Atlas gets no token request.
          expect(run.code).toBe(1);
          expect(proxy.tunnels).toContain(`0.0.0.0:${port}`);
          expect(sim.count('source')).toBe(0);
          expect(sim.count('atlas', 'POST')).toBe(0);
        }
      } finally {
        await proxy.close();
      }
    });
  }
});
