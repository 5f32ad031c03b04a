import { base64FormsOf, formsOf } from './secret-forms.js';
import { folded, spanOf, viewsOf, type Span } from './text-views.js';

/**
 * The secrets of this run: registered with the runner (`add-mask`) the moment they are known,
 * in every form a server may echo them in, and redacted from any text before it is cut or
 * printed, so that neither a cut piece of a secret nor a form the runner's mask misses (escaped,
 * encoded, split across lines, an invisible character inside) reaches the log.
 */
export class SecretSet {
  private readonly values = new Set<string>();
  /** Every form of every secret (see secret-forms.ts). */
  private readonly forms = new Set<string>();
  /** The forms that are base64 of a body around the secret: the token run around one is that body, and is redacted whole. */
  private readonly inRuns = new Set<string>();
  /** Every WINDOW-character piece of every form, to find pieces echoed on their own. */
  private readonly pieces = new Set<string>();
  /** The two-character starts of the pieces: a position no piece starts at is skipped without a slice. */
  private readonly starts = new Uint8Array(1 << 16);

  constructor(private readonly mask: (value: string) => void) {}

  /** A secret, and each form of it. */
  add(value: string): void {
    if (!value || this.values.has(value)) return;
    this.values.add(value);
    const forms = formsOf(value);
    for (const form of forms) this.insert(form);
    // The folded view drops what looks like a shown line break or control character, in the secret too.
    for (const form of forms) {
      const fold = folded(form);
      if (fold !== form && fold.length >= MIN_FOLDED) this.insert(fold, false);
    }
    for (const form of base64FormsOf(value)) {
      this.insert(form);
      this.inRuns.add(form);
    }
  }

  private insert(form: string, mask = true): void {
    if (this.forms.has(form)) return;
    this.forms.add(form);
    for (let i = 0; i + WINDOW <= form.length; i += 1) {
      this.pieces.add(form.slice(i, i + WINDOW));
      this.starts[pairAt(form, i)] = 1;
    }
    if (mask) this.mask(form);
  }

  /**
   * A link token is base64 of JSON that holds an Atlas API key pair: the key values inside are
   * secrets of their own (the token's prefix decodes to them).
   */
  addLinkToken(token: string): void {
    this.add(token);
    for (const value of secretsInside(token)) this.add(value);
  }

  /**
   * Replaces with `***` every stretch of `text` that holds, in the text or in any decoded view of
   * it (text-views.ts), a form of a secret or a piece of one, and any token-like run holding a
   * piece. `cut`: the text was cut at its end, so a secret's start there is all that is left of it.
   */
  redact(text: string, cut = false): string {
    if (this.forms.size === 0) return text;
    const whole: Span[] = [];
    const inRuns: Span[] = [];
    const pieces: Span[] = [];
    for (const view of viewsOf(text)) {
      for (const form of this.forms) {
        if (form.length < 3) continue;
        const found = this.inRuns.has(form) ? inRuns : whole;
        for (let at = view.text.indexOf(form); at >= 0; at = view.text.indexOf(form, at + 1))
          found.push(spanOf(view, at, at + form.length));
      }
      for (let i = 0; i + WINDOW <= view.text.length; i += 1) if (this.isPiece(view.text, i)) pieces.push(spanOf(view, i, i + WINDOW));
    }
    if (cut) whole.push(...this.startAtEnd(text));
    if (whole.length === 0 && inRuns.length === 0 && pieces.length === 0) return text;
    return replaced(text, [...whole, ...inRuns, ...pieces, ...runsHolding(text, merged(whole), pieces, inRuns)]);
  }

  private isPiece(text: string, i: number): boolean {
    return this.starts[pairAt(text, i)] === 1 && this.pieces.has(text.slice(i, i + WINDOW));
  }

  /** The longest start of any form that ends the text. */
  private startAtEnd(text: string): Span[] {
    let longest = 0;
    for (const form of this.forms)
      for (let k = Math.min(form.length, text.length); k > longest; k -= 1)
        if (text.endsWith(form.slice(0, k))) {
          longest = k;
          break;
        }
    return longest ? [[text.length - longest, text.length]] : [];
  }
}

/** A piece of a secret this long, echoed alone (say, a cut prefix), is still redacted. */
const WINDOW = 16;
/** A secret folded shorter than this is too likely to be other text. */
const MIN_FOLDED = 6;
/** Runs of the characters tokens and keys are made of. */
const TOKEN_RUN = /[A-Za-z0-9+/=_.~-]{16,}/g;
const SECRET_FIELD = /key|secret|pass|token|cred|auth/i;

const pairAt = (text: string, i: number) => ((text.charCodeAt(i) << 8) ^ text.charCodeAt(i + 1)) & 0xffff;

/** Spans sorted, and those that overlap or touch joined. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const [start, end] of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function replaced(text: string, spans: Span[]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of merged(spans)) {
    out += `${text.slice(at, start)}***`;
    at = end;
  }
  return out + text.slice(at);
}

/**
 * The token-like runs of the text, outside the whole secrets found, that hold a piece of one (a
 * key with a few characters changed) or meet a secret's base64 (base64 of a body around it).
 */
function runsHolding(text: string, whole: Span[], pieces: Span[], inRuns: Span[]): Span[] {
  if (pieces.length === 0 && inRuns.length === 0) return [];
  let blanked = '';
  let at = 0;
  for (const [start, end] of whole) {
    blanked += text.slice(at, start) + ' '.repeat(end - start);
    at = end;
  }
  blanked += text.slice(at);
  const sorted = [...pieces].sort((a, b) => a[0] - b[0]);
  const runs: Span[] = [];
  let first = 0;
  for (const run of blanked.matchAll(TOKEN_RUN)) {
    const start = run.index;
    const end = start + run[0].length;
    if (inRuns.some(([a, b]) => a < end && b > start)) {
      runs.push([start, end]);
      continue;
    }
    while (first < sorted.length && sorted[first][0] < start) first += 1;
    for (let i = first; i < sorted.length && sorted[i][0] < end; i += 1)
      if (sorted[i][1] <= end) {
        runs.push([start, end]);
        break;
      }
  }
  return runs;
}

function secretsInside(token: string): string[] {
  for (const encoding of ['base64', 'base64url'] as const) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(token, encoding).toString('utf8'));
    } catch {
      continue;
    }
    if (parsed && typeof parsed === 'object') return leaves(parsed as Record<string, unknown>);
  }
  return [];
}

function leaves(object: Record<string, unknown>, depth = 0): string[] {
  const found: string[] = [];
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'string') {
      // Ids of organizations and projects are printed on purpose; key material is not.
      const isId = /^[0-9a-f]{24}$/i.test(value);
      if (!isId && value.length >= 6 && (SECRET_FIELD.test(key) || value.length >= 20)) found.push(value);
    } else if (value && typeof value === 'object' && depth < 4) {
      found.push(...leaves(value as Record<string, unknown>, depth + 1));
    }
  }
  return found;
}
