import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { COMMANDS } from '../../src/commands/registry.js';

const COMMAND_INPUTS: Record<string, Record<string, string>> = Object.fromEntries(COMMANDS.map((c) => [c.name, c.inputs]));
import { COMMON_INPUTS, DEFAULTS } from '../../src/inputs/declarations.js';
import { readSettings, secretInputs } from '../../src/inputs/input-helper.js';
import { ATLAS_KEY, ATLAS_ORG_ID, SOURCE_KEY, SOURCE_ORG_ID } from '../simulator/fixture.js';

const PROJECT = '65f0000000000000000000aa';
const MIGRATION = '65f0000000000000000000bb';
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
const migrationBase: Record<string, string> = {
  command: 'migrate',
  'atlas-public-key': ATLAS_KEY.publicKey,
  'atlas-private-key': ATLAS_KEY.privateKey,
  'atlas-project-id': PROJECT,
  'atlas-cluster-name': 'target-cluster',
  'source-project-id': '65f000000000000000000001',
  'source-cluster-name': 'rs0',
  'migration-host': 'mh-1.example.net',
};
const reader = (inputs: Record<string, string>) => (name: string) => (inputs[name] ?? '').trim();
const merge = (from: Record<string, string>, extra: Record<string, string | undefined>) => {
  const inputs = { ...from };
  for (const [k, v] of Object.entries(extra)) {
    if (v === undefined) delete inputs[k];
    else inputs[k] = v;
  }
  return inputs;
};
const read = (extra: Record<string, string | undefined> = {}, from = base) => readSettings(reader(merge(from, extra)), COMMANDS);
const problems = (extra: Record<string, string | undefined>, from = base) => {
  try {
    read(extra, from);
  } catch (err) {
    if (err instanceof InputError) return err.problems;
    throw err;
  }
  throw new Error('no InputError');
};
const ALL_INPUTS = [...new Set([...COMMON_INPUTS, ...Object.values(COMMAND_INPUTS).flatMap((uses) => Object.keys(uses))])];
const RUNNER_ENV = ['GITHUB_REPOSITORY', 'GITHUB_API_URL'];

