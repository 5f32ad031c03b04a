/**
 * The forms a secret takes in text a server may send back: the request body it travelled in
 * (JSON), a query or form, an HTML page, and base64 of a whole body. Each form is redacted like
 * the secret itself and registered with the runner's mask, which matches literal text only.
 */
export function formsOf(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  const url = encodeURIComponent(value);
  const form = new URLSearchParams({ v: value }).toString().slice(2);
  const forms = [
    value,
    json,
    // Serialisers that escape more: `/` as `\/`, HTML-sensitive and non-ASCII characters as \uXXXX (Go, Jackson).
    json.replace(/\//g, '\\/'),
    json.replace(/[<>&'\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
    url,
    url.replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase()),
    url.replace(/%20/g, '+'),
    form,
    ...htmlForms(value),
    ...htmlForms(json),
  ];
  return [...new Set(forms)];
}

/** Base64 of a body holding the secret (raw, in JSON, or form-encoded) holds one of these. */
export function base64FormsOf(value: string): string[] {
  const texts = new Set([value, JSON.stringify(value).slice(1, -1), new URLSearchParams({ v: value }).toString().slice(2)]);
  return [...new Set([...texts].flatMap(base64Alignments))].filter((b) => b.length >= MIN_BASE64);
}

/** Base64 this short (of a short secret) is too likely to be other text. */
const MIN_BASE64 = 8;

const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function htmlForms(text: string): string[] {
  const special = /[&<>"']/g;
  return [
    text.replace(special, (c) => HTML_NAMED[c]),
    text.replace(special, (c) => `&#${c.charCodeAt(0)};`),
    text.replace(special, (c) => `&#x${c.charCodeAt(0).toString(16)};`),
    text.replace(special, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`),
  ];
}

/**
 * Base64 of a body that holds `text` holds, whatever the body around it, the base64 of the
 * bytes of `text` from its first 3-byte group boundary to its last; which boundary that is
 * depends on the text's offset in the body (mod 3), so all three are kept, in base64 and
 * base64url. The bytes cut off at either end are covered by the token run they sit in.
 */
function base64Alignments(text: string): string[] {
  const bytes = Buffer.from(text, 'utf8');
  const found: string[] = [];
  for (let skip = 0; skip < 3; skip += 1) {
    const groups = Math.floor((bytes.length - skip) / 3);
    if (groups < 1) continue;
    const inner = bytes.subarray(skip, skip + groups * 3);
    found.push(inner.toString('base64'), inner.toString('base64url'));
  }
  return found;
}
