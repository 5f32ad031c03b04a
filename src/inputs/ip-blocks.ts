// Addresses and CIDR blocks as 16-bit groups (2 for IPv4, 8 for IPv6): parsing, masks, containment and RFC 5952 text.

/** The mask of one 16-bit group when `bits` bits of the prefix remain at its start. */
export function groupMask(bits: number): number {
  return bits >= 16 ? 0xffff : bits <= 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
}

/** Whether the block `groups/prefix` lies wholly inside the block `outer/outerPrefix`. */
export function within(groups: number[], prefix: number, outer: number[], outerPrefix: number): boolean {
  if (prefix < outerPrefix) return false;
  for (let i = 0; i < outer.length; i++) if ((groups[i] & groupMask(outerPrefix - 16 * i)) !== outer[i]) return false;
  return true;
}

export function ipv4Groups(text: string): number[] {
  const octets = text.split('.');
  return [(Number(octets[0]) << 8) | Number(octets[1]), (Number(octets[2]) << 8) | Number(octets[3])];
}

/** Only called on text node:net accepted, so the only empty parts are the one or two of a single `::`. */
export function ipv6Groups(text: string): number[] {
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
export const isMapped = (g: number[]): boolean => g.length === 8 && g[5] === 0xffff && (g[0] | g[1] | g[2] | g[3] | g[4]) === 0;
export const MAPPED = [0, 0, 0, 0, 0, 0xffff, 0, 0];

export function formatIPv4(high: number, low: number): string {
  return `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;
}

/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as `::` (the first on a tie). */
export function formatIPv6(groups: number[]): string {
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
