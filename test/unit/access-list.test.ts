import { BlockList } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { looksLikeCredential, parseAccessList, type AccessListReport, type NonPublicKind } from '../../src/inputs/access-list.js';

type Lists = Omit<AccessListReport, 'open'>;
const none: Lists = { entries: [], invalid: [], duplicates: [], rewritten: [], nonPublic: [], wide: [] };

/** Everything but `open`, so a row also fails when something extra is reported. */
function lists(raw: string): Lists {
  const { entries, invalid, duplicates, rewritten, nonPublic, wide } = parseAccessList(raw);
  return { entries, invalid, duplicates, rewritten, nonPublic, wide };
}

describe('parseAccessList: spellings of one entry', () => {
  // [typed, canonical, why it was rewritten (undefined: sent as typed)]
  const accepted: Array<[string, string, ('spelling' | 'host bits')?]> = [
    ['203.0.113.7', '203.0.113.7'],
    ['198.51.100.0/24', '198.51.100.0/24'],
    ['203.0.113.7/32', '203.0.113.7', 'spelling'],
    ['1.2.3.0/024', '1.2.3.0/24', 'spelling'],
    ['203.0.113.7/0032', '203.0.113.7', 'spelling'],
    ['198.51.100.7/24', '198.51.100.0/24', 'host bits'],
    ['198.51.100.7/024', '198.51.100.0/24', 'host bits'],
    ['2001:db8::1', '2001:db8::1'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:DB8:0::1', '2001:db8::1', 'spelling'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1', 'spelling'],
    ['2001:db8::1/128', '2001:db8::1', 'spelling'],
    ['2001:db8::/0032', '2001:db8::/32', 'spelling'],
    // RFC 5952 4.2.3: on a tie the first run of zeros is compressed.
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1', 'spelling'],
    // ... otherwise the longest.
    ['2001:0:0:1:0:0:0:1', '2001:0:0:1::1', 'spelling'],
    // 4.2.2: a single zero group is never `::`.
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['2001:db8::1:1:1:1:1', '2001:db8:0:1:1:1:1:1', 'spelling'],
    ['1:0:0:0:0:0:0:0', '1::', 'spelling'],
    ['0:0:0:0:0:0:0:2', '::2', 'spelling'],
    ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:AAAA', '2001:db8:aaaa:bbbb:cccc:dddd:eeee:aaaa', 'spelling'],
    ['2001:db8:1:0:0:0:0:0', '2001:db8:1::', 'spelling'],
    // IPv4-mapped stays in mixed notation, whatever the spelling.
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::FFFF:C000:0201', '::ffff:192.0.2.1', 'spelling'],
    ['0:0:0:0:0:ffff:192.0.2.1', '::ffff:192.0.2.1', 'spelling'],
    ['::ffff:192.0.2.1/128', '::ffff:192.0.2.1', 'spelling'],
    ['::ffff:192.0.2.0/120', '::ffff:192.0.2.0/120'],
    // Other embedded IPv4 forms (deprecated IPv4-compatible, NAT64) are plain hexadecimal.
    ['::192.0.2.1', '::c000:201', 'spelling'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221', 'spelling'],
    // Host bits: the network address of the block, compressed after masking.
    ['2001:db8::1/64', '2001:db8::/64', 'host bits'],
    ['2001:DB8:0:0:8:0:0:1/96', '2001:db8:0:0:8::/96', 'host bits'],
    ['2001:DB8::1/032', '2001:db8::/32', 'host bits'],
    ['::ffff:192.0.2.77/120', '::ffff:192.0.2.0/120', 'host bits'],
  ];
  it.each(accepted)('%s is sent as %s', (typed, canonical, why) => {
    expect(lists(typed)).toEqual({ ...none, entries: [canonical], rewritten: why ? [{ typed, canonical, why }] : [] });
  });

  const invalid = [
    'fe80::1%eth0',
    '::ffff:192.0.2.1%1',
    '01.2.3.4',
    '1.2.3.04',
    '::ffff:01.2.3.4',
    '1.2.3.4/',
    '/24',
    '1.2.3.4/33',
    '2001:db8::/129',
    '1.2.3.4/99999999999999999999',
    '1.2.3.4/-1',
    '1.2.3.4/+8',
    '1.2.3.4/8.0',
    '1.2.3.4/0x8',
    '1.2.3.4/２４',
    '1.2.3.4/24/24',
    '1.2.3',
    '1.2.3.4.5',
    '256.0.0.1',
    '0x7f.0.0.1',
    '2001:db8::g',
    '2001:db8:::1',
    '1::2::3',
    '12345::1',
    '1:2:3:4:5:6:7:8:9',
    '[2001:db8::1]',
    'example.com',
    'localhost',
    '*',
    '1.2.3.*',
    '1.2.3.4-1.2.3.9',
    '203.0.113.7;',
  ];
  it.each(invalid)('%s is invalid', (typed) => {
    expect(lists(typed)).toEqual({ ...none, invalid: [typed] });
  });
});

describe('parseAccessList: lists', () => {
  const cases: Array<[string, string, Partial<Lists>]> = [
    ['an empty input', '', {}],
    ['only separators', ' ,\n,\t\r\n ,, ', {}],
    [
      'commas, white space and new lines all separate',
      '203.0.113.7,198.51.100.1\n2001:db8::1\t192.0.2.0/24 ,, \r\n ::ffff:192.0.2.1',
      { entries: ['203.0.113.7', '198.51.100.1', '2001:db8::1', '192.0.2.0/24', '::ffff:192.0.2.1'] },
    ],
    [
      'invalid entries are kept in order as typed, even repeated',
      'example.com 192.0.2.1 01.2.3.4 example.com',
      { entries: ['192.0.2.1'], invalid: ['example.com', '01.2.3.4', 'example.com'] },
    ],
    [
      'duplicates across IPv6 spellings and host bits',
      '2001:db8::/32 2001:0db8:0:0::/32 2001:DB8::/032 2001:db8::1/32',
      { entries: ['2001:db8::/32'], duplicates: ['2001:0db8:0:0::/32', '2001:DB8::/032', '2001:db8::1/32'] },
    ],
    [
      'duplicates of an IPv4 address with and without /32',
      '192.0.2.1 192.0.2.1/32 192.0.2.1',
      { entries: ['192.0.2.1'], duplicates: ['192.0.2.1/32', '192.0.2.1'] },
    ],
    [
      'the first spelling is the one reported as rewritten',
      '198.51.100.7/24 198.51.100.0/24',
      {
        entries: ['198.51.100.0/24'],
        duplicates: ['198.51.100.0/24'],
        rewritten: [{ typed: '198.51.100.7/24', canonical: '198.51.100.0/24', why: 'host bits' }],
      },
    ],
    [
      'IPv4 and IPv4-mapped IPv6 are different families',
      '192.0.2.1 ::ffff:192.0.2.1 ::ffff:c000:201',
      { entries: ['192.0.2.1', '::ffff:192.0.2.1'], duplicates: ['::ffff:c000:201'] },
    ],
    [
      'the same network with different prefixes is kept',
      '192.0.2.0/24 192.0.2.0/25 192.0.2.0',
      { entries: ['192.0.2.0/24', '192.0.2.0/25', '192.0.2.0'] },
    ],
    [
      'host bits cleared in a private block (non-public, so not also wide)',
      '10.1.2.3/8',
      {
        entries: ['10.0.0.0/8'],
        rewritten: [{ typed: '10.1.2.3/8', canonical: '10.0.0.0/8', why: 'host bits' }],
        nonPublic: [{ entry: '10.0.0.0/8', kind: 'private' }],
      },
    ],
    [
      'a mixed list',
      '203.0.113.7\n2001:db8::1, ::ffff:192.0.2.1 198.51.100.0/24 2001:db8::/32 fe80::1%eth0 1.2.3.4/ 01.2.3.4 127.0.0.1 100.0.0.0/8',
      {
        entries: ['203.0.113.7', '2001:db8::1', '::ffff:192.0.2.1', '198.51.100.0/24', '2001:db8::/32', '127.0.0.1', '100.0.0.0/8'],
        invalid: ['fe80::1%eth0', '1.2.3.4/', '01.2.3.4'],
        nonPublic: [{ entry: '127.0.0.1', kind: 'loopback' }],
        wide: [{ entry: '100.0.0.0/8', addresses: '16777216' }],
      },
    ],
  ];
  it.each(cases)('%s', (_, raw, expected) => {
    expect(lists(raw)).toEqual({ ...none, ...expected });
  });
});

describe('parseAccessList: non-public', () => {
  // Entries typed canonically; undefined means public (or only overlapping a non-public range).
  const cases: Array<[string, NonPublicKind | undefined]> = [
    ['10.0.0.0', 'private'],
    ['10.255.255.255', 'private'],
    ['10.20.0.0/16', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.16.0.0/12', 'private'],
    ['192.168.0.1', 'private'],
    ['192.168.255.0/24', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.255', 'loopback'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'shared address space (CGNAT)'],
    ['100.127.255.255', 'shared address space (CGNAT)'],
    ['100.64.0.0/10', 'shared address space (CGNAT)'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.255', 'multicast'],
    ['224.0.0.0/4', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.0/4', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['febf:ffff::1', 'link-local'],
    ['fe80::/10', 'link-local'],
    ['fc00::1', 'unique local'],
    ['fdff::1', 'unique local'],
    ['fd00::/8', 'unique local'],
    ['fc00::/7', 'unique local'],
    ['ff02::1', 'multicast'],
    ['ff00::/8', 'multicast'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.0.0/112', 'link-local'],
    ['::ffff:100.64.0.0/106', 'shared address space (CGNAT)'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:255.255.255.255', 'reserved'],
    // Just outside each range.
    ['9.255.255.255', undefined],
    ['11.0.0.0', undefined],
    ['172.15.255.255', undefined],
    ['172.32.0.0', undefined],
    ['192.167.255.255', undefined],
    ['192.169.0.0', undefined],
    ['126.255.255.255', undefined],
    ['128.0.0.0', undefined],
    ['169.253.255.255', undefined],
    ['169.255.0.0', undefined],
    ['100.63.255.255', undefined],
    ['100.128.0.0', undefined],
    ['1.0.0.0', undefined],
    ['223.255.255.255', undefined],
    ['::2', undefined],
    ['::ffff', undefined],
    ['::ffff:8.8.8.8', undefined],
    ['fe7f::1', undefined],
    ['fec0::1', undefined],
    ['fbff::1', undefined],
    ['fe00::1', undefined],
    ['fb00::/8', undefined],
    // Documentation ranges are deliberately not flagged.
    ['192.0.2.1', undefined],
    ['198.51.100.0/24', undefined],
    ['203.0.113.0/24', undefined],
    ['2001:db8::/32', undefined],
    // Blocks that only overlap a non-public range.
    ['10.0.0.0/7', undefined],
    ['172.0.0.0/11', undefined],
    ['100.0.0.0/9', undefined],
    ['224.0.0.0/3', undefined],
    ['0.0.0.0/7', undefined],
    ['0.0.0.0/0', undefined],
    ['::/127', undefined],
    ['::/0', undefined],
    ['fe80::/9', undefined],
    ['fc00::/6', undefined],
    ['::ffff:0.0.0.0/96', undefined],
  ];
  it.each(cases)('%s: %s', (entry, kind) => {
    const report = parseAccessList(entry);
    expect(report.entries).toEqual([entry]);
    expect(report.nonPublic).toEqual(kind ? [{ entry, kind }] : []);
  });
});

describe('parseAccessList: wide', () => {
  const cases: Array<[string, string | undefined]> = [
    ['198.0.0.0/15', '131072'],
    ['203.0.0.0/16', undefined],
    ['128.0.0.0/8', '16777216'],
    ['64.0.0.0/2', '1073741824'],
    ['0.0.0.0/0', '4294967296'],
    ['2001:db8::/31', '158456325028528675187087900672'],
    ['2001:db8::/32', undefined],
    ['2000::/3', '42535295865117307932921825928971026432'],
    ['::/0', '340282366920938463463374607431768211456'],
    ['::ffff:0.0.0.0/96', '4294967296'],
    ['::ffff:128.0.0.0/104', '16777216'],
    ['::ffff:203.0.0.0/112', undefined],
    ['::ffff:10.0.0.0/104', undefined],
    ['10.0.0.0/8', undefined],
    ['240.0.0.0/4', undefined],
    ['fc00::/7', undefined],
  ];
  it.each(cases)('%s: %s addresses', (entry, addresses) => {
    expect(parseAccessList(entry).wide).toEqual(addresses ? [{ entry, addresses }] : []);
  });
});

describe('parseAccessList: open', () => {
  const allButLastIPv4 = Array.from({ length: 32 }, (_, i) => {
    const start = 2 ** 32 - 2 ** (32 - i); // 0, 2^31, 2^31 + 2^30, ...
    return `${[24, 16, 8, 0].map((shift) => Math.floor(start / 2 ** shift) % 256).join('.')}/${i + 1}`;
  });
  const cases: Array<[string, string, AccessListReport['open']]> = [
    ['nothing', '', { ipv4: 0, ipv6: 0, isOpen: false }],
    ['single addresses', '203.0.113.7 2001:db8::/64', { ipv4: 2 ** -32, ipv6: 2 ** -64, isOpen: false }],
    ['0.0.0.0/0', '0.0.0.0/0', { ipv4: 1, ipv6: 0, isOpen: true, reason: '0.0.0.0/0 covers 100% of IPv4' }],
    // ::/0 holds ::ffff:0:0/96, every IPv4 address written as IPv4-mapped IPv6.
    ['::/0', '::/0', { ipv4: 1, ipv6: 1, isOpen: true, reason: '::/0 covers 100% of IPv4; ::/0 covers 100% of IPv6' }],
    ['half of IPv4', '0.0.0.0/1', { ipv4: 0.5, ipv6: 0, isOpen: true, reason: '0.0.0.0/1 covers 50% of IPv4' }],
    [
      'two halves',
      '0.0.0.0/1, 128.0.0.0/1',
      { ipv4: 1, ipv6: 0, isOpen: true, reason: '0.0.0.0/1 and 128.0.0.0/1 together cover 100% of IPv4' },
    ],
    ['a quarter is only wide', '0.0.0.0/2', { ipv4: 0.25, ipv6: 0, isOpen: false }],
    ['the union, not the sum', '0.0.0.0/2 0.0.0.0/3 32.0.0.0/3 0.0.0.0/4', { ipv4: 0.25, ipv6: 0, isOpen: false }],
    [
      'overlapping blocks counted once',
      '0.0.0.0/1 0.0.0.0/2 64.0.0.0/2',
      { ipv4: 0.5, ipv6: 0, isOpen: true, reason: '0.0.0.0/1, 0.0.0.0/2 and 64.0.0.0/2 together cover 50% of IPv4' },
    ],
    [
      'adjacent blocks, named in input order on equal width',
      '64.0.0.0/2 0.0.0.0/2',
      { ipv4: 0.5, ipv6: 0, isOpen: true, reason: '64.0.0.0/2 and 0.0.0.0/2 together cover 50% of IPv4' },
    ],
    ['host bits cleared first', '203.0.113.7/1', { ipv4: 0.5, ipv6: 0, isOpen: true, reason: '128.0.0.0/1 covers 50% of IPv4' }],
    [
      'many entries: the two widest are named',
      '203.0.113.7 0.0.0.0/2 128.0.0.0/4 64.0.0.0/3 96.0.0.0/3',
      {
        ipv4: 0.5625 + 2 ** -32,
        ipv6: 0,
        isOpen: true,
        reason: '0.0.0.0/2, 64.0.0.0/3 and 3 other IPv4 entries together cover 56.25% of IPv4',
      },
    ],
    [
      'percent rounded down',
      '0.0.0.0/1 128.0.0.0/9',
      { ipv4: 0.501953125, ipv6: 0, isOpen: true, reason: '0.0.0.0/1 and 128.0.0.0/9 together cover 50.19% of IPv4' },
    ],
    [
      'all but one address never reads as 100%',
      allButLastIPv4.join(' '),
      {
        ipv4: 1 - 2 ** -32,
        ipv6: 0,
        isOpen: true,
        reason: '0.0.0.0/1, 128.0.0.0/2 and 30 other IPv4 entries together cover 99.99% of IPv4',
      },
    ],
    [
      'both families',
      '0.0.0.0/0 8000::/1',
      { ipv4: 1, ipv6: 0.5, isOpen: true, reason: '0.0.0.0/0 covers 100% of IPv4; 8000::/1 covers 50% of IPv6' },
    ],
    // Issue 18 item 7: IPv4-mapped IPv6 ranges count as the IPv4 space they map.
    [
      '::ffff:0.0.0.0/96 is every IPv4 address',
      '::ffff:0.0.0.0/96',
      { ipv4: 1, ipv6: 0, isOpen: true, reason: '::ffff:0.0.0.0/96 covers 100% of IPv4' },
    ],
    ['::ffff:0:0/96, spelled in hex', '::FFFF:0:0/96', { ipv4: 1, ipv6: 0, isOpen: true, reason: '::ffff:0.0.0.0/96 covers 100% of IPv4' }],
    [
      'IPv4-mapped halves add up with IPv4 blocks',
      '0.0.0.0/2 ::ffff:64.0.0.0/98',
      { ipv4: 0.5, ipv6: 0, isOpen: true, reason: '0.0.0.0/2 and ::ffff:64.0.0.0/98 together cover 50% of IPv4' },
    ],
    ['a mapped quarter is only wide', '::ffff:128.0.0.0/98', { ipv4: 0.25, ipv6: 0, isOpen: false }],
    [
      'an IPv6 block holding the whole mapped range',
      '::/80',
      { ipv4: 1, ipv6: 2 ** -80, isOpen: true, reason: '::/80 covers 100% of IPv4' },
    ],
    [
      'a mapped address and an IPv4 one: the same address once',
      '::ffff:203.0.113.7 203.0.113.7',
      { ipv4: 2 ** -32, ipv6: 0, isOpen: false },
    ],
  ];
  it.each(cases)('%s', (_, raw, open) => {
    expect(parseAccessList(raw).open).toStrictEqual(open);
  });
});

describe('looksLikeCredential', () => {
  const cases: Array<[string, boolean]> = [
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', true],
    ['F47AC10B-58CC-4372-A567-0E02B2C3D479', true],
    // UUIDs without a digit or without a letter escape the base64 rule.
    ['ABCDEFAB-CDEF-ABCD-EFAB-CDEFABCDEFAB', true],
    ['12345678-1234-1234-1234-123456789012', true],
    ['mdb_sa_id_0123456789abcdef01234567', true],
    [' mdb_sa_sk_x\n', true],
    ['mdb_sa_sk_x', true],
    ['-----BEGIN', true],
    ['x-----BEGINy', true],
    ['KEY-----', true],
    ['aB3dE5gH7jK9mN1pQ3sT', true],
    ['aB3_-xYz0123456789abcdef', true],
    ['QUJDREVGR0hJSktMTU5PUA==', true],
    ['a/b+c=1234567890abcdefgh', true],
    ['aB3dE5gH7jK9mN1pQ3s', false],
    ['abcdefghijklmnopqrstuvwxyz', false],
    ['123456789012345678901234', false],
    ['abc.def1234567890abcdefg', false],
    ['abc:def1234567890abcdefg', false],
    ['mdb_s', false],
    ['example.com', false],
    ['', false],
    ['fe80::1%eth0', false],
    ['203.0.113.7', false],
    ['255.255.255.255/32', false],
    ['2001:db8:aaaa:bbbb:cccc:dddd:eeee:1234/128', false],
  ];
  it.each(cases)('%s → %s', (value, expected) => {
    expect(looksLikeCredential(value)).toBe(expected);
  });
});

describe('properties', () => {
  const prefix = (max: number) =>
    fc.option(
      fc.tuple(fc.integer({ min: 0, max }), fc.nat({ max: 2 })).map(([p, zeros]) => `/${'0'.repeat(zeros)}${p}`),
      { nil: undefined },
    );
  const ipv4Entry = fc.tuple(fc.ipV4(), prefix(32)).map(([address, p]) => address + (p ?? ''));
  const ipv6Entry = fc
    .tuple(fc.ipV6(), prefix(128), fc.boolean())
    .map(([address, p, upper]) => (upper ? address.toUpperCase() : address) + (p ?? ''));
  const validEntry = fc.oneof(ipv4Entry, ipv6Entry);
  const separator = fc.constantFrom(',', ' ', '\n', ', ', '\t', ',\r\n');

  it('accepts every address fc.ipV4() and fc.ipV6() generate', () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), (address) => {
        const report = parseAccessList(address);
        expect(report.invalid).toEqual([]);
        expect(report.entries).toHaveLength(1);
      }),
    );
  });

  it('the canonical form of any valid entry parses again to itself', () => {
    fc.assert(
      fc.property(validEntry, (typed) => {
        const [canonical] = parseAccessList(typed).entries;
        expect(lists(canonical)).toMatchObject({ entries: [canonical], rewritten: [], invalid: [] });
      }),
    );
  });

  it('IPv6 canonical form agrees with the WHATWG URL serializer (mapped addresses in mixed notation)', () => {
    const hex = fc.tuple(fc.nat(0xffff), fc.boolean(), fc.boolean()).map(([group, pad, upper]) => {
      const text = pad ? group.toString(16).padStart(4, '0') : group.toString(16);
      return upper ? text.toUpperCase() : text;
    });
    const mappedAddress = fc.oneof(
      fc.ipV4().map((a) => `::ffff:${a}`),
      fc.tuple(hex, hex).map(([high, low]) => `::ffff:${high}:${low}`),
    );
    fc.assert(
      fc.property(fc.oneof(fc.ipV6(), mappedAddress), (address) => {
        const hostname = new URL(`http://[${address}]`).hostname.slice(1, -1);
        const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(hostname);
        const v4 = mapped && ((parseInt(mapped[1], 16) << 16) | parseInt(mapped[2], 16)) >>> 0;
        const expected = v4 === null ? hostname : `::ffff:${[24, 16, 8, 0].map((s) => (v4 >>> s) & 255).join('.')}`;
        expect(parseAccessList(address).entries).toEqual([expected]);
      }),
    );
  });

  it('the canonical block contains the typed address and host bits are reported exactly when they change it', () => {
    fc.assert(
      fc.property(fc.oneof(ipv4Entry, ipv6Entry), (typed) => {
        const [address, p] = typed.split('/');
        const family = address.includes(':') ? 'ipv6' : 'ipv4';
        const [canonical] = parseAccessList(typed).entries;
        const [network, canonicalPrefix] = canonical.split('/');
        const blocks = new BlockList();
        blocks.addSubnet(network, Number(canonicalPrefix ?? (family === 'ipv4' ? 32 : 128)), family);
        expect(blocks.check(address, family)).toBe(true);
        if (p !== undefined) expect(Number(canonicalPrefix ?? (family === 'ipv4' ? 32 : 128))).toBe(Number(p));
        const hostBits = parseAccessList(typed).rewritten.some((r) => r.why === 'host bits');
        expect(hostBits).toBe(parseAccessList(address).entries[0] !== network);
      }),
    );
  });

  it('de-duplication is idempotent', () => {
    const junk = fc.constantFrom('example.com', '1.2.3.4/', 'fe80::1%eth0', '01.2.3.4');
    // Spellings of one block each, so that a list drawn from them repeats blocks under other spellings.
    const pool = [
      ['203.0.113.7', '203.0.113.7/32', '203.0.113.7/032'],
      ['198.51.100.0/24', '198.51.100.0/024', '198.51.100.77/24'],
      ['10.0.0.0/8', '10.1.2.3/8', '10.0.0.0/08'],
      ['2001:db8::1', '2001:DB8::1', '2001:db8:0:0:0:0:0:1/128', '2001:0DB8::0001/0128'],
      ['2001:db8::/32', '2001:DB8::/032', '2001:db8:ffff::1/32'],
      ['::ffff:192.0.2.1', '::FFFF:C000:201', '0:0:0:0:0:ffff:192.0.2.1/128'],
    ];
    const pooled = fc.constantFrom(...pool).chain((spellings) => fc.constantFrom(...spellings));
    let runs = 0;
    let withDuplicates = 0;
    fc.assert(
      fc.property(
        // 'medium': the default size draws so many short lists that under half would hold a duplicate.
        fc.array(fc.tuple(fc.oneof({ arbitrary: pooled, weight: 4 }, validEntry, junk), separator), { maxLength: 30, size: 'medium' }),
        (parts) => {
          const first = parseAccessList(parts.map(([entry, sep]) => entry + sep).join(''));
          const again = parseAccessList(first.entries.join(','));
          expect(lists(first.entries.join(','))).toEqual({ ...none, entries: first.entries, nonPublic: first.nonPublic, wide: first.wide });
          expect(again.open).toEqual(first.open);
          expect(first.entries.length + first.duplicates.length + first.invalid.length).toBe(parts.length);
          for (const duplicate of first.duplicates) expect(first.entries).toContain(parseAccessList(duplicate).entries[0]);
          runs++;
          if (first.duplicates.length > 0) withDuplicates++;
        },
      ),
    );
    expect(withDuplicates).toBeGreaterThan(runs / 2);
  });

  it('single IPv4 addresses (and their mapped forms) are non-public exactly when a range contains them', () => {
    const ranges: Array<[string, number, NonPublicKind]> = [
      ['0.0.0.0', 8, 'unspecified'],
      ['10.0.0.0', 8, 'private'],
      ['100.64.0.0', 10, 'shared address space (CGNAT)'],
      ['127.0.0.0', 8, 'loopback'],
      ['169.254.0.0', 16, 'link-local'],
      ['172.16.0.0', 12, 'private'],
      ['192.168.0.0', 16, 'private'],
      ['224.0.0.0', 4, 'multicast'],
      ['240.0.0.0', 4, 'reserved'],
    ];
    const lists4 = ranges.map(([network, p, kind]) => {
      const blocks = new BlockList();
      blocks.addSubnet(network, p, 'ipv4');
      return { blocks, kind };
    });
    // fc.ipV4() seldom lands in the narrow ranges and never on their edges: also draw from each range, from one address
    // before its first to one after its last (wrapping around 0.0.0.0 and 255.255.255.255).
    const toInt = (address: string) => address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
    const toText = (n: number) => [24, 16, 8, 0].map((shift) => (n >>> shift) & 255).join('.');
    const nearRange = fc.constantFrom(...ranges).chain(([network, p]) => {
      const size = 2 ** (32 - p);
      const offset = fc.oneof(fc.constantFrom(-1, 0, size - 1, size), fc.integer({ min: -1, max: size }));
      return offset.map((o) => toText((toInt(network) + o) >>> 0));
    });
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), nearRange, nearRange), (address) => {
        const kind = lists4.find(({ blocks }) => blocks.check(address, 'ipv4'))?.kind;
        expect(parseAccessList(address).nonPublic).toEqual(kind ? [{ entry: address, kind }] : []);
        expect(parseAccessList(`::ffff:${address}`).nonPublic).toEqual(kind ? [{ entry: `::ffff:${address}`, kind }] : []);
      }),
      // Enough runs that each range's four edges all come up.
      { numRuns: 1000 },
    );
  });

  it('an IPv4-mapped block (::ffff:a.b.c.d/96+n) is judged as the IPv4 block a.b.c.d/n: open, wide and non-public alike', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 })), { minLength: 1, maxLength: 6 }), (blocks) => {
        const v4 = parseAccessList(blocks.map(([a, p]) => `${a}/${p}`).join(' '));
        const mapped = parseAccessList(blocks.map(([a, p]) => `::ffff:${a}/${p + 96}`).join(' '));
        expect(mapped.open.ipv4).toBe(v4.open.ipv4);
        expect(mapped.open.isOpen).toBe(v4.open.isOpen);
        expect(mapped.open.ipv6).toBe(0);
        const strip = (entry: string) =>
          entry.startsWith('::ffff:') ? entry.slice(7).replace(/\/(\d+)$/, (_, p) => `/${Number(p) - 96}`) : entry;
        const asV4 = (entry: string) => (entry.includes('/') ? entry : `${entry}/32`);
        expect(mapped.wide.map((w) => ({ ...w, entry: asV4(strip(w.entry)) }))).toEqual(
          v4.wide.map((w) => ({ ...w, entry: asV4(w.entry) })),
        );
        expect(mapped.nonPublic.map((n) => ({ ...n, entry: asV4(strip(n.entry)) }))).toEqual(
          v4.nonPublic.map((n) => ({ ...n, entry: asV4(n.entry) })),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('coverage is the union of the blocks (checked on a bitmap of /8s)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 8 })), { maxLength: 12 }), (blocks) => {
        const covered = new Set<number>();
        for (const [first, p] of blocks) {
          const start = first - (first % 2 ** (8 - p));
          for (let i = start; i < start + 2 ** (8 - p); i++) covered.add(i);
        }
        const { open } = parseAccessList(blocks.map(([first, p]) => `${first}.0.0.0/${p}`).join(' '));
        expect(open.ipv4).toBe(covered.size / 256);
        expect(open.isOpen).toBe(covered.size >= 128);
      }),
    );
  });

  it('looksLikeCredential is false on every valid entry, typed or canonical', () => {
    fc.assert(
      fc.property(validEntry, (typed) => {
        expect(looksLikeCredential(typed)).toBe(false);
        expect(looksLikeCredential(parseAccessList(typed).entries[0])).toBe(false);
      }),
    );
  });
});

describe('a large list', () => {
  it('parses 20,000 entries, 4,000 of them duplicates in another spelling', () => {
    const v4 = Array.from({ length: 8000 }, (_, i) => `20.${i >> 8}.${i & 255}.7`);
    const v6 = Array.from({ length: 8000 }, (_, i) => `2001:db8:1::${(i + 1).toString(16)}`);
    const dupes = [...v4.slice(0, 2000).map((a) => `${a}/32`), ...v6.slice(0, 2000).map((a) => a.toUpperCase().replace('DB8', '0DB8'))];
    const report = parseAccessList([...v4, ...v6, ...dupes].join('\n'));
    expect(report.entries).toEqual([...v4, ...v6]);
    expect(report.duplicates).toEqual(dupes);
    expect([report.invalid, report.rewritten, report.nonPublic, report.wide]).toEqual([[], [], [], []]);
    expect(report.open).toEqual({ ipv4: 8000 / 2 ** 32, ipv6: 8000 / 2 ** 128, isOpen: false });
  });
});
