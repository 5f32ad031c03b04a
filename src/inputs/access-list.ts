import { isIP } from 'node:net';
import { looksLikePrivateKey } from './fields.js';
import { formatIPv4, formatIPv6, groupMask, ipv4Groups, ipv6Groups, isMapped, MAPPED, within } from './ip-blocks.js';

export interface AccessListReport {
  /** Canonical, de-duplicated entries to send, in input order. */
  entries: string[];
  /** Entries that are not an address or CIDR block, exactly as typed. */
  invalid: string[];
  /** Entries dropped because an earlier one is the same block (as typed). */
  duplicates: string[];
  /** Entries sent in a different spelling than typed: `1.2.3.0/024` → `1.2.3.0/24`, `2001:DB8:0::1` → `2001:db8::1`, host bits cleared `10.1.2.3/8` → `10.0.0.0/8`. */
  rewritten: Array<{ typed: string; canonical: string; why: 'spelling' | 'host bits' }>;
  /** Entries Atlas can never see as a source address, with why. */
  nonPublic: Array<{ entry: string; kind: NonPublicKind }>;
  /** Single blocks wide enough to deserve a warning (IPv4 shorter than /16, IPv6 shorter than /32), with the number of addresses as a decimal string. */
  wide: Array<{ entry: string; addresses: string }>;
  /** Whether the list opens the token to (most of) the Internet, per family. */
  open: { ipv4: number; ipv6: number; isOpen: boolean; reason?: string };
}

export type NonPublicKind =
  'private' | 'loopback' | 'link-local' | 'shared address space (CGNAT)' | 'unique local' | 'unspecified' | 'multicast' | 'reserved';

type Family = 4 | 6;

