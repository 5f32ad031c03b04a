import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readSettings, secretValues } from '../../src/input-helper.js';
import { ATLAS_KEY, ATLAS_ORG_ID, SOURCE_KEY, SOURCE_ORG_ID } from '../simulator/fixture.js';

const base: Record<string, string> = {
  'atlas-org-id': ATLAS_ORG_ID,
  'atlas-public-key': ATLAS_KEY.publicKey,
  'atlas-private-key': ATLAS_KEY.privateKey,
  'access-list-ips': '203.0.113.7',
  'source-org-id': SOURCE_ORG_ID,
  'source-public-key': SOURCE_KEY.publicKey,
  'source-private-key': SOURCE_KEY.privateKey,
  'source-base-url': 'https://opsmanager.example.com:8443',
};
const reader = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const read = (extra: Record<string, string | undefined> = {}) => {
  const inputs = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete inputs[k];
    else inputs[k] = v;
  }
  return readSettings(reader(inputs));
};
const problems = (extra: Record<string, string | undefined>) => {
  try {
    read(extra);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('no InputError');
};

describe('readSettings', () => {
  it('turns valid inputs into typed settings with documented defaults', () => {
    const { settings, notes } = read();
    expect(settings).toMatchObject({
      command: 'link',
      atlas: { orgId: ATLAS_ORG_ID, baseUrl: 'https://cloud.mongodb.com', apiVersion: '2023-01-01', credentials: { kind: 'api-key' } },
      source: { orgId: SOURCE_ORG_ID, baseUrl: 'https://opsmanager.example.com:8443', isCloudManager: false },
      accessListIps: ['203.0.113.7'],
      force: false,
      dryRun: false,
      waitForSyncSeconds: 0,
      requestTimeoutSeconds: 30,
      maxRetries: 3,
      allowInsecureHttp: false,
    });
    expect(notes).toEqual([]);
  });

  it('lower-cases org ids with a notice, removes duplicate IPs with a notice, warns on host bits', () => {
    const { settings, notes } = read({
      'atlas-org-id': ATLAS_ORG_ID.toUpperCase(),
      'access-list-ips': '10.1.2.3/8\n203.0.113.7, 203.0.113.7 2001:db8::/32 2001:DB8:0::/32',
    });
    expect(settings.atlas.orgId).toBe(ATLAS_ORG_ID);
    expect(settings.accessListIps).toEqual(['10.1.2.3/8', '203.0.113.7', '2001:db8::/32']);
    expect(notes.map((n) => n.level)).toEqual(['notice', 'notice', 'warning']);
    expect(notes[1].message).toContain('203.0.113.7, 2001:DB8:0::/32');
    expect(notes[2].message).toContain('10.1.2.3/8 has host bits set');
  });

  it('needs no Atlas input for status, and none for link with a link-token', () => {
    const noAtlas = { 'atlas-org-id': undefined, 'atlas-public-key': undefined, 'atlas-private-key': undefined };
    expect(read({ ...noAtlas, command: 'status' }).settings.atlas.credentials).toBeUndefined();
    expect(read({ ...noAtlas, 'link-token': 'abc' }).settings.linkToken).toBe('abc');
  });

  it('takes a service account and the loopback http:// of the simulator', () => {
    const { settings } = read({
      'atlas-public-key': undefined,
      'atlas-private-key': undefined,
      'atlas-client-id': 'mdb_sa_id_1',
      'atlas-client-secret': 's',
      'atlas-base-url': 'http://127.0.0.1:8080/',
    });
    expect(settings.atlas.credentials).toEqual({ kind: 'service-account', clientId: 'mdb_sa_id_1', clientSecret: 's' });
    expect(settings.atlas.baseUrl).toBe('http://127.0.0.1:8080');
  });

  it('recognises Cloud Manager and then needs no access list', () => {
    const { settings, notes } = read({ 'source-base-url': undefined, 'access-list-ips': '' });
    expect(settings.source.isCloudManager).toBe(true);
    expect(notes).toEqual([]);
  });

  // One row per rule; each names the input it blames.
  const table: Array<[string, Record<string, string | undefined>, string, RegExp]> = [
    ['org id too short', { 'atlas-org-id': 'abc' }, 'atlas-org-id', /24 hexadecimal digits.*got "abc"/],
    ['org id missing', { 'source-org-id': undefined }, 'source-org-id', /is required/],
    [
      'private key pasted in an org id',
      { 'atlas-org-id': '8f14e45f-ceea-467a-9af0-3a1b2c3d4e50' },
      'atlas-org-id',
      /36 characters \(not shown\).*looks like an API private key/,
    ],
    ['bad IP', { 'access-list-ips': '203.0.113.300' }, 'access-list-ips', /"203\.0\.113\.300" is not an IPv4\/IPv6 address or CIDR block/],
    ['prefix out of range', { 'access-list-ips': '10.0.0.0/33' }, 'access-list-ips', /"10\.0\.0\.0\/33"/],
    ['IPv6 prefix out of range', { 'access-list-ips': '2001:db8::/129' }, 'access-list-ips', /is not an IPv4/],
    ['semicolon separator', { 'access-list-ips': '203.0.113.7;198.51.100.1' }, 'access-list-ips', /separate entries with commas/],
    [
      'http to a remote host',
      { 'source-base-url': 'http://opsmanager.example.com' },
      'source-base-url',
      /plain http:\/\/.*allow-insecure-http/,
    ],
    [
      'user info in URL',
      { 'atlas-base-url': 'https://u:p@cloud.mongodb.com' },
      'atlas-base-url',
      /must not contain a user name or password/,
    ],
    ['query in URL', { 'source-base-url': 'https://om.example.com?x=1' }, 'source-base-url', /query or fragment/],
    ['fragment in URL', { 'source-base-url': 'https://om.example.com#x' }, 'source-base-url', /query or fragment/],
    ['path in URL', { 'source-base-url': 'https://om.example.com/api/public/v1.0' }, 'source-base-url', /must not contain a path/],
    ['relative URL', { 'source-base-url': 'opsmanager:8443' }, 'source-base-url', /must use https|absolute URL/],
    ['ftp URL', { 'atlas-base-url': 'ftp://cloud.mongodb.com' }, 'atlas-base-url', /must use https/],
    ['boolean spelling', { force: 'yes' }, 'force', /expected true or false; got "yes"/],
    ['number not integer', { 'wait-for-sync': '1.5' }, 'wait-for-sync', /whole number of 0 to 3600/],
    ['timeout zero', { 'request-timeout': '0' }, 'request-timeout', /whole number of 1 to 600/],
    ['retries too many', { 'max-retries': '11' }, 'max-retries', /whole number of 0 to 10/],
    ['unknown command', { command: 'relink' }, 'command', /one of link, status, unlink; got "relink"/],
    ['half an Atlas key', { 'atlas-private-key': undefined }, 'atlas-private-key', /is required with atlas-public-key/],
    [
      'half a service account',
      { 'atlas-public-key': undefined, 'atlas-private-key': undefined, 'atlas-client-id': 'id' },
      'atlas-client-secret',
      /is required with atlas-client-id/,
    ],
    ['both Atlas credential kinds', { 'atlas-client-id': 'id', 'atlas-client-secret': 's' }, 'atlas-client-id', /not both/],
    [
      'no Atlas credentials for link',
      { 'atlas-public-key': undefined, 'atlas-private-key': undefined },
      'atlas-public-key',
      /Atlas credentials are required/,
    ],
    ['no source private key', { 'source-private-key': undefined }, 'source-private-key', /is required/],
    ['private key in a public key input', { 'source-public-key': SOURCE_KEY.privateKey }, 'source-public-key', /looks like a private key/],
    ['bad API version', { 'atlas-api-version': '2023-02-30' }, 'atlas-api-version', /versioned-API date/],
    ['CA that is not PEM', { 'source-ca-certificate': '/etc/ssl/ca.pem' }, 'source-ca-certificate', /PEM text/],
    ['credentials without an org id', { 'atlas-org-id': undefined, command: 'unlink' }, 'atlas-org-id', /is required/],
  ];
  for (const [name, extra, input, message] of table) {
    it(`refuses ${name}`, () => {
      const found = problems(extra).filter((p) => p.input === input);
      expect(found.length, JSON.stringify(problems(extra))).toBeGreaterThan(0);
      expect(found.map((p) => p.message).join('\n')).toMatch(message);
    });
  }

  it('reports every bad input at once', () => {
    expect(problems({ 'atlas-org-id': 'x', force: 'maybe', 'max-retries': '-1' }).map((p) => p.input)).toEqual([
      'force',
      'max-retries',
      'atlas-org-id',
    ]);
  });

  it('never echoes a secret in a problem', () => {
    const all = problems({
      'atlas-org-id': ATLAS_KEY.privateKey,
      'source-public-key': SOURCE_KEY.privateKey,
      'access-list-ips': ATLAS_KEY.privateKey,
    });
    const text = all.map((p) => p.message).join('\n');
    expect(all.length).toBe(3);
    expect(text).not.toContain(ATLAS_KEY.privateKey);
    expect(text).not.toContain(SOURCE_KEY.privateKey);
  });
});

describe('secretValues', () => {
  it('masks the secret inputs and mistake-prone inputs whose value is not of their form', () => {
    const values = secretValues(
      reader({
        ...base,
        'link-token': ' tok ',
        'atlas-org-id': 'c0ffee00-1111-2222-3333-444455556666',
        'source-public-key': SOURCE_KEY.privateKey,
      }),
    );
    expect(values).toEqual([
      ATLAS_KEY.privateKey,
      SOURCE_KEY.privateKey,
      'tok',
      'c0ffee00-1111-2222-3333-444455556666',
      SOURCE_KEY.privateKey,
    ]);
    expect(secretValues(reader(base))).toEqual([ATLAS_KEY.privateKey, SOURCE_KEY.privateKey]);
  });
});

describe('readSettings for arbitrary inputs (property)', () => {
  const names = [
    'command',
    'atlas-org-id',
    'atlas-public-key',
    'atlas-private-key',
    'atlas-client-id',
    'atlas-client-secret',
    'atlas-base-url',
    'atlas-api-version',
    'access-list-ips',
    'source-org-id',
    'source-public-key',
    'source-private-key',
    'source-base-url',
    'source-ca-certificate',
    'link-token',
    'force',
    'wait-for-sync',
    'dry-run',
    'request-timeout',
    'max-retries',
    'allow-insecure-http',
  ];
  const plausible = fc.oneof(
    fc.string(),
    fc.constantFrom(
      '',
      'true',
      'FALSE',
      '0',
      '30',
      'link',
      'status',
      'unlink',
      ATLAS_ORG_ID,
      'https://cloud.mongodb.com',
      'http://127.0.0.1:1',
      '2023-01-01',
      '203.0.113.7, ::1/128',
    ),
    fc.ipV4().map((ip) => `${ip}/24`),
    fc.ipV6(),
    fc.webUrl(),
  );

  it('returns valid settings or throws InputError, nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...names), plausible), (raw) => {
        try {
          const { settings } = readSettings(reader({ ...base, ...raw }));
          expect(['link', 'status', 'unlink']).toContain(settings.command);
          expect(settings.source.orgId).toMatch(/^[0-9a-f]{24}$/);
          expect(new URL(settings.source.baseUrl).origin).toBe(settings.source.baseUrl);
          expect(settings.requestTimeoutSeconds).toBeGreaterThan(0);
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          expect(err.problems.length).toBeGreaterThan(0);
          for (const p of err.problems) expect(names).toContain(p.input);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never echoes a long value it refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...names),
        fc.string({ minLength: 17, maxLength: 80 }).filter((s) => s.trim().length > 16 && !/[\s,]/.test(s)),
        (name, value) => {
          try {
            readSettings(reader({ ...base, [name]: value }));
          } catch (err) {
            if (!(err instanceof InputError)) throw err;
            expect(err.message).not.toContain(value.trim());
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
