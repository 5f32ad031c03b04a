// The transport through the bundle, in real time, one run per behaviour: retries and what is
// never retried, stale digest nonces, and bodies that are not what a route declares. Deadlines,
// TLS and proxies are in network.test.ts (split so that the two run side by side).
//
// Set ACTION_BUNDLE to run these against another build (say, the one before the fix).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ATLAS_ORG_ID, AVAILABLE_PROJECTS, linkInputs, resetStandardWorld, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { expectScriptsUsed } from '../helpers/scripts.js';
import { noStack, runAction, sourceStatus } from '../helpers/transport-world.js';

let sim: Simulator;
let url: string;

const tries = (route: string) => sim.requests({ route }).filter((r) => r.auth !== 'none' || r.status !== 401);
const reset = () => resetStandardWorld(sim);
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());
beforeEach(reset);
afterEach(() => expectScriptsUsed(sim));

describe('retries', () => {
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
  });

  it('gets through a connection reset', async () => {
    sim.fail('source.link.connect', { kind: 'reset' });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const connect = sim.requests({ route: 'source.link.connect' });
    expect(connect.map((r) => r.status)).toEqual([-1, 201]);
    expect(connect[1].at - connect[0].at).toBeGreaterThanOrEqual(500);
    expect(run.lines).toContainEqual(
      expect.stringMatching(
        /^source: connect to Atlas with the link token: connection to 127\.0\.0\.1:\d+ was reset \(ECONNRESET\); retry 1 of 3/,
      ),
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
    // Past the 1 s deadline, and nowhere near the minute the hang lasts.
    expect(run.ms).toBeGreaterThan(1000);
    expect(run.ms).toBeLessThan(10_000);
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
    // Not the 120 s asked for.
    expect(run.ms).toBeLessThan(10_000);
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
  const STALE = 'nonce expired';
  it('renegotiates once on each stale=true answer, and starts each new nonce at count 1', async () => {
    const stale = standardSimulator({ nonceStaleAfterUses: 1 });
    const staleUrl = await stale.listen();
    try {
      const run = await runAction(stale, linkInputs(staleUrl, staleUrl));
      expect(run.code).toBe(0);
      const source = stale.requests({ side: 'source' });
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
      // Each stale answer is to a used-up nonce, and the request after it carries a new one.
      expect(source.map((r) => r.rejected)).toEqual([undefined, undefined, STALE, undefined, STALE, undefined]);
      expect(nonce[3]).not.toBe(nonce[2]);
      expect(nonce[5]).not.toBe(nonce[4]);
    } finally {
      await stale.close();
    }
  });
});

describe('answers that are not what the route declares: a clear error, never "Unexpected error"', () => {
  for (const [kind, message] of [
    ['malformed', 'source: connect to Atlas with the link token: HTTP 200 with malformed JSON (16 bytes, not shown).'],
    ['empty', 'source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with an empty body.'],
    [
      'html',
      'source: connect to Atlas with the link token: expected a JSON body but got HTTP 200 with a text/html body (136 bytes, not shown).',
    ],
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

  it('null and malformed availableProjects entries are left out with a warning; missing lists read as empty; the link stands', async () => {
    const good = structuredClone(AVAILABLE_PROJECTS[0]);
    sim.addAtlasOrg(ATLAS_ORG_ID, {
      availableProjects: [
        null,
        { ...good, name: 42 },
        good,
        { ...good, projectId: '65f000000000000000000002', deployments: [null, { name: ['rs1'] }, { name: 'rs2', sharded: 'no' }] },
        { ...good, projectId: '65f000000000000000000003', migrationHosts: null },
        { ...good, projectId: '65f000000000000000000004', name: 'extra', migrationHosts: ['mh-9.example.net'] },
        { ...good, projectId: '65f000000000000000000005', deployments: [{ name: 42 }] },
      ],
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    const deployments = JSON.parse(run.outputs.deployments) as Array<Record<string, string>>;
    expect(deployments.map((d) => `${d['source-project-id']} ${d['source-cluster-name']} ${d['migration-host'] ?? '(no host)'}`)).toEqual([
      `${good.projectId} rs0 mh-1.example.net`,
      '65f000000000000000000003 rs0 (no host)',
      '65f000000000000000000004 rs0 mh-9.example.net',
    ]);
    expect(JSON.parse(run.outputs['available-projects']).map((p: { projectId: string }) => p.projectId)).toEqual([
      good.projectId,
      '65f000000000000000000002',
      '65f000000000000000000003',
      '65f000000000000000000004',
      '65f000000000000000000005',
    ]);
    // Five entries cannot be read: five warnings, then a count of the rest.
    expect(run.warnings.map((w) => w.message).filter((m) => m.startsWith('Atlas listed'))).toEqual([
      'Atlas listed a project this action cannot read, left out: the answer[0] should be an object but is null.',
      'Atlas listed a project this action cannot read, left out: the answer[1].name should be a string but is a number.',
      'Atlas listed a deployment of project 65f000000000000000000002 this action cannot read, left out: the answer[3].deployments[0] should be an object but is null.',
      'Atlas listed a deployment of project 65f000000000000000000002 this action cannot read, left out: the answer[3].deployments[1].name should be a string but is an array of 1.',
      'Atlas listed a deployment of project 65f000000000000000000002 this action cannot read, left out: the answer[3].deployments[2].sharded should be true or false but is a string of 2 characters.',
    ]);
    expect(run.lines).toContain('… and 1 more entries left out.');
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
