// The transport through the bundle, in real time, one run per behaviour: retries and what is
// never retried, bodies that are not what a route declares, per-attempt deadlines that hold
// behind proxies (each named by its phase), TLS that is always verified, and proxies.
// Timing cases that would need long waits (Retry-After, backoff sequences, the step's budget)
// run in process with a fake clock: test/in-process/retries-and-budget.test.ts.
//
// Set ACTION_BUNDLE to run these against another build (say, the one before the fix).
import net from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ATLAS_ORG_ID,
  AVAILABLE_PROJECTS,
  linkInputs,
  SOURCE_KEY,
  SOURCE_ORG_ID,
  standardSimulator,
  withServiceAccount,
} from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { startConnectProxy } from '../helpers/connect-proxy.js';
import { runAction as runChecked, type ActionRun, type RunOptions } from '../helpers/run-action.js';
import { makePki, type TestPki } from '../helpers/tls.js';

const runAction = (sim: Simulator, inputs: Record<string, string>, options: RunOptions = {}) =>
  runChecked(sim, inputs, { ...options, bundle: process.env.ACTION_BUNDLE || undefined });

let sim: Simulator;
let url: string;

/** The standard world again on the same simulator: no link, the standard projects, no requests. */
function reset(): void {
  sim.addSourceOrg(SOURCE_ORG_ID, { name: 'Ops Manager source' });
  sim.addAtlasOrg(ATLAS_ORG_ID, { name: 'Atlas destination', availableProjects: structuredClone([...AVAILABLE_PROJECTS]) });
  sim.clearRequests();
}

const tries = (route: string) => sim.requests({ route }).filter((r) => r.auth !== 'none' || r.status !== 401);
const sourceStatus = (base: string, extra: Record<string, string> = {}) => ({
  command: 'status',
  'source-org-id': SOURCE_ORG_ID,
  'source-public-key': SOURCE_KEY.publicKey,
  'source-private-key': SOURCE_KEY.privateKey,
  'source-base-url': base,
  ...extra,
});
const noStack = (run: ActionRun) => expect(run.stdout + run.stderr).not.toMatch(/\n\s+at |Unexpected error/);

describe('retries', () => {
  beforeAll(async () => {
    sim = standardSimulator();
    url = await sim.listen();
  });
  afterAll(() => sim.close());
  beforeEach(reset);

  it('gets through a 503 and then an HTML 502 on connect, with backoff', async () => {
    sim.fail('source.link.connect', { kind: 'status', status: 503 }).fail('source.link.connect', { kind: 'html', status: 502 });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const connect = sim.requests({ route: 'source.link.connect' });
    expect(connect.map((r) => r.status)).toEqual([503, 502, 201]);
    // Backoff with jitter: 0.5 to 1 s, then 1 to 2 s.
    expect(connect[1].at - connect[0].at).toBeGreaterThanOrEqual(500);
    expect(connect[2].at - connect[1].at).toBeGreaterThanOrEqual(1000);
    expect(run.lines.filter((l) => l.startsWith('source: connect to Atlas with the link token: HTTP 50'))).toEqual([
      expect.stringMatching(/^source: connect to Atlas with the link token: HTTP 503; retry 1 of 3 in (0\.[5-9]|1\.0) s\.$/),
      expect.stringMatching(/^source: connect to Atlas with the link token: HTTP 502; retry 2 of 3 in [12]\.\d s\.$/),
    ]);
    expect(run.ms).toBeLessThan(4500);
  });

  it('gets through a connection reset', async () => {
    sim.fail('source.link.connect', { kind: 'reset' });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const connect = sim.requests({ route: 'source.link.connect' });
    expect(connect.map((r) => r.status)).toEqual([-1, 201]);
    expect(connect[1].at - connect[0].at).toBeGreaterThanOrEqual(500);
    expect(run.lines).toContainEqual(
      expect.stringMatching(/^source: connect to Atlas with the link token: connection to 127\.0\.0\.1:\d+ was reset \(ECONNRESET\); retry 1 of 3/),
    );
  });

  it('gets past a hang with request-timeout 1, naming the deadline and the phase', async () => {
    sim.fail('source.link.status', { kind: 'hang' });
    const run = await runAction(sim, { ...sourceStatus(url), 'request-timeout': '1' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('UNLINKED');
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        /^source: read the migration link status: no answer from 127\.0\.0\.1:\d+ within 1 s \(request-timeout\) while waiting for the answer; retry 1 of 3 in/,
      ),
    );
    expect(run.ms).toBeGreaterThan(1000);
    expect(run.ms).toBeLessThan(3500);
  });

  it('fails after 3 attempts on a persistent 502 with max-retries 2, naming the status', async () => {
    sim.fail('atlas.linkTokens.create', { kind: 'html', status: 502, times: 3 });
    const run = await runAction(sim, linkInputs(url, url, { 'max-retries': '2' }));
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'atlas.linkTokens.create' })).toHaveLength(3);
    expect(run.errors.map((e) => e.message)).toEqual([
      'Atlas: create the link token failed after 3 attempts: HTTP 502 with a text/html body (136 bytes, not shown).',
    ]);
    expect(run.ms).toBeGreaterThanOrEqual(1500);
  });

  it('fails at once when Retry-After is longer than 60 s, with the server’s words', async () => {
    sim.fail('atlas.linkTokens.create', {
      kind: 'status',
      status: 429,
      headers: { 'Retry-After': '120' },
      body: { error: 429, errorCode: 'RATE_LIMITED', detail: 'Slow down.' },
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(sim.requests({ route: 'atlas.linkTokens.create' })).toHaveLength(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'Atlas: create the link token failed: HTTP 429 RATE_LIMITED: Slow down. Hint: the server asks to wait 120 s before retrying, more than the 60 s this action waits; re-run later.',
    ]);
    expect(run.ms).toBeLessThan(1500);
  });

  it('never retries another 4xx', async () => {
    sim.respond('atlas.linkTokens.create', { status: 400, body: { error: 400, errorCode: 'VALIDATION_ERROR', detail: 'Bad.' } });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(tries('atlas.linkTokens.create')).toHaveLength(1);
    expect(run.errors.map((e) => e.message)).toEqual(['Atlas: create the link token failed: HTTP 400 VALIDATION_ERROR: Bad.']);
    expect(run.lines.filter((l) => /retry \d of/.test(l))).toEqual([]);
  });
});

