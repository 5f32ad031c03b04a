import { isIP } from 'node:net';
import { looksLikePrivateKey } from './fields.js';

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
    const kind = nonPublicKind(block);
    if (kind) report.nonPublic.push({ entry: canonical, kind });
    // A non-public block exposes nothing, however wide, and is already reported above.
    else if (block.prefix < WIDE_BELOW[block.family]) report.wide.push({ entry: canonical, addresses: size(block).toString() });
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

/** The mask of one 16-bit group when `bits` bits of the prefix remain at its start. */
function groupMask(bits: number): number {
  return bits >= 16 ? 0xffff : bits <= 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
}

/** Whether the block `groups/prefix` lies wholly inside the block `outer/outerPrefix`. */
function within(groups: number[], prefix: number, outer: number[], outerPrefix: number): boolean {
  if (prefix < outerPrefix) return false;
  for (let i = 0; i < outer.length; i++) if ((groups[i] & groupMask(outerPrefix - 16 * i)) !== outer[i]) return false;
  return true;
}

function ipv4Groups(text: string): number[] {
  const octets = text.split('.');
  return [(Number(octets[0]) << 8) | Number(octets[1]), (Number(octets[2]) << 8) | Number(octets[3])];
}

/** Only called on text node:net accepted, so the only empty parts are the one or two of a single `::`. */
function ipv6Groups(text: string): number[] {
  const groups: number[] = [];
  let gap = 0; // where the zeros of `::` go; without one there are eight groups already
  for (const part of text.split(':')) {
    if (part === '') gap = groups.length;
    else if (part.includes('.')) groups.push(...ipv4Groups(part));
    else groups.push(parseInt(part, 16));
  }
  while (groups.length < 8) groups.splice(gap, 0, 0);
  return groups;
}

/** ::ffff:0:0/96 */
const isMapped = (g: number[]): boolean => g.length === 8 && g[5] === 0xffff && (g[0] | g[1] | g[2] | g[3] | g[4]) === 0;

function formatIPv4(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::` (the first on a tie). */
function formatIPv6(groups: number[]): string {
  if (isMapped(groups)) return `::ffff:${formatIPv4(groups[6], groups[7])}`;
  let [runStart, runLength] = [-1, 1];
  for (let i = 0, run = 0; i < 8; i++) {
    run = groups[i] === 0 ? run + 1 : 0;
    if (run > runLength) [runStart, runLength] = [i - run + 1, run];
  }
  const hex = groups.map((group) => group.toString(16));
  if (runStart < 0) return hex.join(':');
  return `${hex.slice(0, runStart).join(':')}::${hex.slice(runStart + runLength).join(':')}`;
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

/** The kind of the non-public range the block lies wholly inside, if any; `::ffff:a.b.c.d/96` and longer are judged as IPv4. */
function nonPublicKind({ family, groups, prefix }: Pick<Block, 'family' | 'groups' | 'prefix'>): NonPublicKind | undefined {
  if (family === 6 && prefix >= 96 && isMapped(groups)) return nonPublicKind({ family: 4, groups: groups.slice(6), prefix: prefix - 96 });
  for (const r of NON_PUBLIC[family]) if (within(groups, prefix, r.groups, r.prefix)) return r.kind;
  return undefined;
}

function openness(blocks: Block[]): AccessListReport['open'] {
  const open: AccessListReport['open'] = { ipv4: 0, ipv6: 0, isOpen: false };
  const reasons: string[] = [];
  for (const family of [4, 6] as const) {
    const mine = blocks.filter((b) => b.family === family);
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
