// A reader's decoder, independent of the action's (src/runner/text-views.ts): the text with each
// encoding a secret may hide in undone — HTML entities, JSON escapes (twice), line breaks shown or
// real, invisible characters named or not, percent- and form-encoding, and every base64 run
// decoded at each of its four starting offsets.

const html = (t: string) =>
  t
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const json = (t: string) =>
  t.replace(/\\u([0-9a-f]{4})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))).replace(/\\(["\\/])/g, '$1');
const fold = (t: string) => t.replace(/\\r\\n|\\n|\\r|\r|\n|<U\+[0-9A-F]{4}>|[\u200b-\u200d\u2060\ufeff]/g, '');
const form = (t: string) => {
  try {
    return decodeURIComponent(t.replace(/\+/g, ' '));
  } catch {
    return t;
  }
};
const base64 = (t: string) =>
  [0, 1, 2, 3].flatMap((shift) =>
    (t.slice(shift).match(/[A-Za-z0-9+/_-]{16,}={0,2}/g) ?? []).map((run) => Buffer.from(run, 'base64').toString('latin1')),
  );

export function decodedViews(text: string): string[] {
  const views: string[] = [];
  for (const v of [text, fold(text), ...base64(text), ...base64(fold(text))]) {
    const unescaped = json(json(html(v)));
    views.push(v, fold(v), unescaped, fold(unescaped), form(v), fold(form(v)));
  }
  return views;
}

/** The first `length`-character piece of `secret` readable in any decoded view of `text`, if any. */
export function readablePiece(text: string, secret: string, length: number): string | undefined {
  const views = decodedViews(text);
  for (let i = 0; i + length <= secret.length; i += 1) {
    const piece = secret.slice(i, i + length);
    if (views.some((v) => v.includes(piece))) return piece;
  }
  return undefined;
}
