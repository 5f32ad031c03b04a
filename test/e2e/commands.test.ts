import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_ORG_ID, linkInputs, SERVICE_ACCOUNT, SOURCE_ORG_ID, sourceInputs, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction } from '../helpers/run-action.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  sim = standardSimulator(options);
  return sim.listen();
}

describe('link is safe to re-run', () => {
  it('re-running link on a SYNCED source creates no token, changes nothing, and costs 4 requests', async () => {
    const url = await start();
    await runAction(sim, linkInputs(url, url));
    const tokens = sim.tokensOf(ATLAS_ORG_ID);
    sim.clearRequests();
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'false' });
    expect(run.outputs['link-token']).toBeUndefined();
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual(tokens);
    expect(sim.count(undefined, 'POST')).toBe(0);
    expect(sim.requests().map((r) => `${r.route} ${r.status}`)).toEqual([
      'atlas.org 401',
      'source.link.status 401',
      'source.link.status 200',
      'atlas.availableProjects 200',
    ]);
    expect(run.lines).toContain("Create a link token in Atlas: skipped (the source already reports SYNCED and force is not 'true').");
    expect(run.summary).toContain('no token was created');
  });

  it('force relinks a SYNCED source with a new token', async () => {
    const url = await start();
    const first = sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, linkInputs(url, url, { force: 'true' }));
    expect(run.code).toBe(0);
    expect(run.outputs.changed).toBe('true');
    expect(run.outputs['link-token']).not.toBe(first);
    expect(sim.linkOf(SOURCE_ORG_ID)?.token).toBe(run.outputs['link-token']);
  });

  it('connects with a given link-token, masked before anything is printed, and needs no Atlas credentials', async () => {
    const url = await start();
    const token = sim.issueToken(ATLAS_ORG_ID, []);
    const run = await runAction(sim, sourceInputs(url, { 'link-token': token }), { secrets: [token] });
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'true' });
    const firstText = run.lines.findIndex((l) => !l.startsWith('::add-mask::'));
    expect(run.commands.find((c) => c.name === 'add-mask' && c.data === token)?.line).toBeLessThan(firstText + 1);
    // The API key inside the given token is masked too.
    const inside = JSON.parse(Buffer.from(token, 'base64').toString()).privateKey;
    expect(run.masks).toContain(inside);
    expect(sim.count('atlas')).toBe(0);
    expect(run.outputs['available-projects']).toBeUndefined();
  });
});

describe('status', () => {
  it('reads the status with GET requests only and lists the available projects (service account)', async () => {
    const url = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const inputs = {
      ...sourceInputs(url),
      command: 'status',
      'atlas-org-id': ATLAS_ORG_ID,
      'atlas-client-id': SERVICE_ACCOUNT.clientId,
      'atlas-client-secret': SERVICE_ACCOUNT.clientSecret,
      'atlas-base-url': url,
    };
    const run = await runAction(sim, inputs);
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'SYNCED', changed: 'false' });
    expect(JSON.parse(run.outputs['available-projects'])[0].name).toBe('orders');
    expect(JSON.parse(run.outputs.deployments)).toHaveLength(1);
    expect(run.summary).toContain('Deployments Atlas can migrate');
    expect(
      sim
        .requests()
        .filter((r) => r.side !== 'oauth')
        .every((r) => r.method === 'GET'),
    ).toBe(true);
    expect(sim.count('oauth', 'POST', '/revoke')).toBe(1);
  });

  it('reports UNLINKED for a source without a link, after proving the organization (3 requests)', async () => {
    const url = await start();
    const run = await runAction(sim, { ...sourceInputs(url), command: 'status' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('UNLINKED');
    expect(sim.requests().map((r) => `${r.route} ${r.status}`)).toEqual([
      'source.link.status 401',
      'source.link.status 404',
      'source.org 200',
    ]);
  });

  it('with Atlas credentials on a source that is not linked: deployments is [] (an empty matrix), not missing', async () => {
    const url = await start();
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('UNLINKED');
    expect(run.outputs.deployments).toBe('[]');
    expect(run.outputs['available-projects']).toBeUndefined();
    expect(sim.count('atlas')).toBe(0);
  });

  it('waits for SYNCED with wait-for-sync in real time, one log line a poll', async () => {
    const url = await start({ source: { syncAfterPolls: 1 } });
    const run = await runAction(sim, linkInputs(url, url, { 'wait-for-sync': '20' }));
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.lines).toContain('Connected the source organization: it reports NOT_SYNCED.');
    expect(run.lines.filter((l) => /^Waiting for SYNCED: poll 1 after 2\.\d s: SYNCED\.$/.test(l))).toHaveLength(1);
    const polls = sim.requests({ route: 'source.link.status' }).filter((r) => r.status === 200);
    expect(polls).toHaveLength(1);
    expect(polls[0].at - sim.requests({ route: 'source.link.connect' })[0].at).toBeGreaterThanOrEqual(2000);
  });
});

