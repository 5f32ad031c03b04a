import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATLAS_KEY, ATLAS_ORG_ID, linkInputs, SERVICE_ACCOUNT, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/simulator.js';
import { expectNoLeak, runAction, type ActionRun } from '../helpers/run-action.js';

let sim: Simulator;
let url: string;
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());

describe('bad input: one annotation naming the input, exit 1, no request', () => {
  const pastedKey = '3c59dc04-8fd5-4b1e-9a2c-7d8e9f0a1b2c';
  const rows: Array<[string, Record<string, string>, string]> = [
    ['org id', { 'atlas-org-id': '5f1a2b3c' }, 'atlas-org-id'],
    ['private key pasted in an org id', { 'source-org-id': pastedKey }, 'source-org-id'],
    ['IP', { 'access-list-ips': '203.0.113.7, 10.0.0.0/40' }, 'access-list-ips'],
    ['http to a remote host', { 'source-base-url': 'http://opsmanager.example.com:8080' }, 'source-base-url'],
    ['user info in a URL', { 'atlas-base-url': 'https://me:pw@cloud.mongodb.com' }, 'atlas-base-url'],
    ['query in a URL', { 'source-base-url': 'https://opsmanager.example.com:8443/?envelope=true' }, 'source-base-url'],
    ['path in a URL', { 'source-base-url': 'https://opsmanager.example.com:8443/api/public/v1.0' }, 'source-base-url'],
    ['relative URL', { 'atlas-base-url': 'cloud.mongodb.com' }, 'atlas-base-url'],
    ['API version', { 'atlas-api-version': '2023-10' }, 'atlas-api-version'],
    ['boolean', { 'dry-run': 'yes' }, 'dry-run'],
    ['number', { 'wait-for-sync': 'ten' }, 'wait-for-sync'],
    ['command', { command: 'delete' }, 'command'],
    ['half a credential pair', { 'atlas-private-key': '' }, 'atlas-private-key'],
    [
      'both Atlas credential kinds',
      { 'atlas-client-id': SERVICE_ACCOUNT.clientId, 'atlas-client-secret': SERVICE_ACCOUNT.clientSecret },
      'atlas-client-id',
    ],
    ['missing source key', { 'source-public-key': '' }, 'source-public-key'],
    ['CA that is not PEM', { 'source-ca-certificate': 'ca.pem' }, 'source-ca-certificate'],
  ];
  for (const [name, extra, input] of rows) {
    it(name, async () => {
      const before = sim.requests.length;
      const run = await runAction(sim, linkInputs(url, url, extra), { secrets: [pastedKey] });
      expect(run.code).toBe(1);
      expect(run.errors).toHaveLength(1);
      expect(run.errors[0]).toMatch(new RegExp(`^Input '${input}': `));
      expect(sim.requests.length).toBe(before);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a private key pasted into atlas-org-id is masked before anything and never printed', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'atlas-org-id': pastedKey }), { secrets: [pastedKey] });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`::add-mask::${pastedKey}`);
    expect(run.stdout.replace(`::add-mask::${pastedKey}`, '')).not.toContain(pastedKey);
    expect(run.errors[0]).toContain('a value of 36 characters (not shown)');
  });
});

describe('secrets never leak, with debug logging on', () => {
  it('debug logging is really on in these runs', async () => {
    const run = await runAction(sim, { ...linkInputs(url, url), command: 'status' });
    expect(run.stdout).toMatch(/^::debug::source: GET /m);
  });

  it('a token echoed back in a server error is masked before it is printed', async () => {
    const local = standardSimulator();
    const localUrl = await local.listen();
    try {
      const original = local.source.bind(local);
      local.source = (req, u, body, principal) => {
        if (req.method === 'POST') {
          const token = JSON.parse(body).linkToken;
          return {
            status: 400,
            body: { error: 400, errorCode: 'INVALID_LINK_TOKEN', detail: `Token ${token} is not valid.` },
            headers: {},
          };
        }
        return original(req, u, body, principal);
      };
      const run = await runAction(local, linkInputs(localUrl, localUrl));
      expect(run.code).toBe(1);
      const token = [...local.linkTokens.keys()][0];
      expect(run.errors[0]).toContain(token);
      const lines = run.stdout.split('\n');
      expect(lines.indexOf(`::add-mask::${token}`)).toBeLessThan(lines.findIndex((l) => l.startsWith('::error::')));
    } finally {
      await local.close();
    }
  });

  it('the leak check itself fails on a secret printed before its mask', () => {
    const leaky: ActionRun = {
      code: 0,
      stdout: `hello ${ATLAS_KEY.privateKey}\n::add-mask::${ATLAS_KEY.privateKey}\n`,
      stderr: '',
      outputs: {},
      summary: '',
      ms: 0,
      errors: [],
      warnings: [],
      notices: [],
    };
    expect(() => expectNoLeak(leaky, [ATLAS_KEY.privateKey])).toThrow(/without ::add-mask:: first/);
    const inSummary = { ...leaky, stdout: '', summary: ATLAS_KEY.privateKey };
    expect(() => expectNoLeak(inSummary, [ATLAS_KEY.privateKey])).toThrow(/job summary/);
  });

  it('every failure path in one sweep leaks nothing (each run is checked by runAction)', async () => {
    const local = standardSimulator();
    const localUrl = await local.listen();
    try {
      local.preLink(SOURCE_ORG_ID, ATLAS_ORG_ID);
      const sa = {
        'atlas-public-key': '',
        'atlas-private-key': '',
        'atlas-client-id': SERVICE_ACCOUNT.clientId,
        'atlas-client-secret': SERVICE_ACCOUNT.clientSecret,
      };
      const scenarios: Array<[Record<string, string>, () => void]> = [
        [{ force: 'true' }, () => {}],
        [{ force: 'true', ...sa }, () => {}],
        [{ force: 'true', 'atlas-private-key': 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee' }, () => {}],
        [{ force: 'true', 'max-retries': '0' }, () => local.faults.push({ path: '/linkTokens', times: 1, kind: 'status', status: 500 })],
        [{ force: 'true', 'max-retries': '0' }, () => local.faults.push({ path: '/migrationLink', times: 1, kind: 'html', status: 502 })],
        [
          { force: 'true', ...sa, 'max-retries': '0', 'request-timeout': '1' },
          () => local.faults.push({ path: '/oauth/token', times: 1, kind: 'hang' }),
        ],
        [
          { force: 'true', ...sa, 'max-retries': '0' },
          () => local.faults.push({ path: '/oauth/token', times: 1, kind: 'malformed', status: 200 }),
        ],
        [{ command: 'unlink', ...sa }, () => {}],
        [{ command: 'status', 'dry-run': 'true', ...sa }, () => {}],
      ];
      const codes = [];
      for (const [extra, arrange] of scenarios) {
        arrange();
        const run = await runAction(local, linkInputs(localUrl, localUrl, extra), { secrets: ['aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'] });
        codes.push(run.code);
      }
      expect(codes).toEqual([0, 0, 1, 1, 1, 1, 1, 0, 0]);
      expect(local.requests.filter((r) => r.path.endsWith('/linkTokens') && r.status === 201).length).toBeGreaterThanOrEqual(2);
      expect(local.accessTokens.size).toBeGreaterThanOrEqual(2);
    } finally {
      await local.close();
    }
  });
});
