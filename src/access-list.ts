import net from 'node:net';

export interface AccessListResult {
  entries: string[];
  duplicates: string[];
  hostBitsSet: string[];
  invalid: string[];
}

/** Splits on commas, white space and new lines; checks each entry with node:net. */
export function parseAccessList(raw: string): AccessListResult {
  const result: AccessListResult = { entries: [], duplicates: [], hostBitsSet: [], invalid: [] };
  const seen = new Set<string>();
  for (const entry of raw.split(/[\s,]+/).filter(Boolean)) {
    const parsed = parseEntry(entry);
    if (!parsed) {
      result.invalid.push(entry);
      continue;
    }
    if (seen.has(parsed.key)) {
      result.duplicates.push(entry);
      continue;
    }
    seen.add(parsed.key);
    if (parsed.hostBitsSet) result.hostBitsSet.push(entry);
    result.entries.push(entry);
  }
  return result;
}

interface ParsedEntry {
  key: string;
  hostBitsSet: boolean;
}

function parseEntry(entry: string): ParsedEntry | undefined {
  const slash = entry.indexOf('/');
  const address = slash < 0 ? entry : entry.slice(0, slash);
  const prefixText = slash < 0 ? undefined : entry.slice(slash + 1);
  // node:net accepts IPv6 zone ids (fe80::1%eth0); they mean nothing on a public access list.
  const family = address.includes('%') ? 0 : net.isIP(address);
  if (family === 0) return undefined;
  const bits = family === 4 ? 32 : 128;
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  if (prefix > bits) return undefined;
  const value = family === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  return { key: `${family}:${value}/${prefix}`, hostBitsSet: (value & hostMask) !== 0n };
}

function ipv4ToBigInt(address: string): bigint {
  return address.split('.').reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(address: string): bigint {
  let text = address;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = ipv4ToBigInt(v4[1]);
    text = text.slice(0, -v4[1].length) + `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  return groups.reduce((acc, g) => (acc << 16n) + BigInt(parseInt(g, 16)), 0n);
}