describe('unlink', () => {
  it('two runs in a row both succeed, changed true then false, and say what each side did', async () => {
    const url = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const inputs = { ...linkInputs(url, url), command: 'unlink' };
    const first = await runAction(sim, inputs);
    expect(first.code).toBe(0);
    expect(first.outputs).toMatchObject({ status: 'UNLINKED', changed: 'true' });
    expect(sim.linkOf(SOURCE_ORG_ID)).toBeNull();
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
    expect(first.lines).toContain(`Removed the migration link of source organization ${SOURCE_ORG_ID}.`);
    expect(first.lines).toContain(
      `Deleted the link token of Atlas organization ${ATLAS_ORG_ID} (every source linked with it is now unlinked).`,
    );
    const second = await runAction(sim, inputs);
    expect(second.code).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'UNLINKED', changed: 'false' });
    expect(second.lines).toContain(`Atlas organization ${ATLAS_ORG_ID} has no link token (already deleted).`);
    expect(sim.requests({ route: 'atlas.linkTokens.delete' }).map((r) => r.status)).toEqual([401, 204, 401, 404]);
    expect(sim.requests({ route: 'atlas.org' }).map((r) => r.status)).toEqual([200]);
  });

  it('fails with the reason while a migration is active (409)', async () => {
    const url = await start({ source: { activeMigration: true } });
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...sourceInputs(url), command: 'unlink' });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(
      /^source: remove the migration link failed: HTTP 409 CANNOT_DELETE_ORG_ACTIVE_LIVE_MIGRATION_ATLAS_ORG_LINK: .*Hint: a live migration is in progress/,
    );
  });
});

describe('dry-run', () => {
  for (const command of ['link', 'status', 'unlink']) {
    it(`${command}: prints the steps and their calls, and sends nothing`, async () => {
      const url = await start();
      const run = await runAction(sim, { ...linkInputs(url, url), command, 'dry-run': 'true' });
      expect(run.code).toBe(0);
      expect(sim.requests()).toHaveLength(0);
      expect(run.lines).toContain(`Dry run of '${command}': nothing is sent. Its steps, and the calls each would make:`);
      const host = new URL(url).host;
      const expected = {
        link: [
          `     GET ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink/status — read the migration link status`,
          `     POST ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens — create the link token`,
          "  2. Create a link token in Atlas (skipped if the source already reports SYNCED and force is not 'true')",
        ],
        status: [`     GET ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID} — read the organization (only if the call above answers 404)`],
        unlink: [
          `     DELETE ${host} /api/public/v1.0/orgs/${SOURCE_ORG_ID}/liveExport/migrationLink — remove the migration link`,
          `     DELETE ${host} /api/atlas/v2/orgs/${ATLAS_ORG_ID}/liveMigrations/linkTokens — delete the link token`,
        ],
      }[command]!;
      for (const line of expected) expect(run.lines).toContain(line);
      expect(run.summary).toContain('Planned calls (nothing was sent)');
      expect(run.outputs.changed).toBe('false');
    });
  }
});
