// wait-for-sync on a fake clock shared with the simulator: many polls, no real waiting.
import { afterEach, describe, expect, it } from 'vitest';
import { closeChecked } from '../helpers/scripts.js';
import { ATLAS_ORG_ID, linkInputs, SOURCE_ORG_ID, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { FakeClock, runInProcess } from '../helpers/in-process.js';

let sim: Simulator;
afterEach(() => closeChecked(sim));

async function start() {
  const clock = new FakeClock();
  sim = standardSimulator({ clock });
  return { url: await sim.listen(), clock };
}

describe('wait-for-sync', () => {
  it('on an unlinked source: every poll reads 404, and the organization is proven once, not once a poll', async () => {
    const { url, clock } = await start();
    const run = await runInProcess({ ...linkInputs(url, url), command: 'status', 'wait-for-sync': '60' }, { clock, sim });
    expect(run.code).toBe(1);
    expect(run.errors[0].message).toBe(
      'source: the link did not reach SYNCED within 60 s (wait-for-sync); the last status read was UNLINKED.',
    );
    // The first read, then one poll after each pause.
    const polls = sim.requests({ route: 'source.link.status' }).filter((r) => r.auth !== 'none');
    expect(polls.map((r) => r.status)).toEqual(Array(clock.sleeps.length + 1).fill(404));
    expect(sim.requests({ route: 'source.org' })).toHaveLength(1);
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBe(60_000);
  });

  it('a status MongoDB added later is warned about once, however often it is read', async () => {
    const { url, clock } = await start();
    sim.linkSource(SOURCE_ORG_ID, ATLAS_ORG_ID);
    sim.setStatus(SOURCE_ORG_ID, 'DEGRADED');
    const run = await runInProcess({ ...linkInputs(url, url), command: 'status', 'wait-for-sync': '120' }, { clock, sim });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('DEGRADED');
    expect(sim.requests({ route: 'source.link.status' }).filter((r) => r.auth !== 'none')).toHaveLength(clock.sleeps.length + 1);
    expect(clock.sleeps.length).toBeGreaterThan(5);
    expect(run.warnings.filter((w) => w.message.includes('"DEGRADED"'))).toHaveLength(1);
  });
});
