/**
 * A host name as RFC 1123 has it: labels of ASCII letters, digits and hyphens, each 1 to 63
 * characters and neither starting nor ending with a hyphen, joined by single dots, at most 253
 * characters in all; or an IPv4 address (four numbers of 0 to 255). A name of digits and dots only
 * must be an IPv4 address, or it is neither. What a person types as migration-host (or writes in a
 * plan); what Atlas lists is taken as it comes.
 */
export const HOST_NAME_RULE =
  'a host name, such as mh-1.example.net: labels of letters, digits and hyphens (1 to 63 characters each, ' +
  'not starting or ending with a hyphen) joined by dots, at most 253 characters; or an IPv4 address such as 10.0.0.5';

const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
const IPV4_OCTET = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Why `value` is not a host name, in words, or undefined when it is one. */
export function hostNameProblem(value: string): string | undefined {
  if (value === '') return 'it is empty';
  const bad = /[^A-Za-z0-9.-]/.exec(value);
  if (bad) {
    const what =
      bad[0] === ','
        ? 'a comma (name one migration host)'
        : /\s/.test(bad[0])
          ? 'white space'
          : /[\x21-\x7e]/.test(bad[0])
            ? `"${bad[0]}"`
            : `the character U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    return `it contains ${what}`;
  }
  if (value.length > 253) return `it is ${value.length} characters long`;
  const labels = value.split('.');
  if (labels.some((l) => l === '')) return 'it has an empty label (a dot at either end, or two dots together)';
  if (labels.every((l) => /^\d+$/.test(l)))
    return labels.length === 4 && labels.every((l) => IPV4_OCTET.test(l)) ? undefined : 'it is all digits but not an IPv4 address';
  const long = labels.find((l) => l.length > 63);
  if (long) return `a label is ${long.length} characters long`;
  if (labels.some((l) => !LABEL.test(l))) return 'a label starts or ends with a hyphen';
  return undefined;
}
