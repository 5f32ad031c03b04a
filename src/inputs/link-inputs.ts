import type { LinkSettings } from '../settings.js';
import { parseAccessList, looksLikeCredential } from './access-list.js';
import { quoted, readBoolean, readInteger, type Findings, type InputReader } from './fields.js';

const MAX_LISTED = 10;

export function readLinkInputs(read: InputReader, f: Findings): LinkSettings {
  const linkToken = read('link-token') || undefined;
  if (linkToken && /\s/.test(linkToken)) f.fail('link-token', 'must not contain white space (it is masked, so not shown).');
  const force = readBoolean(read, 'force', false, f);
  const waitForSyncSeconds = readInteger(read, 'wait-for-sync', { fallback: 0, min: 0, max: 3600 }, f);
  return { accessListIps: parseAccessList(read('access-list-ips')).entries, linkToken, force, waitForSyncSeconds };
}

/** The access list of a link token about to be created: refused when bad or open, warned about when odd. */
export function checkAccessList(read: InputReader, f: Findings, isCloudManager: boolean): void {
  const allowOpen = readBoolean(read, 'allow-open-access-list', false, f);
  const report = parseAccessList(read('access-list-ips'));

  const show = (entry: string) =>
    looksLikeCredential(entry) ? `an entry of ${entry.length} characters that looks like a key or token (not shown)` : quoted(entry);
  if (report.invalid.length) {
    const listed = report.invalid.slice(0, MAX_LISTED).map(show).join(', ');
    const more = report.invalid.length > MAX_LISTED ? `, and ${report.invalid.length - MAX_LISTED} more` : '';
    f.fail(
      'access-list-ips',
      `${report.invalid.length === 1 ? 'this entry is' : `${report.invalid.length} entries are`} not an IPv4/IPv6 address or CIDR block: ${listed}${more}. ` +
        'Expected entries such as 203.0.113.7, 198.51.100.0/24 or 2001:db8::/32, separated by commas, spaces or new lines.',
    );
  }
  if (report.open.isOpen) {
    const message = `opens the link token to most of the Internet: ${report.open.reason}. The token carries an Atlas API key usable from every address on this list.`;
    if (allowOpen) f.note('warning', `access-list-ips ${message} Allowed by allow-open-access-list.`, 'Open access list');
    else
      f.fail(
        'access-list-ips',
        `${message} List the Ops Manager host's public addresses, or set allow-open-access-list: 'true' if you really mean it.`,
      );
  }
  // One annotation each kind, naming at most MAX_LISTED entries: a long list must not flood the log.
  if (report.nonPublic.length === 1) {
    const { entry, kind } = report.nonPublic[0];
    f.note(
      'warning',
      `access-list-ips: ${entry} is ${kind === 'unspecified' || kind === 'reserved' ? 'an' : 'a'} ${kind} address; Atlas never sees traffic from it, so it does not help the Ops Manager host reach Atlas. List the host's public (egress) address.`,
      'Access list',
    );
  } else if (report.nonPublic.length > 1) {
    f.note(
      'warning',
      `access-list-ips: ${report.nonPublic.length} entries are addresses Atlas never sees traffic from: ${listed(report.nonPublic.map((n) => `${n.entry} (${n.kind})`))}. List the Ops Manager host's public (egress) addresses.`,
      'Access list',
    );
  }
  if (report.wide.length) {
    f.note(
      'warning',
      `access-list-ips: ${listed(report.wide.map((w) => `${w.entry} opens the token to ${w.addresses} addresses`))}. Is that really the Ops Manager host's?`,
      'Access list',
    );
  }
  if (report.rewritten.length) {
    f.note(
      'notice',
      `access-list-ips: sent as ${listed(report.rewritten.map((r) => `${r.canonical} (typed ${r.typed}${r.why === 'host bits' ? ', host bits cleared' : ''})`))}.`,
    );
  }
  if (report.duplicates.length) f.note('notice', `access-list-ips: removed duplicate entries ${listed(report.duplicates)}.`);
  if (report.entries.length === 0 && !isCloudManager) {
    f.note(
      'warning',
      'access-list-ips is empty but the source is not Cloud Manager: Ops Manager reaches Atlas with the API key inside the ' +
        'link token, and Atlas only accepts it from the addresses on that list. Add the public IPs of your Ops Manager host(s).',
      'Access list',
    );
  }
}

function listed(items: string[]): string {
  const shown = items.slice(0, MAX_LISTED).join(', ');
  return items.length > MAX_LISTED ? `${shown}, and ${items.length - MAX_LISTED} more` : shown;
}