describe('digest nonces that go stale', () => {
  it('renegotiates once on stale=true and starts the new nonce at count 1', async () => {
    sim = standardSimulator({ nonceStaleAfterUses: 1 });
    url = await sim.listen();
    try {
      const run = await runAction(sim, linkInputs(url, url));
      expect(run.code).toBe(0);
      const source = sim.requests({ side: 'source' });
      expect(source.map((r) => `${r.route} ${r.status}`)).toEqual([
        'source.link.status 401',
        'source.link.status 404',
        'source.org 401',
        'source.org 200',
        'source.link.connect 401',
        'source.link.connect 201',
      ]);
      const auth = source.map((r) => String(r.headers.authorization ?? ''));
      const nc = auth.map((a) => /nc=(\d{8})/.exec(a)?.[1]);
      const nonce = auth.map((a) => /nonce="([^"]+)"/.exec(a)?.[1]);
      expect(nc).toEqual([undefined, '00000001', '00000002', '00000001', '00000002', '00000001']);
      expect(source[2].rejected).toBeDefined();
      expect(nonce[3]).not.toBe(nonce[2]);
      expect(source.filter((r) => r.rejected)).toHaveLength(2);
    } finally {
      await sim.close();
    }
  });
});

describe('answers that are not what the route declares: a clear error, never "Unexpected error"', () => {
  beforeAll(async () => {
    sim = standardSimulator();
    url = await sim.listen();
  });
  afterAll(() => sim.close());
  beforeEach(reset);

  for (const [kind, message] of [
    ['malformed', 'source: connect to Atlas with the link token: HTTP 200 with malformed JSON (16 bytes, not shown).'],
    ['empty', 'source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with an empty body.'],
    ['html', 'source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with a text/html body (136 bytes, not shown).'],
  ] as const) {
    it(`a ${kind} 200 body`, async () => {
      sim.fail('source.link.connect', { kind, status: 200 });
      const run = await runAction(sim, linkInputs(url, url));
      expect(run.code).toBe(1);
      expect(run.errors.map((e) => e.message)).toEqual([message]);
      expect(run.stdout).not.toContain('<html>');
      noStack(run);
    });
  }

  it('a null body where an object is declared', async () => {
    sim.respond('source.link.connect', { status: 201, raw: 'null', contentType: 'application/json' });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      'source: connect to Atlas with the link token: HTTP 201 with a body of an unexpected form: the answer should be an object but is null.',
    ]);
    noStack(run);
  });

  it('null and malformed availableProjects entries are left out with a warning; the link stands', async () => {
    const good = structuredClone(AVAILABLE_PROJECTS[0]);
    sim.addAtlasOrg(ATLAS_ORG_ID, {
      availableProjects: [
        null,
        { ...good, name: 42 },
        good,
        { ...good, projectId: '65f000000000000000000002', deployments: [null, { name: ['rs1'] }, { name: 'rs2', sharded: 'no' }] },
        { ...good, projectId: '65f000000000000000000003', migrationHosts: null },
      ],
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    expect(JSON.parse(run.outputs.deployments).map((d: Record<string, string>) => d['source-cluster-name'])).toEqual(['rs0']);
    expect(JSON.parse(run.outputs['available-projects']).map((p: { projectId: string }) => p.projectId)).toEqual([
      good.projectId,
      '65f000000000000000000002',
    ]);
    expect(run.warnings.map((w) => w.message)).toEqual([
      'Atlas listed a project this action cannot read, left out: the answer[0] should be an object but is null.',
      'Atlas listed a project this action cannot read, left out: the answer[1].name should be a string but is a number.',
      'Atlas listed a project this action cannot read, left out: the answer[4].migrationHosts should be an array but is null.',
    ]);
    noStack(run);
  });

  it('a null availableProjects body: a warning, and the link stands', async () => {
    sim.respond('atlas.availableProjects', { status: 200, raw: 'null', contentType: 'application/vnd.atlas.2023-01-01+json' });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    expect(run.warnings.map((w) => w.message)).toEqual([
      'List the projects Atlas can migrate failed, and the command goes on: Atlas: list the projects available for migration: HTTP 200 with a body of an unexpected form: the answer should be an array but is null.',
    ]);
    noStack(run);
  });
});

