import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_ORG_ID, linkInputs, SOURCE_KEY, SOURCE_ORG_ID, standardSimulator, withServiceAccount } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { runAction, type ActionRun } from '../helpers/run-action.js';

// One mistyped digit: a valid id of an organization nobody here can see.
const TYPO_SOURCE = SOURCE_ORG_ID.replace(/f$/, 'e');
const TYPO_ATLAS = ATLAS_ORG_ID.replace(/e$/, 'f');
const OTHER_SOURCE = '7b8c9d0e1f2a3b4c5d6e7f80';

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function start(options?: Parameters<typeof standardSimulator>[0]) {
  sim = standardSimulator(options);
  return sim.listen();
}

/** Only unauthenticated challenges, nothing that could change Atlas. */
const atlasUntouched = () => expect(sim.requests({ side: 'atlas' }).filter((r) => r.method !== 'GET' || r.auth !== 'none')).toEqual([]);

/** The summary tells the whole story of a failure: what failed, with the input named, and what to do next. */
function expectFailureReport(run: ActionRun, failedStep: string, input: string, changed: 'true' | 'false') {
  expect(run.code).toBe(1);
  expect(run.summary).toMatch(/<p>❌ Failed: /);
  expect(run.summary).toContain(`<td>${failedStep}</td><td>❌ failed</td>`);
  expect(run.summary).toContain(input);
  expect(run.summary).toContain('<h3>Next</h3>');
  expect(run.outputs.changed).toBe(changed);
}

describe('a wrong source-org-id is an error, never "no link"', () => {
  for (const [what, orgId, arrange] of [
    ['an organization that does not exist', TYPO_SOURCE, () => {}],
    ['an organization the key does not belong to', OTHER_SOURCE, () => sim.addSourceOrg(OTHER_SOURCE)],
  ] as const) {
    it(`status: ${what}`, async () => {
      const url = await start();
      arrange();
      const run = await runAction(sim, { ...linkInputs(url, url, { 'source-org-id': orgId }), command: 'status' });
      expect(run.errors.map((e) => e.message)).toEqual([
        `source: read the migration link status failed: HTTP 404 ORG_NOT_FOUND: No organization with ID ${orgId} exists. ` +
          `The source organization ${orgId} named by source-org-id could not be read either (HTTP 404 ORG_NOT_FOUND). ` +
          'Hint: check source-org-id for a typo, and that the source API key belongs to that organization.',
      ]);
      expect(run.outputs.status).toBeUndefined();
      expectFailureReport(run, 'Read the source&#39;s link status', 'source-org-id', 'false');
    });
  }

  it('link: fails before any token exists; Atlas sees only the unauthenticated challenge', async () => {
    const url = await start();
    const run = await runAction(sim, linkInputs(url, url, { 'source-org-id': TYPO_SOURCE }));
    expect(run.errors[0].message).toContain('named by source-org-id could not be read either');
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
    expect(sim.requests({ side: 'atlas' }).map((r) => `${r.method} ${r.status} ${r.auth}`)).toEqual(['GET 401 none']);
    expectFailureReport(run, 'Read the source&#39;s link status', 'source-org-id', 'false');
    expect(run.summary).toContain('<td>Create a link token in Atlas</td><td>⏹️ not attempted</td>');
    expect(run.summary).toContain('Nothing was created or changed.');
    expect(run.outputs).toMatchObject({ changed: 'false' });
    expect(run.outputs['link-token']).toBeUndefined();
  });

  it('link with a service account: no token, and the OAuth token is still revoked', async () => {
    const url = await start();
    const run = await runAction(sim, withServiceAccount(linkInputs(url, url, { 'source-org-id': TYPO_SOURCE })));
    expect(run.code).toBe(1);
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([]);
    // The token fetched alongside the source read is revoked: Atlas is left as it was.
    expect(sim.accessTokens()).toEqual([expect.objectContaining({ revoked: true })]);
  });

  it('unlink: fails naming source-org-id and never touches Atlas (the real source stays linked)', async () => {
    const url = await start();
    const token = sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...linkInputs(url, url, { 'source-org-id': TYPO_SOURCE }), command: 'unlink' });
    expect(run.errors[0].message).toMatch(
      /^source: remove the migration link failed: HTTP 404 ORG_NOT_FOUND: .*named by source-org-id could not be read either/,
    );
    expect(sim.tokensOf(ATLAS_ORG_ID)).toEqual([token]);
    expect(sim.linkOf(SOURCE_ORG_ID)?.status).toBe('SYNCED');
    atlasUntouched();
    expectFailureReport(run, 'Remove the source&#39;s migration link', 'source-org-id', 'false');
    expect(run.summary).toContain('<td>Delete the Atlas organization&#39;s link token</td><td>⏹️ not attempted</td>');
    expect(run.summary).toContain('Atlas is never touched when the source side fails');
  });
});