describe('readSettings', () => {
  it('turns valid link inputs into typed settings with documented defaults', () => {
    const { settings, notes } = read();
    expect(settings).toMatchObject({
      command: 'link',
      dryRun: false,
      requestTimeoutSeconds: 30,
      maxRetries: 3,
      atlas: { orgId: ATLAS_ORG_ID, baseUrl: 'https://cloud.mongodb.com', credentials: { kind: 'api-key' } },
      source: { orgId: SOURCE_ORG_ID, baseUrl: 'https://opsmanager.example.com:8443', credentials: { publicKey: SOURCE_KEY.publicKey } },
      link: { accessListIps: ['203.0.113.7'], force: false, waitForSyncSeconds: 0 },
      migration: { managedAuthentication: true, ssl: true, network: 'PUBLIC', dropDestinationData: false },
    });
    expect(notes).toEqual([]);
  });

  it("reads an unset input as action.yml's default: the same settings whether the runner passes the defaults or nothing", () => {
    for (const from of [base, migrationBase]) {
      const givenDefaults = { ...DEFAULTS, ...from };
      expect(read({}, from)).toEqual(read({}, givenDefaults));
    }
  });

  it('lower-cases org ids, sends access-list entries canonical and once, and says so', () => {
    const { settings, notes } = read({
      'atlas-org-id': ATLAS_ORG_ID.toUpperCase(),
      'access-list-ips': '10.1.2.3/8\n203.0.113.7, 203.0.113.7 2001:DB8:0::/32 198.51.100.0/024',
    });
    expect(settings.atlas.orgId).toBe(ATLAS_ORG_ID);
    expect(settings.link.accessListIps).toEqual(['10.0.0.0/8', '203.0.113.7', '2001:db8::/32', '198.51.100.0/24']);
    const text = notes.map((n) => `${n.level}: ${n.message}`).join('\n');
    expect(text).toContain(`notice: atlas-org-id: converted to lower case (${ATLAS_ORG_ID}).`);
    expect(text).toMatch(/warning: access-list-ips: 10\.0\.0\.0\/8 is a private address/);
    expect(text).toMatch(
      /notice: access-list-ips: sent as 10\.0\.0\.0\/8 \(typed 10\.1\.2\.3\/8, host bits cleared\), 2001:db8::\/32 \(typed 2001:DB8:0::\/32\), 198\.51\.100\.0\/24 \(typed 198\.51\.100\.0\/024\)/,
    );
    expect(text).toContain('notice: access-list-ips: removed duplicate entries 203.0.113.7.');
  });

  it('refuses an access list open to the Internet unless allow-open-access-list says so', () => {
    for (const open of ['0.0.0.0/0', '::/0', '0.0.0.0/1, 128.0.0.0/1', '::ffff:0.0.0.0/96', '::ffff:0.0.0.0/97, 128.0.0.0/1']) {
      expect(problems({ 'access-list-ips': open }).map((p) => p.input)).toEqual(['access-list-ips']);
      const { settings, notes } = read({ 'access-list-ips': open, 'allow-open-access-list': 'true' });
      expect(settings.link.accessListIps).toEqual(open.split(', '));
      expect(notes.find((n) => n.title === 'Open access list')?.level).toBe('warning');
    }
  });

  it('reports bad access-list entries in one problem: at most 10 shown, then a count; a pasted key is never shown', () => {
    const bad = Array.from({ length: 25 }, (_, i) => `10.0.0.${i}/40`).join(',');
    const [problem] = problems({ 'access-list-ips': bad });
    expect(problem.message).toMatch(
      /^25 entries are not an IPv4\/IPv6 address or CIDR block: "10\.0\.0\.0\/40", .*"10\.0\.0\.9\/40", and 15 more\./,
    );
    const pasted = problems({ 'access-list-ips': `203.0.113.7 ${ATLAS_KEY.privateKey}` });
    expect(pasted[0].message).toContain('looks like a key or token');
    expect(pasted[0].message).not.toContain(ATLAS_KEY.privateKey);
  });

  it('refuses ::ffff:0.0.0.0/96 (every IPv4 address, IPv4-mapped) naming the IPv4 space it opens', () => {
    const [problem] = problems({ 'access-list-ips': '203.0.113.7 ::ffff:0.0.0.0/96' });
    expect(problem).toEqual({
      input: 'access-list-ips',
      message: expect.stringMatching(
        /^opens the link token to most of the Internet: ::ffff:0\.0\.0\.0\/96 and 203\.0\.113\.7 together cover 100% of IPv4\. .*allow-open-access-list/,
      ),
    });
  });

  it('warns of a private or wide IPv4-mapped block as of the IPv4 block it maps', () => {
    const warnings = read({ 'access-list-ips': '::ffff:10.0.0.0/104 ::ffff:64.0.0.0/100' })
      .notes.filter((n) => n.level === 'warning')
      .map((n) => n.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^access-list-ips: ::ffff:10\.0\.0\.0\/104 is a private address;/),
      expect.stringMatching(/^access-list-ips: ::ffff:64\.0\.0\.0\/100 opens the token to 268435456 addresses\./),
    ]);
  });

  it('echoes every bad value clipped the same way: a 120 KB access-list entry shows 64 characters and a count', () => {
    const huge = `bad.${'x'.repeat(120_000)}`;
    const [problem] = problems({ 'access-list-ips': `203.0.113.7 ${huge}` });
    expect(problem.message).toBe(
      `this entry is not an IPv4/IPv6 address or CIDR block: "bad.${'x'.repeat(60)}… (119940 more characters)". ` +
        'Expected entries such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32, separated by commas, spaces or new lines.',
    );
    // Ten bad entries of 120 KB / 10 each: a bounded message, every entry cut at the same place.
    const tens = Array.from({ length: 10 }, (_, i) => `${i}.${'y'.repeat(12_000)}`);
    const [many] = problems({ 'access-list-ips': tens.join(' ') });
    expect(many.message.length).toBeLessThan(1200);
    expect(many.message.match(/… \(11938 more characters\)"/g)).toHaveLength(10);
    // Other inputs echo through the same function: short printable values quoted as they are, anything else by its length.
    expect(problems({ 'max-retries': 'lots' })[0].message).toContain('got "lots".');
    expect(problems({ 'max-retries': 'z'.repeat(5000) })[0].message).toContain('got a value of 5000 characters (not shown).');
  });

  it('5,000 private entries and 5,000 wide blocks give one warning each, naming 10 and counting the rest', () => {
    const privates = Array.from({ length: 5000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`);
    const wides = Array.from({ length: 5000 }, (_, i) => `${20 + (i % 200)}.${2 * Math.floor(i / 200)}.0.0/15`);
    const { notes } = read({ 'access-list-ips': [...privates, ...wides.slice(0, 1)].join(' ') });
    const warnings = notes.filter((n) => n.level === 'warning').map((n) => n.message);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(
      /^access-list-ips: 5000 entries are addresses Atlas never sees traffic from: 10\.0\.0\.1 \(private\), .*, and 4990 more\./,
    );
    expect(warnings[1]).toMatch(/^access-list-ips: 20\.0\.0\.0\/15 opens the token to 131072 addresses\./);
    // 33 of those blocks lie in 127/8 and 172.16/12: one warning for those, one for the 4,967 wide ones.
    const [nonPublic, wide, ...rest] = read({ 'access-list-ips': wides.join(' ') })
      .notes.filter((n) => n.level === 'warning')
      .map((n) => n.message);
    expect(rest).toEqual([]);
    expect(nonPublic).toMatch(
      /^access-list-ips: 33 entries are addresses Atlas never sees traffic from: 127\.0\.0\.0\/15 \(loopback\), .*, 172\.16\.0\.0\/15 \(private\), and 23 more\./,
    );
    expect(nonPublic.match(/\((loopback|private)\)/g)).toHaveLength(10);
    expect(wide).toMatch(/^access-list-ips: 20\.0\.0\.0\/15 opens the token to 131072 addresses, .*, and 4957 more\./);
    expect(wide.match(/opens the token to/g)).toHaveLength(10);
  });

  it('needs no Atlas input for status, and none for link with a link-token', () => {
    const noAtlas = { 'atlas-org-id': undefined, 'atlas-public-key': undefined, 'atlas-private-key': undefined };
    expect(read({ ...noAtlas, command: 'status' }).settings.atlas.credentials).toBeUndefined();
    expect(read({ ...noAtlas, 'link-token': 'abc' }).settings.link.linkToken).toBe('abc');
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

  it('warns about an empty access list only when the source is not Cloud Manager', () => {
    expect(read({ 'source-base-url': undefined, 'access-list-ips': '' }).notes).toEqual([]);
    expect(
      read({ 'access-list-ips': '' })
        .notes.map((n) => n.message)
        .join(),
    ).toMatch(/access-list-ips is empty but the source is not Cloud Manager/);
  });

  it('says which inputs a command does not use', () => {
    const { notes } = read({ command: 'status', force: 'true', 'access-list-ips': '203.0.113.7' });
    expect(notes).toContainEqual({
      level: 'notice',
      message: "'status' does not use 'access-list-ips', 'force'; ignored.",
      title: undefined,
    });
    // A default value passed by the runner is not "set".
    expect(read({ command: 'status', force: 'false', 'access-list-ips': undefined }).notes).toEqual([]);
  });

  it('reads the migration inputs, fills nothing it was not asked to, and needs only the migration id to resume', () => {
    const { settings } = read(
      { 'destination-network': 'private_link', 'private-link-id': '65f0000000000000000000cc', 'wait-for': '600' },
      migrationBase,
    );
    expect(settings.migration).toEqual({
      clusterName: 'target-cluster',
      sourceProjectId: '65f000000000000000000001',
      sourceClusterName: 'rs0',
      migrationHost: 'mh-1.example.net',
      managedAuthentication: true,
      ssl: true,
      network: 'PRIVATE_LINK',
      privateLinkId: '65f0000000000000000000cc',
      dropDestinationData: false,
      waitForSeconds: 600,
      validationWaitForSeconds: 300,
    });
    expect(settings.atlas.projectId).toBe(PROJECT);
    const resume = read(
      {
        'migration-id': MIGRATION,
        'atlas-cluster-name': undefined,
        'source-project-id': undefined,
        'source-cluster-name': undefined,
        'migration-host': undefined,
      },
      migrationBase,
    );
    expect(resume.settings.command).toBe('migrate');
    expect(resume.settings.migration).toEqual({
      managedAuthentication: true,
      ssl: true,
      network: 'PUBLIC',
      dropDestinationData: false,
      migrationId: MIGRATION,
      validationWaitForSeconds: 300,
    });
    // With atlas-org-id the source deployment may be left to the available projects.
    expect(
      read({ 'atlas-org-id': ATLAS_ORG_ID, 'source-project-id': undefined, 'migration-host': undefined }, migrationBase).settings.migration
        .sourceProjectId,
    ).toBeUndefined();
  });

  it('names as MongoDB allows them: spaces and other printable characters pass through; a migration host is a host name', () => {
    const m = read(
      {
        'source-cluster-name': 'Project X sharded cluster',
        'migration-host': 'MH-7.rack-b.example.net',
        'destination-network': 'PRIVATE_LINK',
        'private-link-id': 'vpce-0a1b2c3d4e5f',
      },
      migrationBase,
    ).settings.migration;
    expect([m.sourceClusterName, m.migrationHost, m.privateLinkId]).toEqual([
      'Project X sharded cluster',
      'MH-7.rack-b.example.net',
      'vpce-0a1b2c3d4e5f',
    ]);
  });

  // One row per rule; each names the input it blames.
  const table: Array<[string, Record<string, string | undefined>, string, RegExp, Record<string, string>?]> = [
    ['org id too short', { 'atlas-org-id': 'abc' }, 'atlas-org-id', /24 hexadecimal digits.*got "abc"/],
    ['org id missing', { 'source-org-id': undefined }, 'source-org-id', /is required/],
    [
      'private key pasted in an org id',
      { 'atlas-org-id': '8f14e45f-ceea-467a-9af0-3a1b2c3d4e50' },
      'atlas-org-id',
      /36 characters \(not shown\).*looks like an API private key/,
    ],
    ['bad IP', { 'access-list-ips': '203.0.113.300' }, 'access-list-ips', /"203\.0\.113\.300"/],
    ['prefix out of range', { 'access-list-ips': '10.0.0.0/33' }, 'access-list-ips', /"10\.0\.0\.0\/33"/],
    [
      'semicolon separator',
      { 'access-list-ips': '203.0.113.7;198.51.100.1' },
      'access-list-ips',
      /separated by commas, spaces or new lines/,
    ],
    [
      'open to the Internet',
      { 'access-list-ips': '0.0.0.0/0' },
      'access-list-ips',
      /opens the link token to most of the Internet.*allow-open-access-list/,
    ],
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
    ['path in URL', { 'source-base-url': 'https://om.example.com/api/public/v1.0' }, 'source-base-url', /must not contain a path/],
    ['relative URL', { 'source-base-url': 'opsmanager:8443' }, 'source-base-url', /must use https/],
    [
      'Atlas for Government',
      { 'atlas-base-url': 'https://cloud.mongodbgov.com' },
      'atlas-base-url',
      /Atlas for Government.*refuses link tokens/,
    ],
    ['Atlas for Government QA', { 'atlas-base-url': 'https://cloud-qa.mongodbgov.com' }, 'atlas-base-url', /Atlas for Government/],
    ['boolean spelling', { force: 'yes' }, 'force', /expected true or false; got "yes"/],
    ['number not integer', { 'wait-for-sync': '1.5' }, 'wait-for-sync', /whole number of 0 to 3600/],
    ['timeout zero', { 'request-timeout': '0' }, 'request-timeout', /whole number of 1 to 600/],
    ['retries too many', { 'max-retries': '11' }, 'max-retries', /whole number of 0 to 10/],
    [
      'unknown command',
      { command: 'relink' },
      'command',
      /one of link, status, unlink, validate, migrate, migration-status, cutover, campaign; got "relink"/,
    ],
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
    ['CA that is not PEM', { 'source-ca-certificate': '/etc/ssl/ca.pem' }, 'source-ca-certificate', /PEM text/],
    ['credentials without an org id', { 'atlas-org-id': undefined, command: 'unlink' }, 'atlas-org-id', /is required/],
    // The migration commands.
    ['no project', { 'atlas-project-id': undefined }, 'atlas-project-id', /is required/, migrationBase],
    ['bad cluster name', { 'atlas-cluster-name': 'my cluster' }, 'atlas-cluster-name', /Atlas cluster name/, migrationBase],
    [
      'no source deployment and no atlas-org-id',
      { 'source-cluster-name': undefined },
      'source-cluster-name',
      /or give atlas-org-id/,
      migrationBase,
    ],
    [
      'bad migration host',
      { 'migration-host': 'mh\u00011' },
      'migration-host',
      /expected a host name.*the character U\+0001/,
      migrationBase,
    ],
    [
      'migration hosts as a list',
      { 'migration-host': 'mh1.example.com,mh2.example.com' },
      'migration-host',
      /expected a host name, such as mh-1\.example\.net.*; got a value of 31 characters \(not shown\): it contains a comma \(name one migration host\)\.$/,
      migrationBase,
    ],
    [
      'user name with managed authentication',
      { 'source-username': 'admin' },
      'source-username',
      /source-managed-authentication is 'true'/,
      migrationBase,
    ],
    [
      'password without user name',
      { 'source-managed-authentication': 'false', 'source-password': 'pw' },
      'source-username',
      /is required when source-managed-authentication is 'false'/,
      migrationBase,
    ],
    [
      'PRIVATE_LINK without its id',
      { 'destination-network': 'PRIVATE_LINK' },
      'private-link-id',
      /is required when destination-network is PRIVATE_LINK/,
      migrationBase,
    ],
    [
      'private-link-id without PRIVATE_LINK',
      { 'private-link-id': '65f0000000000000000000cc' },
      'private-link-id',
      /only used with destination-network: PRIVATE_LINK/,
      migrationBase,
    ],
    [
      'unknown network',
      { 'destination-network': 'PEERING' },
      'destination-network',
      /one of PUBLIC, PRIVATE_LINK, VPC_PEERING/,
      migrationBase,
    ],
    [
      'CA path without TLS',
      { 'source-ssl': 'false', 'source-ca-certificate-path': '/etc/ca.pem' },
      'source-ca-certificate-path',
      /needs source-ssl/,
      migrationBase,
    ],
    [
      'relative CA path',
      { 'source-ca-certificate-path': 'ca.pem' },
      'source-ca-certificate-path',
      /absolute path on the migration host/,
      migrationBase,
    ],
    [
      'wait-for too long',
      { 'wait-for': '100000' },
      'wait-for',
      /at most 21000 seconds; got "100000"\. A GitHub-hosted job ends after 6 hours/,
      migrationBase,
    ],
    ['wait-for: 30000, over the cap', { 'wait-for': '30000' }, 'wait-for', /at most 21000 seconds; got "30000"/, migrationBase],
    ['validation-wait-for of 0', { 'validation-wait-for': '0' }, 'validation-wait-for', /whole number of 1 to 3600/, migrationBase],
    ['cutover without migration-id', { command: 'cutover' }, 'migration-id', /is required/, migrationBase],
    ['bad migration-id', { command: 'migration-status', 'migration-id': 'xyz' }, 'migration-id', /live migration id/, migrationBase],
    [
      'no Atlas credentials for cutover',
      { command: 'cutover', 'migration-id': MIGRATION, 'atlas-public-key': undefined, 'atlas-private-key': undefined },
      'atlas-public-key',
      /Atlas credentials are required for cutover/,
      migrationBase,
    ],
  ];
  for (const [name, extra, input, message, from] of table) {
    it(`refuses ${name}`, () => {
      const all = problems(extra, from ?? base);
      const found = all.filter((p) => p.input === input);
      expect(found.map((p) => p.message).join('\n'), JSON.stringify(all)).toMatch(message);
    });
  }

  it('reports every bad input at once', () => {
    expect(problems({ 'atlas-org-id': 'x', force: 'maybe', 'max-retries': '-1' }).map((p) => p.input)).toEqual([
      'max-retries',
      'atlas-org-id',
      'force',
    ]);
  });

  it('never echoes a secret in a problem', () => {
    const all = problems({
      'atlas-org-id': ATLAS_KEY.privateKey,
      'source-public-key': SOURCE_KEY.privateKey,
      'access-list-ips': ATLAS_KEY.privateKey,
    });
    const text = all.map((p) => p.message).join('\n');
    expect(all.map((p) => p.input).sort()).toEqual(['access-list-ips', 'atlas-org-id', 'source-public-key']);
    expect(text).not.toContain(ATLAS_KEY.privateKey);
    expect(text).not.toContain(SOURCE_KEY.privateKey);
  });
});

describe('secretInputs', () => {
  it('masks the secret inputs and mistake-prone inputs whose value is not of their form, and hands on the link token', () => {
    const { values, linkToken } = secretInputs(
      reader({
        ...base,
        'link-token': ' tok ',
        'source-password': 'pw-1',
        'atlas-org-id': 'c0ffee00-1111-2222-3333-444455556666',
        'source-public-key': SOURCE_KEY.privateKey,
        'access-list-ips': `203.0.113.7, ${ATLAS_KEY.privateKey}`,
      }),
    );
    expect(values).toEqual([
      ATLAS_KEY.privateKey,
      SOURCE_KEY.privateKey,
      'tok',
      'pw-1',
      'c0ffee00-1111-2222-3333-444455556666',
      SOURCE_KEY.privateKey,
      ATLAS_KEY.privateKey,
    ]);
    expect(linkToken).toBe('tok');
    expect(secretInputs(reader(base))).toEqual({ values: [ATLAS_KEY.privateKey, SOURCE_KEY.privateKey], linkToken: undefined });
  });
});

describe('readSettings for arbitrary inputs (property)', () => {
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
      'migrate',
      'cutover',
      ATLAS_ORG_ID,
      'https://cloud.mongodb.com',
      'http://127.0.0.1:1',
      'PRIVATE_LINK',
      '203.0.113.7, ::1/128',
    ),
    fc.ipV4().map((ip) => `${ip}/24`),
    fc.ipV6(),
    fc.webUrl(),
  );

  it('returns valid settings or throws InputError naming declared inputs, nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...ALL_INPUTS), plausible), fc.constantFrom(base, migrationBase), (raw, from) => {
        try {
          const { settings } = readSettings(reader({ ...from, ...raw }), COMMANDS);
          expect(Object.keys(COMMAND_INPUTS)).toContain(settings.command);
          expect(new URL(settings.source.baseUrl).origin).toBe(settings.source.baseUrl);
          expect(new URL(settings.atlas.baseUrl).origin).toBe(settings.atlas.baseUrl);
          for (const id of [settings.source.orgId, settings.atlas.orgId, settings.atlas.projectId, settings.migration.migrationId]) {
            if (id !== undefined) expect(id).toMatch(/^[0-9a-f]{24}$/);
          }
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          for (const p of err.problems) {
            // A plan (campaign, or cutover with plan) also reads the runner's environment, named as such.
            expect([...ALL_INPUTS, ...RUNNER_ENV]).toContain(p.input);
            expect(p.message.length).toBeGreaterThan(10);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never echoes a long value it refuses', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ALL_INPUTS.filter((n) => n !== 'access-list-ips')),
        fc.string({ minLength: 17, maxLength: 80 }).filter((s) => s.trim().length > 16 && !/[\s,]/.test(s)),
        (name, value) => {
          try {
            readSettings(reader({ ...base, [name]: value }), COMMANDS);
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