// ---------------------------------------------------------------------------------------------
// Deadlines: each attempt ends within request-timeout, whatever the proxy or server does.

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
    connections: () => sockets.size,
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
  beforeAll(async () => {
    sim = standardSimulator();
    url = await sim.listen();
  });
  afterAll(() => sim.close());
  beforeEach(reset);
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  const timedOut = (run: ActionRun, phase: string) => {
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toContain(`within 1 s (request-timeout) while ${phase}.`);
    // One attempt of 1 s, plus the time node takes to start and stop.
    expect(run.ms).toBeGreaterThanOrEqual(1000);
    expect(run.ms).toBeLessThan(2500);
  };

  it('an HTTPS proxy whose CONNECT never answers', async () => {
    const proxy = await tcpServer();
    closers.push(proxy.close);
    const run = await runAction(sim, sourceStatus('https://opsmanager.sim.test', { 'request-timeout': '1', 'max-retries': '0' }), {
      env: { HTTPS_PROXY: `http://127.0.0.1:${proxy.port}` },
    });
    timedOut(run, "the proxy's CONNECT to opsmanager.sim.test:443");
    expect(run.errors[0].message).toMatch(/^source: read the migration link status failed: no answer from opsmanager\.sim\.test within 1 s/);
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
    sim = standardSimulator();
    url = await sim.listen();
  });
  afterAll(async () => {
    pki.cleanup();
    other.cleanup();
    await sim.close();
  });
  beforeEach(reset);

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
    expect(without.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^Atlas: create the link token failed: TLS connection to localhost:\d+ refused/)]);
    expect(sim.count('atlas', 'POST')).toBe(0);
  });
});

describe('proxies', () => {
  let pki: TestPki;
  beforeAll(async () => {
    pki = makePki(['atlas.sim.test', 'opsmanager.sim.test']);
    sim = standardSimulator();
    url = await sim.listen();
  });
  afterAll(async () => {
    pki.cleanup();
    await sim.close();
  });
  beforeEach(reset);

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

  it('credentials that are not valid percent-encoding: an error naming HTTPS_PROXY, no credentials shown, nothing sent', async () => {
    const run = await runAction(sim, linkInputs(url.replace('127.0.0.1', 'localhost'), 'https://opsmanager.sim.test'), {
      env: { HTTPS_PROXY: 'http://user:50%off@proxy.invalid:1' },
    });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^HTTPS_PROXY holds a user name or password that is not valid percent-encoding/)]);
    expect(run.stdout + run.stderr + run.summary).not.toMatch(/50%|off@/);
    expect(sim.requests()).toEqual([]);
    noStack(run);
  });

  it('honours NO_PROXY (lower case too)', async () => {
    const proxy = await startConnectProxy({});
    try {
      const local = url.replace('127.0.0.1', 'localhost');
      const run = await runAction(sim, linkInputs(local, local), {
        env: { https_proxy: proxy.url, http_proxy: proxy.url, no_proxy: 'localhost' },
      });
      expect(run.code).toBe(0);
      expect(proxy.tunnels).toEqual([]);
      expect(sim.count('source', 'POST')).toBe(1);
    } finally {
      await proxy.close();
    }
  });
});
