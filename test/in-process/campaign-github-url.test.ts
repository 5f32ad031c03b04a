// GITHUB_API_URL by the same URL rule as the base URLs, run in process against the simulator:
// plain http to loopback is taken without allow-insecure-http; plain http to a host that is not
// loopback (0.0.0.0, which reaches this machine all the same) is refused before any request
// unless allow-insecure-http is true.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, runInProcess } from '../helpers/in-process.js';
import { closeChecked } from '../helpers/scripts.js';
import {
  addCampaignWorld,
  CAMPAIGN_REPO,
  CAMPAIGN_TOKEN,
  campaignEnv,
  campaignInputs,
  campaignPlanText,
  campaignWorkspace,
} from '../simulator/campaign-fixture.js';
import { standardSimulator } from '../simulator/fixture.js';
import { GITHUB_PREFIX, type Simulator } from '../simulator/index.js';

let sim: Simulator;
let workspace: ReturnType<typeof campaignWorkspace>;
afterEach(async () => {
  workspace.remove();
  await closeChecked(sim);
});

async function world() {
  sim = standardSimulator({ plan: { validationAfterPolls: 0 } });
  addCampaignWorld(sim, ['rs0']);
  const url = await sim.listen();
  workspace = campaignWorkspace(campaignPlanText(['rs0']));
  return url;
}

const campaign = (url: string, apiUrl: string, allowInsecureHttp: 'true' | 'false') =>
  runInProcess(campaignInputs(url, { 'allow-insecure-http': allowInsecureHttp }), {
    sim,
    clock: new FakeClock(),
    env: { ...campaignEnv(url, workspace.dir), GITHUB_API_URL: apiUrl },
    secrets: [CAMPAIGN_TOKEN],
  });

describe('GITHUB_API_URL over plain http', () => {
  it('to loopback: taken without allow-insecure-http', async () => {
    const url = await world();
    expect(new URL(url).hostname).toMatch(/^(127\.|localhost$|\[::1\]$)/);
    const run = await campaign(url, `${url}${GITHUB_PREFIX}`, 'false');
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(sim.github.file(CAMPAIGN_REPO, 'live-migration-state', 'orders.json')).not.toBeNull();
  });

  it('to a host that is not loopback: refused without allow-insecure-http, naming GITHUB_API_URL, with no request', async () => {
    const url = await world();
    const remote = `http://0.0.0.0:${new URL(url).port}${GITHUB_PREFIX}`;
    const run = await campaign(url, remote, 'false');
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^Input 'GITHUB_API_URL': the environment variable uses plain http:\/\/ to a host that is not loopback \("0\.0\.0\.0"\): github-token would cross/,
      ),
    ]);
    expect(sim.requests()).toEqual([]);
  });

  it('to a host that is not loopback: taken with allow-insecure-http: true', async () => {
    const url = await world();
    const remote = `http://0.0.0.0:${new URL(url).port}${GITHUB_PREFIX}`;
    const run = await campaign(url, remote, 'true');
    expect(run.code, run.errors.map((e) => e.message).join()).toBe(0);
    expect(sim.requests({ side: 'github' }).length).toBeGreaterThan(0);
    expect(sim.github.file(CAMPAIGN_REPO, 'live-migration-state', 'orders.json')).not.toBeNull();
  });
});
