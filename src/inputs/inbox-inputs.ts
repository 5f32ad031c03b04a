import { shown, type Findings, type InputReader } from './fields.js';

/** GitHub's longest label name. */
const MAX_LABEL = 50;

/**
 * `inbox-label`: the label of the campaign's inbox issue, or undefined (no inbox). One label: the
 * issues list takes a comma as "or", so a comma would find other issues.
 */
export function readInboxLabel(read: InputReader, f: Findings): string | undefined {
  const label = read('inbox-label');
  if (!label) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (label.length > MAX_LABEL || label.includes(',') || /[\u0000-\u001f\u007f]/.test(label))
    f.fail(
      'inbox-label',
      `expected one GitHub label of at most ${MAX_LABEL} characters, without commas or line breaks, such as migration-campaign; got ${shown(label)}.`,
    );
  return label;
}
