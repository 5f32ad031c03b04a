import { UnsupportedChallenge } from './auth.js';

/** A server's `WWW-Authenticate: Digest …` challenge, as this action answers it. */
export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  /** As RFC 7616 spells it: `MD5`, `MD5-sess`, `SHA-256` or `SHA-256-sess`, whatever case the server used. */
  algorithm: string;
  /** Whether the server offers `qop=auth` (MongoDB does); without a qop, RFC 2069's form. */
  qopAuth: boolean;
  stale: boolean;
}

/** Supported algorithms, strongest first, with the node:crypto hash of each. */
const ALGORITHMS: Array<[name: string, hash: string]> = [
  ['SHA-256', 'sha256'],
  ['SHA-256-sess', 'sha256'],
  ['MD5', 'md5'],
  ['MD5-sess', 'md5'],
];

export function hashOf(algorithm: string): string {
  return (ALGORITHMS.find(([name]) => name === algorithm) as [string, string])[1];
}

interface RawChallenge {
  scheme: string;
  params: Record<string, string>;
  /** A parameter named twice: the challenge is malformed and not used. */
  duplicate: boolean;
}

const TOKEN = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
const QUOTED = /"((?:[^"\\]|\\.)*)"/y;

/**
 * Every challenge in a `WWW-Authenticate` value (several headers arrive joined with commas):
 * `Basic realm="x", Digest realm="y", nonce="n", algorithm=SHA-256, Digest …`. A parameter
 * belongs to the scheme before it; token68 credentials (`Negotiate abc==`) are skipped.
 */
export function parseChallenges(header: string): RawChallenge[] {
  const out: RawChallenge[] = [];
  let i = 0;
  const space = () => {
    while (header[i] === ' ' || header[i] === '\t') i += 1;
  };
  const match = (re: RegExp) => {
    re.lastIndex = i;
    const m = re.exec(header);
    if (m) i += m[0].length;
    return m;
  };
  while (i < header.length) {
    space();
    if (header[i] === ',') {
      i += 1;
      continue;
    }
    const name = match(TOKEN)?.[0];
    if (name === undefined) {
      i += 1; // not a token: skip it
      continue;
    }
    space();
    const current = out.at(-1);
    if (header[i] !== '=') {
      out.push({ scheme: name.toLowerCase(), params: {}, duplicate: false });
      continue;
    }
    i += 1;
    space();
    const quoted = match(QUOTED);
    const value = quoted ? quoted[1].replace(/\\(.)/g, '$1') : match(TOKEN)?.[0];
    if (value === undefined) {
      while (header[i] === '=') i += 1; // token68 padding
      continue;
    }
    if (!current) continue;
    const key = name.toLowerCase();
    if (key in current.params) current.duplicate = true;
    current.params[key] = value;
  }
  return out;
}

/**
 * The digest challenge to answer among all those offered (RFC 7616 §3.7): the strongest
 * supported algorithm (SHA-256 before MD5), the server's order among equals; never parameters
 * of two challenges mixed. None offered: undefined. Only unsupported ones offered (`qop=auth-int`
 * alone, SHA-512-256): UnsupportedChallenge, naming what was offered.
 */
export function chooseChallenge(header: string | null): DigestChallenge | undefined {
  if (!header) return undefined;
  const digests = parseChallenges(header).filter((c) => c.scheme === 'digest');
  const usable: DigestChallenge[] = [];
  const refused: string[] = [];
  for (const { params, duplicate } of digests) {
    const algorithm = ALGORITHMS.find(([name]) => name.toLowerCase() === (params.algorithm ?? 'MD5').toLowerCase())?.[0];
    const qops = params.qop === undefined ? undefined : params.qop.split(',').map((q) => q.trim().toLowerCase());
    if (duplicate || params.realm === undefined || !params.nonce) refused.push('a malformed Digest challenge');
    else if (!algorithm) refused.push(`algorithm=${params.algorithm.slice(0, 40)}`);
    else if (qops && !qops.includes('auth')) refused.push(`qop=${params.qop.slice(0, 40)}`);
    else
      usable.push({
        realm: params.realm,
        nonce: params.nonce,
        opaque: params.opaque,
        algorithm,
        qopAuth: qops !== undefined,
        stale: (params.stale ?? '').toLowerCase() === 'true',
      });
  }
  const rank = (c: DigestChallenge) => ALGORITHMS.findIndex(([name]) => name === c.algorithm) >> 1;
  const best = usable.map((c, order) => ({ c, order })).sort((a, b) => rank(a.c) - rank(b.c) || a.order - b.order)[0];
  if (best) return best.c;
  if (refused.length) {
    throw new UnsupportedChallenge(
      `the server asks for digest authentication this action cannot answer (${[...new Set(refused)].join(', ')}); ` +
        'it answers qop=auth (or no qop) with MD5, SHA-256 or their -sess forms',
    );
  }
  return undefined;
}
