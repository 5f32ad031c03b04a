import { afterEach, describe, expect, it } from 'vitest';
import { ATLAS_ORG_ID, linkInputs, SERVICE_ACCOUNT, SOURCE_KEY, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';
import { runAction } from '../helpers/run-action.js';

let sim: Simulator;
afterEach(() => sim?.close());

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  sim = standardSimulator(options);
  return sim.listen();
}

const sourceOnly = (url: string, extra: Record<string, string> = {}) => ({
  'source-org-id': SOURCE_ORG_ID,
  'source-public-key': SOURCE_KEY.publicKey,
  'source-private-key': SOURCE_KEY.privateKey,
  'source-base-url': url,
  ...extra,
});

describe('link is safe to re-run', () => {
  it('a link on a fresh source costs 5 requests for the link (Atlas 2, source 3)', async () => {
    const url = await start();
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    const sequence = (side: string) => sim.requests.filter((r) => r.side === side).map((r) => `${r.method} ${r.status}`);
    expect(sequence('source')).toEqual(['GET 401', 'GET 404', 'POST 201']);
    // The Atlas challenge (a GET) overlaps the source's status read; then the token; and once
    // SYNCED, one more read for available-projects, not part of the link itself.
    expect(sequence('atlas')).toEqual(['GET 401', 'POST 201', 'GET 200']);
    const connect = sim.requests.find((r) => r.method === 'POST' && r.side === 'source')!;
    const create = sim.requests.find((r) => r.method === 'POST' && r.side === 'atlas')!;
    expect(create.at).toBeLessThanOrEqual(connect.at);
  });

  it('re-running link on a SYNCED source creates no token and changes nothing', async () => {
    const url = await start();
    await runAction(sim, linkInputs(url, url));
    const tokens = sim.linkTokens.size;
    sim.requests.length = 0;
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs['link-token']).toBeUndefined();
    expect(sim.linkTokens.size).toBe(tokens);
    expect(sim.count('atlas', 'POST')).toBe(0);
    expect(sim.count('source', 'POST')).toBe(0);
    expect(run.stdout).toContain('Already SYNCED: no token created');
    expect(run.summary).toContain('no token was created');
  });

  it('force relinks a SYNCED source with a new token', async () => {
    const url = await start();
    const first = sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, linkInputs(url, url, { force: 'true' }));
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['link-token']).not.toBe(first);
    expect(sim.sourceOrgs.get(SOURCE_ORG_ID).link.token).toBe(run.outputs['link-token']);
  });

  it('connects with a given link-token and needs no Atlas credentials', async () => {
    const url = await start();
    const token = sim.issueToken(ATLAS_ORG_ID, []);
    const run = await runAction(sim, sourceOnly(url, { 'link-token': token }), { secrets: [token] });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.outputs.changed).toBe('true');
    const lines = run.stdout.split('\n');
    const firstOther = lines.findIndex((l) => !l.startsWith('::add-mask::'));
    expect(lines.indexOf(`::add-mask::${token}`)).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf(`::add-mask::${token}`)).toBeLessThan(firstOther);
    expect(sim.count('atlas')).toBe(0);
    expect(run.outputs['available-projects']).toBeUndefined();
  });
});

describe('status', () => {
  it('reads the status with GET requests only and lists available projects', async () => {
    const url = await start();
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const inputs = {
      ...sourceOnly(url),
      command: 'status',
      'atlas-org-id': ATLAS_ORG_ID,
      'atlas-client-id': SERVICE_ACCOUNT.clientId,
      'atlas-client-secret': SERVICE_ACCOUNT.clientSecret,
      'atlas-base-url': url,
    };
    const run = await runAction(sim, inputs);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.outputs.changed).toBe('false');
    expect(JSON.parse(run.outputs['available-projects'])[0].name).toBe('orders');
    expect(run.summary).toContain('Projects available for migration');
    expect(sim.requests.filter((r) => r.side !== 'oauth').every((r) => r.method === 'GET')).toBe(true);
    expect(sim.count('oauth', 'POST', '/revoke')).toBe(1);
  });

  it('reports UNLINKED for a source without a link', async () => {
    const url = await start();
    const run = await runAction(sim, { ...sourceOnly(url), command: 'status' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('UNLINKED');
  });

  it('waits for SYNCED with wait-for-sync, one log line a poll', async () => {
    const url = await start({ source: { syncAfterPolls: 2 } });
    const run = await runAction(sim, linkInputs(url, url, { 'wait-for-sync': '20' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.stdout).toMatch(/Connected the source organization: it reports NOT_SYNCED\./);
    expect(run.stdout.match(/Waiting for SYNCED: poll \d+ after [\d.]+ s: \w+\./g)).toHaveLength(2);
    expect(run.ms).toBeGreaterThan(2000 + 3000 - 500);
  });

  it('fails a wait-for-sync of 4 s on a source that never syncs, in under 10 s, naming the status', async () => {
    const url = await start({ source: { neverSyncs: true } });
    const run = await runAction(sim, linkInputs(url, url, { 'wait-for-sync': '4' }));
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['source: the link did not reach SYNCED within 4 s (wait-for-sync); the last status read was NOT_SYNCED.']);
    expect(run.outputs.status).toBe('NOT_SYNCED');
    expect(run.ms).toBeLessThan(10_000);
    expect(run.ms).toBeGreaterThan(3_900);
  });
});

describe('unlink', () => {
  it('two runs in a row both succeed, changed true then false', async () => {
    const url = await start();
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const inputs = { ...linkInputs(url, url), command: 'unlink' };
    const first = await runAction(sim, inputs);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ status: 'UNLINKED', changed: 'true' });
    expect(sim.sourceOrgs.get(SOURCE_ORG_ID).link).toBeNull();
    expect(sim.atlasOrgs.get(ATLAS_ORG_ID).tokens.size).toBe(0);
    const second = await runAction(sim, inputs);
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'UNLINKED', changed: 'false' });
    expect(second.stdout).toContain('Atlas has no link token (already deleted).');
    const atlasDeletes = sim.requests.filter((r) => r.side === 'atlas' && r.method === 'DELETE' && r.status === 404);
    expect(atlasDeletes).toHaveLength(1);
  });

  it('fails with the reason while a migration is active (409)', async () => {
    const url = await start({ source: { activeMigration: true } });
    sim.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...sourceOnly(url), command: 'unlink' });
    expect(run.code).toBe(1);
    expect(run.errors[0]).toMatch(
      /^source: remove the migration link failed: HTTP 409 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK: .*Hint: a live migration is in progress/,
    );
  });
});

describe('dry-run', () => {
  for (const command of ['link', 'status', 'unlink']) {
    it(`${command}: prints the plan and sends nothing`, async () => {
      const url = await start();
      const run = await runAction(sim, { ...linkInputs(url, url), command, 'dry-run': 'true' });
      expect(run.code).toBe(0);
      expect(sim.requests).toHaveLength(0);
      expect(run.stdout).toContain(`Dry run of '${command}': nothing is sent.`);
      const host = new URL(url).host;
      const expected = {
        link: [
          `GET ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status`,
          `POST ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens`,
        ],
        status: [`GET ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status`],
        unlink: [
          `DELETE ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink:`,
          `DELETE ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens`,
        ],
      }[command]!;
      for (const line of expected) expect(run.stdout).toContain(line);
      expect(run.summary).toContain('Planned calls (nothing was sent)');
      expect(run.outputs.changed).toBe('false');
    });
  }
});
