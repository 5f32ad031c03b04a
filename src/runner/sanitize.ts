/**
 * Text that did not come from this program's source (server bodies and headers, OAuth errors,
 * project and host names, statuses, input values, Node's error messages) made fit for one log
 * line, annotation, output or summary cell. The GitHub runner splits lines on CR as well as LF,
 * acts on `::` at a line start and on `##[` anywhere in a line, and terminals act on escape
 * sequences; none of that may come through.
 */
/* eslint-disable no-control-regex -- matching control characters is the point here */
export function neutralize(text: string): string {
  // Most text is printable ASCII with nothing the runner acts on: one test instead of eight replaces.
  if (!/[^\x20-\x7e]|##\[|^\s*::/.test(text)) return text;
  let out = text
    // ANSI control sequences (CSI) and strings (OSC, DCS, …), dropped whole.
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '')
    .replace(/\x1b[\]PX^_][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '')
    .replace(/\r\n|\r|\n/g, (m) => (m === '\n' ? '\\n' : m === '\r' ? '\\r' : '\\r\\n'))
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, (c) => `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`)
    .replace(/[\x00-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
    .replace(/##\[/g, '## [');
  if (/^\s*::/.test(out)) out = out.replace('::', ': :');
  return out;
}
/* eslint-enable no-control-regex */

/** Bidirectional controls, zero-width characters and Unicode line separators. */
const INVISIBLE = /[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** Cuts text to `max` characters, saying how much was left out of `length` (the text's own, or the original's when it was cut before). */
export function clip(text: string, max: number, length = text.length): string {
  if (text.length <= max && length === text.length) return text;
  let end = Math.min(max, text.length);
  // Do not split a surrogate pair.
  if (/[\ud800-\udbff]/.test(text[end - 1])) end -= 1;
  return `${text.slice(0, end)}… (${length - end} more characters)`;
}
