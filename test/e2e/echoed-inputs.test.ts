// Issue 18 item 7, through dist/index.js: an IPv4-mapped range that opens the link token to every
// IPv4 address is refused like 0.0.0.0/0, and a 120 KB bad entry is echoed cut like every other value.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { linkInputs, resetStandardWorld, standardSimulator } from '../simulator/fixture.js';
import type { Simulator } from '../simulator/index.js';
import { expectScriptsUsed } from '../helpers/scripts.js';
import { runAction } from '../helpers/transport-world.js';

let sim: Simulator;
let url: string;
beforeAll(async () => {
  sim = standardSimulator();
  url = await sim.listen();
});
afterAll(() => sim.close());
beforeEach(() => resetStandardWorld(sim));
afterEach(() => expectScriptsUsed(sim));

describe('access-list-ips values, refused and echoed', () => {
  it('::ffff:0.0.0.0/96 (every IPv4 address) is refused like 0.0.0.0/0, before anything is sent', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': '::ffff:0.0.0.0/96' }));
    expect(run.code).toBe(1);
    expect(run.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /^Input 'access-list-ips': opens the link token to most of the Internet: ::ffff:0\.0\.0\.0\/96 covers 100% of IPv4\./,
      ),
    ]);
    expect(sim.requests()).toEqual([]);
  });

  it('a 120 KB bad entry: the error, the log and the summary show 64 characters of it and a count', async () => {
    const run = await runAction(sim, linkInputs(url, url, { 'access-list-ips': `203.0.113.7 bad.${'q'.repeat(120_000)}` }));
    expect(run.code).toBe(1);
    expect(run.errors).toHaveLength(1);
    expect(run.errors[0].message).toBe(
      `Input 'access-list-ips': this entry is not an IPv4/IPv6 address or CIDR block: "bad.${'q'.repeat(60)}… (119940 more characters)". ` +
        'Expected entries such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32, separated by commas, spaces or new lines.',
    );
    expect(run.stdout).not.toContain('q'.repeat(61));
    expect(run.summary).not.toContain('q'.repeat(61));
    expect(sim.requests()).toEqual([]);
  });
});