describe('an organization read that fails for its own reasons blames no input', () => {
  it('a 503 on the proof: the step fails with that error, not "check source-org-id for a typo"', async () => {
    const url = await start();
    sim.fail('source.org', { kind: 'status', status: 503, times: Infinity });
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status', 'max-retries': '0' });
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual(['source: read the organization failed: HTTP 503 SIMULATED: Simulated 503.']);
    expect(run.outputs.status).toBeUndefined();
  });
});

describe('a wrong atlas-org-id is an error too', () => {
  it('unlink: the source link is removed, the Atlas delete fails naming atlas-org-id, and the summary says both', async () => {
    const url = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...linkInputs(url, url, { 'atlas-org-id': TYPO_ATLAS }), command: 'unlink' });
    expect(run.errors[0].message).toBe(
      `Atlas: delete the link token failed: HTTP 404 RESOURCE_NOT_FOUND: Cannot find resource organization ${TYPO_ATLAS}. ` +
        `The Atlas organization ${TYPO_ATLAS} named by atlas-org-id could not be read either (HTTP 404 RESOURCE_NOT_FOUND). ` +
        'Hint: check atlas-org-id for a typo, and that the Atlas API key or service account belongs to that organization.',
    );
    expect(sim.linkOf(SOURCE_ORG_ID)).toBeNull();
    expect(sim.tokensOf(ATLAS_ORG_ID)).toHaveLength(1);
    expectFailureReport(run, 'Delete the Atlas organization&#39;s link token', 'atlas-org-id', 'true');
    expect(run.summary).toContain('<td>Source link</td><td>removed the link</td>');
    expect(run.summary).toContain('re-run unlink; the source side will report it already removed');
    expect(run.outputs).toMatchObject({ changed: 'true', status: 'UNLINKED' });
  });

  it('status with Atlas credentials: the link status is read, then the projects read fails naming atlas-org-id', async () => {
    const url = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    const run = await runAction(sim, { ...linkInputs(url, url, { 'atlas-org-id': TYPO_ATLAS }), command: 'status' });
    expect(run.errors[0].message).toMatch(
      /^Atlas: list the projects available for migration failed: HTTP 404 .*named by atlas-org-id could not be read either/,
    );
    expectFailureReport(run, 'List the projects Atlas can migrate', 'atlas-org-id', 'false');
    expect(run.outputs.status).toBe('SYNCED');
    expect(run.outputs.deployments).toBe('[]');
  });
});

describe('a genuinely unlinked source reads as not linked (UNLINKED or NOT_SYNCED, as MongoDB answers), and links', () => {
  for (const noLinkAnswer of ['not-found', 'not-synced'] as const) {
    it(`when "no link" is answered ${noLinkAnswer === 'not-found' ? '404' : '200 NOT_SYNCED'}`, async () => {
      const url = await start({ source: { noLinkAnswer } });
      const status = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
      expect(status.code).toBe(0);
      expect(status.outputs.status).toBe(noLinkAnswer === 'not-found' ? 'UNLINKED' : 'NOT_SYNCED');
      const link = await runAction(sim, linkInputs(url, url));
      expect(link.code).toBe(0);
      expect(link.outputs.status).toBe('SYNCED');
    });
  }
});