interface Block {
  family: Family;
  /** The network address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
  groups: number[];
  prefix: number;
  canonical: string;
}

const BITS = { 4: 32, 6: 128 } as const;
const WIDE_BELOW = { 4: 16, 6: 32 } as const;

/** Splits on commas, white space and new lines; see AccessListReport for what each list holds. */
export function parseAccessList(raw: string): AccessListReport {
  const report: AccessListReport = {
    entries: [],
    invalid: [],
    duplicates: [],
    rewritten: [],
    nonPublic: [],
    wide: [],
    open: { ipv4: 0, ipv6: 0, isOpen: false },
  };
  const seen = new Set<string>();
  const blocks: Block[] = [];
  for (const typed of raw.split(/[\s,]+/)) {
    if (typed === '') continue;
    const block = parseEntry(typed);
    if (!block) {
      report.invalid.push(typed);
      continue;
    }
    const { canonical } = block;
    // The canonical text is a one-to-one function of (family, network, prefix), so it serves as the de-duplication key.
    if (seen.has(canonical)) {
      report.duplicates.push(typed);
      continue;
    }
    seen.add(canonical);
    blocks.push(block);
    report.entries.push(canonical);
    if (canonical !== typed) report.rewritten.push({ typed, canonical, why: block.hostBits ? 'host bits' : 'spelling' });
    // `::ffff:a.b.c.d/96` and longer are judged as the IPv4 block they map.
    const judged = mappedIPv4(block) ?? block;
    const kind = nonPublicKind(judged);
    if (kind) report.nonPublic.push({ entry: canonical, kind });
    // A non-public block exposes nothing, however wide, and is already reported above.
    else if (judged.prefix < WIDE_BELOW[judged.family]) report.wide.push({ entry: canonical, addresses: size(judged).toString() });
  }
  report.open = openness(blocks);
  return report;
}

/**
 * True for values shaped like a secret pasted into the wrong input. Never true for a valid address or CIDR block, which
 * always has a dot or a colon (refused by the base64 rule) and never a `-` or `_` (required by the others).
 */
export function looksLikeCredential(entry: string): boolean {
  const text = entry.trim();
  return (
    looksLikePrivateKey(text) ||
    (/^[A-Za-z0-9+/=_-]{20,}$/.test(text) && /[A-Za-z]/.test(text) && /[0-9]/.test(text)) ||
    text.toLowerCase().startsWith('mdb_sa_') ||
    // Five dashes: PEM armour, and also the `KEY-----` left over when a pasted PEM block is split on white space.
    text.includes('-----')
  );
}

function parseEntry(typed: string): (Block & { hostBits: boolean }) | undefined {
  const slash = typed.indexOf('/');
  const address = slash < 0 ? typed : typed.slice(0, slash);
  const prefixText = slash < 0 ? undefined : typed.slice(slash + 1);
  // node:net accepts IPv6 zone ids (fe80::1%eth0); they mean nothing on a public access list.
  const family = address.includes('%') ? 0 : isIP(address);
  if (family !== 4 && family !== 6) return undefined;
  if (prefixText !== undefined && !/^[0-9]+$/.test(prefixText)) return undefined;
  const bits = BITS[family];
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  const groups = family === 4 ? ipv4Groups(address) : ipv6Groups(address);
  let hostBits = false;
  for (let i = 0; i < groups.length; i++) {
    const network = groups[i] & groupMask(prefix - 16 * i);
    hostBits ||= network !== groups[i];
    groups[i] = network;
  }
  const text = family === 4 ? formatIPv4(groups[0], groups[1]) : formatIPv6(groups);
  return { family, groups, prefix, canonical: prefix === bits ? text : `${text}/${prefix}`, hostBits };
}

/** An IPv4-mapped block (`::ffff:a.b.c.d/96` and longer) as the IPv4 block it maps; undefined for any other. */
function mappedIPv4(block: Block): Block | undefined {
  if (block.family !== 6 || block.prefix < 96 || !isMapped(block.groups)) return undefined;
  return { family: 4, groups: block.groups.slice(6), prefix: block.prefix - 96, canonical: block.canonical };
}

/** The IPv4 space a block opens: its own, the block it maps, or all of it for an IPv6 block holding ::ffff:0:0/96. */
function ipv4Space(block: Block): Block[] {
  const all = block.family === 6 && within(MAPPED, 96, block.groups, block.prefix);
  return block.family === 4 ? [block] : all ? [{ ...block, family: 4, groups: [0, 0], prefix: 0 }] : [mappedIPv4(block)].filter((b) => !!b);
}

function size(block: Block): bigint {
  return 1n << BigInt(BITS[block.family] - block.prefix);
}

type Range = { groups: number[]; prefix: number; kind: NonPublicKind };

const range = (text: string, prefix: number, kind: NonPublicKind): Range => ({
  groups: text.includes(':') ? ipv6Groups(text) : ipv4Groups(text),
  prefix,
  kind,
});

const NON_PUBLIC: Record<Family, Range[]> = {
  4: [
    range('0.0.0.0', 8, 'unspecified'),
    range('10.0.0.0', 8, 'private'),
    range('100.64.0.0', 10, 'shared address space (CGNAT)'),
    range('127.0.0.0', 8, 'loopback'),
    range('169.254.0.0', 16, 'link-local'),
    range('172.16.0.0', 12, 'private'),
    range('192.168.0.0', 16, 'private'),
    range('224.0.0.0', 4, 'multicast'),
    range('240.0.0.0', 4, 'reserved'),
  ],
  6: [
    range('::', 128, 'unspecified'),
    range('::1', 128, 'loopback'),
    range('fe80::', 10, 'link-local'),
    range('fc00::', 7, 'unique local'),
    range('ff00::', 8, 'multicast'),
  ],
};

/** The kind of the non-public range the block lies wholly inside, if any. */
function nonPublicKind({ family, groups, prefix }: Block): NonPublicKind | undefined {
  for (const r of NON_PUBLIC[family]) if (within(groups, prefix, r.groups, r.prefix)) return r.kind;
  return undefined;
}

function openness(blocks: Block[]): AccessListReport['open'] {
  const open: AccessListReport['open'] = { ipv4: 0, ipv6: 0, isOpen: false };
  const reasons: string[] = [];
  for (const family of [4, 6] as const) {
    // IPv4-mapped blocks count as the IPv4 space they map, not as IPv6.
    const mine = family === 4 ? blocks.flatMap(ipv4Space) : blocks.filter((b) => b.family === 6 && !mappedIPv4(b));
    const total = 1n << BigInt(BITS[family]);
    const covered = unionSize(mine);
    open[family === 4 ? 'ipv4' : 'ipv6'] = Number(covered) / Number(total);
    if (covered * 2n >= total) reasons.push(describeCover(family, mine, covered, total));
  }
  if (reasons.length > 0) Object.assign(open, { isOpen: true, reason: reasons.join('; ') });
  return open;
}

/**
 * Addresses covered by the union of the blocks (all of one family). Two CIDR blocks either nest or are disjoint, so once
 * sorted by start (the wider first on a tie) each block lies inside the last block counted or wholly after it.
 */
function unionSize(blocks: Block[]): bigint {
  const sorted = [...blocks].sort((a, b) => {
    for (let i = 0; i < a.groups.length; i++) if (a.groups[i] !== b.groups[i]) return a.groups[i] - b.groups[i];
    return a.prefix - b.prefix;
  });
  let covered = 0n;
  let last: Block | undefined;
  for (const block of sorted) {
    if (last && within(block.groups, block.prefix, last.groups, last.prefix)) continue;
    covered += size(block);
    last = block;
  }
  return covered;
}

/** E.g. "0.0.0.0/1 and 128.0.0.0/1 together cover 100% of IPv4"; names the two widest when there are more than three. */
function describeCover(family: Family, blocks: Block[], covered: bigint, total: bigint): string {
  const names = [...blocks].sort((a, b) => a.prefix - b.prefix).map((b) => b.canonical);
  const hundredths = (covered * 10000n) / total; // rounded down, so nearly-all never reads as 100%
  const percent = `${Number(hundredths) / 100}%`;
  const of = `of IPv${family}`;
  if (names.length === 1) return `${names[0]} covers ${percent} ${of}`;
  const who =
    names.length <= 3
      ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
      : `${names[0]}, ${names[1]} and ${names.length - 2} other IPv${family} entries`;
  return `${who} together cover ${percent} ${of}`;
}
