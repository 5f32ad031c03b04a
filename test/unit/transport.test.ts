import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectionFor } from '../../src/http/connection.js';
import { DigestAuth } from '../../src/http/digest-auth.js';
import { parseRetryAfter, Transport, type RequestSpec } from '../../src/http/transport.js';
import { SourceClient } from '../../src/source-client.js';
import { ATLAS_ORG_ID, SOURCE_KEY, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';
import { makePki } from '../helpers/tls.js';

vi.mock('@actions/core', () => ({ debug: vi.fn(), info: vi.fn(), warning: vi.fn(), setSecret: vi.fn() }));

let sim: Simulator;
let url: string;
beforeEach(async () => {
  sim = standardSimulator();
  sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
  url = await sim.listen();
});
afterEach(() => sim.close());

function transport(options: Partial<ConstructorParameters<typeof Transport>[0]> = {}) {
  const waits: number[] = [];
  const t = new Transport({
    side: 'source',
    timeoutMs: 5000,
    maxRetries: 3,
    auth: new DigestAuth(SOURCE_KEY.publicKey, SOURCE_KEY.privateKey),
    connection: connectionFor(url, 5000),
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    ...options,
  });
  return { t, waits };
}

const statusSpec = (): RequestSpec => ({
  method: 'GET',
  url: `${url}/api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status`,
  operation: 'read the migration link status',
  accept: 'application/json',
});

describe('digest through the shared transport', () => {
  it('concurrent requests on one key never share a nonce count, and all pass a strict server', async () => {
    const { t } = transport();
    const replies = await Promise.all(Array.from({ length: 8 }, () => t.send(statusSpec())));
    expect(replies.map((r) => r.status)).toEqual(Array(8).fill(200));
    const counts = sim.requests.filter((r) => r.auth === 'digest').map((r) => /nc=(\w+)/.exec(String(r.headers.authorization))![1]);
    expect(new Set(counts).size).toBe(counts.length);
    expect(sim.requests.filter((r) => r.rejected)).toEqual([]);
    expect(sim.requests).toHaveLength(9);
  });

  it('renegotiates once when a reused nonce is refused, then stops on a second refusal', async () => {
    const { t } = transport();
    await t.send(statusSpec());
    sim.digest.nonces.clear();
    const ok = await t.send(statusSpec());
    expect(ok.status).toBe(200);
    sim.apiKeys.get(SOURCE_KEY.publicKey).privateKey = 'rotated';
    sim.digest.nonces.clear();
    const before = sim.requests.length;
    const refused = await t.send(statusSpec());
    expect(refused.status).toBe(401);
    expect(sim.requests.length - before).toBe(2);
  });

  it('the source client reads the status through it', async () => {
    const { t } = transport();
    expect(await new SourceClient(t, url, SOURCE_ORG_ID).status()).toBe('SYNCED');
  });
});

describe('retries', () => {
  it('backs off exponentially with jitter on 503, and honours Retry-After on 429', async () => {
    const { t, waits } = transport();
    sim.faults.push({ path: '/status', times: 2, kind: 'status', status: 503 });
    sim.faults.push({ path: '/status', times: 1, kind: 'status', status: 429, headers: { 'Retry-After': '3' } });
    const reply = await t.send(statusSpec());
    expect(reply.status).toBe(200);
    expect(waits).toEqual([750, 1500, 3125]);
  });

  it('returns the last reply with its attempt count when retries run out', async () => {
    const { t, waits } = transport({ maxRetries: 1 });
    sim.faults.push({ path: '/status', kind: 'status', status: 504 });
    const reply = await t.send(statusSpec());
    expect(reply.status).toBe(504);
    expect(reply.attempts).toBe(2);
    expect(waits).toHaveLength(1);
    expect(t.error(statusSpec(), reply).message).toBe(
      'source: read the migration link status failed after 2 attempts: HTTP 504 SIMULATED: Simulated 504.',
    );
  });

  it('max-retries 0 sends once', async () => {
    const { t } = transport({ maxRetries: 0 });
    sim.faults.push({ path: '/status', kind: 'status', status: 503 });
    expect((await t.send(statusSpec())).status).toBe(503);
    expect(sim.requests).toHaveLength(1);
  });

  it('does not retry an unknown host or a refused TLS handshake', async () => {
    const unknown = transport({ connection: connectionFor('https://no-such-host.invalid', 5000) });
    await expect(unknown.t.send({ ...statusSpec(), url: 'https://no-such-host.invalid/x' })).rejects.toThrow(
      /does not resolve \(ENOTFOUND\)/,
    );
    expect(unknown.waits).toEqual([]);

    const pki = makePki(['localhost']);
    try {
      const secure = (await sim.listen({ tls: { key: pki.key, cert: pki.cert } })).replace('127.0.0.1', 'localhost');
      const untrusted = transport({ connection: connectionFor(secure, 5000) });
      const spec = { ...statusSpec(), url: statusSpec().url.replace(url, secure) };
      await expect(untrusted.t.send(spec)).rejects.toThrow(/TLS connection to localhost:\d+ refused: .*source-ca-certificate/);
      expect(untrusted.waits).toEqual([]);
      const trusted = transport({ connection: connectionFor(secure, 5000, pki.caCert) });
      expect((await trusted.t.send(spec)).status).toBe(200);
    } finally {
      pki.cleanup();
    }
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(parseRetryAfter(inTen)).toBeGreaterThanOrEqual(9);
    expect(parseRetryAfter(inTen)).toBeLessThanOrEqual(10);
  });
});