describe('a failed step still tells the whole story', () => {
  it('connect fails after the token was created: link-token and changed=true are set, and the summary says what to do', async () => {
    const url = await start();
    sim.fail('source.link.connect', {
      kind: 'status',
      status: 400,
      body: { error: 400, errorCode: 'INVALID_LINK_TOKEN', detail: 'Rejected.' },
    });
    const run = await runAction(sim, linkInputs(url, url));
    expect(run.code).toBe(1);
    const token = sim.tokensOf(ATLAS_ORG_ID)[0];
    expect(run.outputs['link-token']).toBe(token);
    expect(run.outputs.changed).toBe('true');
    expect(run.summary).toContain('<td>Create a link token in Atlas</td><td>✅ done</td>');
    expect(run.summary).toContain('<td>Connect the source organization with the link token</td><td>❌ failed</td>');
    expect(run.summary).toContain(`A link token was created in Atlas organization ${ATLAS_ORG_ID} but not used`);
    expect(run.summary).toContain('re-run link with that token as link-token');
    expect(run.summary).toContain('which also breaks the link of any other source organization linked with it');
  });

  it('bad inputs: a summary naming each input, and no request', async () => {
    const url = await start();
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-org-id': 'nope', force: 'maybe' }));
    expect(run.code).toBe(1);
    expect(sim.requests()).toEqual([]);
    expect(run.summary).toContain('Failed: invalid inputs; nothing was sent');
    expect(run.summary).toContain('Input &#39;atlas-org-id&#39;');
    expect(run.summary).toContain('Input &#39;force&#39;');
    expect(run.outputs).toEqual({ changed: 'false' });
  });
});

describe('answers MongoDB may give that we have not seen', () => {
  it('an unknown link status is passed through, treated as not synced, with a warning', async () => {
    const url = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.setStatus(SOURCE_ORG_ID, 'DEGRADED');
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('DEGRADED');
    expect(run.warnings.map((w) => w.message)).toContain(
      'The source reports the link status "DEGRADED", which this action does not know; it is treated as not synced.',
    );
    expect(sim.count('atlas', 'GET', '/availableProjects')).toBe(0);
    // link does not take it for SYNCED: it connects.
    const link = await runAction(sim, linkInputs(url, url));
    expect(link.code).toBe(0);
    expect(sim.count('source', 'POST')).toBe(1);
  });

  it('Atlas for Government is refused before any call', async () => {
    const url = await start();
    const run = await runAction(sim, linkInputs('https://cloud.mongodbgov.com', url));
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toMatch(/^Input 'atlas-base-url': cloud\.mongodbgov\.com is Atlas for Government/);
    expect(sim.requests()).toEqual([]);
  });

  it('a valid source key of another organization: ours reads as not found to it, and the error names source-org-id', async () => {
    const url = await start();
    sim.addSourceOrg(OTHER_SOURCE);
    sim.addApiKey('otherpub', SOURCE_KEY.privateKey.replace(/c$/, 'd'), OTHER_SOURCE);
    const run = await runAction(
      sim,
      {
        ...linkInputs(url, url, { 'source-public-key': 'otherpub', 'source-private-key': SOURCE_KEY.privateKey.replace(/c$/, 'd') }),
        command: 'status',
      },
      { secrets: [SOURCE_KEY.privateKey.replace(/c$/, 'd')] },
    );
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toContain('named by source-org-id could not be read either');
    // The key itself is good: its requests are accepted, and the organization answers 404 to it.
    expect(sim.requests({ route: 'source.org' }).map((r) => `${r.auth} ${r.status}`)).toEqual(['digest 404']);
  });
});
