import { describe, expect, it, vi } from 'vitest';
import { parseAccessList } from '../../src/access-list.js';
import { SyncTimeoutError } from '../../src/errors.js';
import type { SourceClient, SourceLinkState } from '../../src/source-client.js';
import { waitForSync } from '../../src/wait-for-sync.js';
import { describeCall, plan } from '../../src/plan.js';
import type { Settings } from '../../src/settings.js';

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
      new SyncTimeoutError(
        'source: the link did not reach SYNCED within 4 s (wait-for-sync); the last status read was NOT_SYNCED.',
        'NOT_SYNCED',
      ),
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

describe('plan', () => {
  const settings = (over: Partial<Settings>): Settings => ({
    command: 'link',
    atlas: {
      orgId: 'a'.repeat(24),
      baseUrl: 'https://cloud.mongodb.com',
      apiVersion: '2023-01-01',
      credentials: { kind: 'service-account', clientId: 'id', clientSecret: 's3cr3t-value' },
    },
    source: {
      orgId: 'b'.repeat(24),
      baseUrl: 'https://om.example.com:8443',
      publicKey: 'pub',
      privateKey: 'priv-key-value',
      isCloudManager: false,
    },
    accessListIps: [],
    force: false,
    waitForSyncSeconds: 0,
    dryRun: true,
    requestTimeoutSeconds: 30,
    maxRetries: 3,
    allowInsecureHttp: false,
    ...over,
  });

  it('lists link’s calls in the order the command makes them, with their conditions, and no secret', () => {
    const lines = plan(settings({ waitForSyncSeconds: 30 })).map(describeCall);
    expect(lines).toEqual([
      `GET om.example.com:8443 /api/public/v1.0/orgs/${'b'.repeat(24)}/liveExport/migrationLink/status: read the migration link status`,
      'POST cloud.mongodb.com /api/oauth/token: get a service account access token (alongside the status read)',
      `POST cloud.mongodb.com /api/atlas/v2/orgs/${'a'.repeat(24)}/liveMigrations/linkTokens: create the link token (unless the source already reports SYNCED)`,
      `POST om.example.com:8443 /api/public/v1.0/orgs/${'b'.repeat(24)}/liveExport/migrationLink: connect to Atlas with the link token (unless the source already reports SYNCED)`,
      `GET om.example.com:8443 /api/public/v1.0/orgs/${'b'.repeat(24)}/liveExport/migrationLink/status: read the migration link status (repeated until SYNCED, up to 30 s)`,
      `GET cloud.mongodb.com /api/atlas/v2/orgs/${'a'.repeat(24)}/liveMigrations/availableProjects: list the projects available for migration (if SYNCED)`,
      'POST cloud.mongodb.com /api/oauth/revoke: revoke the service account access token (if a token was fetched)',
    ]);
    expect(lines.join('\n')).not.toMatch(/s3cr3t|priv-key/);
  });

  it('unlink without Atlas credentials only touches the source', () => {
    const lines = plan(settings({ command: 'unlink', atlas: { baseUrl: 'https://cloud.mongodb.com', apiVersion: '2023-01-01' } })).map(
      describeCall,
    );
    expect(lines).toEqual([
      `DELETE om.example.com:8443 /api/public/v1.0/orgs/${'b'.repeat(24)}/liveExport/migrationLink: remove the migration link`,
    ]);
  });
});
