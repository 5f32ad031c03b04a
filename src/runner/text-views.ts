/**
 * Views of a text with what hides a secret from a plain search undone: line breaks (real, or
 * shown as `\n`), invisible and control characters inside it, HTML entities, JSON escapes,
 * percent- and form-encoding. Every character of a view knows the stretch of the original text
 * it came from, so that a secret found in a view is redacted from the original.
 */
export interface View {
  readonly text: string;
  /** Where each character of `text` starts and ends in the original; absent for the original itself. */
  readonly from?: Int32Array;
  readonly to?: Int32Array;
}

export type Span = [start: number, end: number];

/** The stretch of the original that characters [start, end) of a view came from. */
export function spanOf(view: View, start: number, end: number): Span {
  return view.from && view.to ? [view.from[start], view.to[end - 1]] : [start, end];
}

/**
 * The text with line breaks and invisible characters removed, as the folded view removes them.
 * A secret that itself holds text the fold removes (`\n`, `\x9a`) is searched for folded too.
 */
export function folded(text: string): string {
  return fold({ text }).text;
}

/** HIDING removed until none is left: a break inside a shown one (`\` CR LF `n`) leaves one behind. */
function fold(view: View): View {
  // Each pass that finds something removes it, so this ends.
  for (let next = rewrite(view, HIDING, () => ''); next !== view; next = rewrite(view, HIDING, () => '')) view = next;
  return view;
}

/** The text itself, then each decoded view that differs from it. */
export function viewsOf(text: string): View[] {
  const raw: View = { text };
  // Most text is printable ASCII with nothing any decoding acts on.
  if (!DECODABLE.test(text)) return [raw];
  const unbroken = fold(raw);
  const percent = rewrite(unbroken, PERCENT, percentChar);
  const views = [
    raw,
    // Only the real characters gone: a secret that holds text like a shown break (`\n`) stays whole.
    rewrite(raw, REAL_HIDING, () => ''),
    unbroken,
    unescape(unbroken),
    percent,
    unescape(percent),
    rewrite(unbroken, FORM, (m) => (m === '+' ? ' ' : percentChar(m))),
  ];
  return [...new Set(views)];
}

// eslint-disable-next-line no-control-regex -- control characters are what a view removes
const DECODABLE = /[\\&%+<\x00-\x1f\x7f-\uffff]/;

/** Line breaks and invisible or control characters, the characters themselves. */
const INVISIBLE = String.raw`\r\n\u0085\u2028\u2029\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff`;
const REAL_HIDING = new RegExp(`[${INVISIBLE}]`, 'g');
/** The same, as they are or as `neutralize` shows them. */
const HIDING = new RegExp(
  String.raw`\\r\\n|\\[rn]|<U\+(?:00AD|180E|200[B-F]|202[8-E]|206[0-9]|FEFF)>|\\x(?:[01][0-9a-f]|7f|[89][0-9a-f])|[${INVISIBLE}]`,
  'gi',
);

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(quot|amp|lt|gt|apos|nbsp));/gi;
const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/]))/g;
/** One UTF-8 character, percent-encoded. */
const PERCENT = /%[0-7][0-9a-f]|%[cd][0-9a-f]%[89ab][0-9a-f]|%e[0-9a-f](?:%[89ab][0-9a-f]){2}|%f[0-4](?:%[89ab][0-9a-f]){3}/gi;
const FORM = new RegExp(`\\+|${PERCENT.source}`, 'gi');

/** HTML entities, then JSON escapes twice (a body quoted inside a JSON string), then any line break that uncovered. */
function unescape(view: View): View {
  const entities = rewrite(view, ENTITY, (_, decimal, hex, name) =>
    name ? NAMED[name.toLowerCase()] : codePoint(decimal ? Number(decimal) : parseInt(hex, 16)),
  );
  const json = (v: View) => rewrite(v, JSON_ESCAPE, (_, hex, char) => (hex ? String.fromCharCode(parseInt(hex, 16)) : char));
  return fold(json(json(entities)));
}

function codePoint(n: number): string {
  return n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd';
}

function percentChar(encoded: string): string {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
}

/** The view with each match of `pattern` replaced by `decode` of it, every new character mapped to the whole match. */
function rewrite(view: View, pattern: RegExp, decode: (match: string, ...groups: string[]) => string): View {
  const source = view.text;
  pattern.lastIndex = 0;
  let match = pattern.exec(source);
  if (!match) return view;
  // A decoded match is never longer than the match: the view is never longer than its source.
  const starts = new Int32Array(source.length);
  const ends = new Int32Array(source.length);
  const parts: string[] = [];
  let length = 0;
  let last = 0;
  const keep = (end: number) => {
    parts.push(source.slice(last, end));
    for (let i = last; i < end; i += 1, length += 1) {
      starts[length] = view.from ? view.from[i] : i;
      ends[length] = view.to ? view.to[i] : i + 1;
    }
    last = end;
  };
  for (; match; match = pattern.exec(source)) {
    const end = match.index + match[0].length;
    keep(match.index);
    const decoded = decode(match[0], ...match.slice(1));
    if (decoded.length > match[0].length || decoded === match[0]) {
      keep(end);
      continue;
    }
    parts.push(decoded);
    const start = view.from ? view.from[match.index] : match.index;
    const stop = view.to ? view.to[end - 1] : end;
    for (let k = 0; k < decoded.length; k += 1, length += 1) {
      starts[length] = start;
      ends[length] = stop;
    }
    last = end;
  }
  keep(source.length);
  return { text: parts.join(''), from: starts.subarray(0, length), to: ends.subarray(0, length) };
}
