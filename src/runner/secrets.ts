/**
 * The secrets of this run: registered with the runner (`add-mask`) the moment they are known,
 * and redacted from any text before it is cut or printed, so that neither a cut piece of a
 * secret nor a secret the runner's mask misses (a substring, a decoded form) reaches the log.
 */
export class SecretSet {
  private readonly values = new Set<string>();
  /** Every WINDOW-character piece of every secret, to find pieces echoed on their own. */
  private readonly pieces = new Set<string>();
  /** Secrets longest first, so that one holding another is replaced whole. */
  private ordered: string[] = [];
  /** The two-character starts of the pieces: a position no piece starts at is skipped without a slice. */
  private readonly starts = new Uint8Array(1 << 16);

  constructor(private readonly mask: (value: string) => void) {}

  /** A secret, and its URL-encoded form (a server may echo it from a query or form). */
  add(value: string): void {
    this.insert(value);
    this.insert(encodeURIComponent(value));
  }

  private insert(value: string): void {
    if (!value || this.values.has(value)) return;
    this.values.add(value);
    this.ordered = [...this.values].sort((a, b) => b.length - a.length);
    for (let i = 0; i + WINDOW <= value.length; i += 1) {
      this.pieces.add(value.slice(i, i + WINDOW));
      this.starts[pairAt(value, i)] = 1;
    }
    this.mask(value);
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
   * Replaces every known secret, any token-like run holding a piece of one, and any other
   * stretch made of pieces (a password's prefix has characters no token run has) with `***`.
   */
  redact(text: string): string {
    if (this.values.size === 0) return text;
    let out = text;
    for (const value of this.ordered) {
      if (value.length >= 3 && out.includes(value)) out = out.split(value).join('***');
    }
    if (this.pieces.size === 0 || out.length < WINDOW) return out;
    out = out.replace(TOKEN_RUN, (run) => (this.holdsPiece(run) ? '***' : run));
    return this.coverPieces(out);
  }

  /** Each stretch of text covered by pieces of secrets, overlapping or touching, becomes one `***`. */
  private coverPieces(text: string): string {
    let out = '';
    let end = -1;
    for (let i = 0; i + WINDOW <= text.length; i += 1) {
      if (!this.starts[pairAt(text, i)] || !this.pieces.has(text.slice(i, i + WINDOW))) continue;
      if (i > end) out += `${text.slice(Math.max(end, 0), i)}***`;
      end = i + WINDOW;
    }
    return end < 0 ? text : out + text.slice(end);
  }

  private holdsPiece(run: string): boolean {
    for (let i = 0; i + WINDOW <= run.length; i += 1)
      if (this.starts[pairAt(run, i)] && this.pieces.has(run.slice(i, i + WINDOW))) return true;
    return false;
  }
}

const pairAt = (text: string, i: number) => ((text.charCodeAt(i) << 8) ^ text.charCodeAt(i + 1)) & 0xffff;

/** A piece of a secret this long, echoed alone (say, a cut prefix), is still redacted. */
const WINDOW = 16;
/** Runs of the characters tokens and keys are made of. */
const TOKEN_RUN = /[A-Za-z0-9+/=_.~-]{16,}/g;
const SECRET_FIELD = /key|secret|pass|token|cred|auth/i;

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
