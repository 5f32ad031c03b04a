import { describe, expect, it, vi } from 'vitest';
import { parseAccessList } from '../../src/access-list.js';
import { SyncTimeoutError } from '../../src/errors.js';
import type { SourceClient, SourceLinkState } from '../../src/source-client.js';
import { waitForSync } from '../../src/wait-for-sync.js';

vi.mock('@actions/core', () => ({ info: vi.fn() }));

function fakeClock() {
  let now = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    clock: {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
    },
  };
}

const source = (states: SourceLinkState[]) => {
  let i = 0;
  return { status: vi.fn(async () => states[Math.min(i++, states.length - 1)]) } as unknown as SourceClient & {
    status: ReturnType<typeof vi.fn>;
  };
};

describe('waitForSync', () => {
  it('polls with a growing interval capped at 15 s until SYNCED', async () => {
    const { clock, sleeps } = fakeClock();
    const s = source(['NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'NOT_SYNCED', 'SYNCED']);
    expect(await waitForSync(s, 600, undefined, clock)).toBe('SYNCED');
    expect(sleeps).toEqual([2000, 3000, 4500, 6750, 10125, 15000]);
    expect(s.status).toHaveBeenCalledTimes(7);
  });

  it('never sleeps past the deadline and names the last status', async () => {
    const { clock, sleeps } = fakeClock();
    const s = source(['NOT_SYNCED']);
    await expect(waitForSync(s, 4, 'NOT_SYNCED', clock)).rejects.toThrow(
      new SyncTimeoutError('source: the link did not reach SYNCED within 4 s (wait-for-sync); the last status read was NOT_SYNCED.'),
    );
    expect(sleeps).toEqual([2000, 2000]);
    expect(sleeps.reduce((a, b) => a + b)).toBe(4000);
  });

  it('returns at once when the status given is SYNCED', async () => {
    const { clock } = fakeClock();
    const s = source(['NOT_SYNCED']);
    expect(await waitForSync(s, 10, 'SYNCED', clock)).toBe('SYNCED');
    expect(s.status).not.toHaveBeenCalled();
  });
});

describe('parseAccessList', () => {
  it('accepts IPv4, IPv6, CIDR and mapped forms; refuses junk and bad prefixes', () => {
    const r = parseAccessList(
      '203.0.113.7\n2001:db8::1, ::ffff:192.0.2.1 198.51.100.0/24 2001:db8::/32 fe80::1%eth0 1.2.3.4/ 01.2.3.4 ::/0 0.0.0.0/0',
    );
    expect(r.entries).toEqual(['203.0.113.7', '2001:db8::1', '::ffff:192.0.2.1', '198.51.100.0/24', '2001:db8::/32', '::/0', '0.0.0.0/0']);
    expect(r.invalid).toEqual(['fe80::1%eth0', '1.2.3.4/', '01.2.3.4']);
  });

  it('finds duplicates across spellings and host bits in both families', () => {
    const r = parseAccessList('2001:db8::/32 2001:0db8:0:0::/32 10.0.0.1/8 2001:db8::1/64 10.0.0.0/8');
    expect(r.duplicates).toEqual(['2001:0db8:0:0::/32']);
    expect(r.hostBitsSet).toEqual(['10.0.0.1/8', '2001:db8::1/64']);
    expect(r.entries).toEqual(['2001:db8::/32', '10.0.0.1/8', '2001:db8::1/64', '10.0.0.0/8']);
  });
});
