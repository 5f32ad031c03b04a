// @ts-check
// Who is calling: digest with an API key (both sides), Bearer with a service account's access
// token (Atlas only), Basic with a service account's id and secret (the OAuth endpoints only).
import { badAccessToken, notAuthorized } from './errors.js';

/** @typedef {import('./types.js').Principal} Principal */
/** @typedef {import('./types.js').Reply} Reply */

/** @param {string | undefined} header @returns {import('./types.js').RecordedRequest['auth']} */
export function authKind(header) {
  const scheme = (header ?? '').split(/\s/)[0].toLowerCase();
  return scheme === 'digest' || scheme === 'bearer' || scheme === 'basic' ? scheme : 'none';
}

/**
 * @param {{ side: import('./types.js').Side, header: string | undefined, method: string, target: string }} request
 * @param {import('./state.js').World} world
 * @param {import('./digest.js').DigestVerifier} digest
 * @returns {{ principal: Principal } | { reply: Reply, rejected?: string }}
 */
export function authenticate({ side, header, method, target }, world, digest) {
  if (side === 'oauth') return basic(header, world);
  if (side === 'atlas' && authKind(header) === 'bearer') {
    const principal = world.bearerPrincipal((header ?? '').slice(7).trim());
    return principal ? { principal } : { reply: badAccessToken().reply() };
  }
  const verdict = digest.verify(header, method, target);
  const principal = verdict.ok ? world.keyPrincipal(verdict.user) : undefined;
  if (principal) return { principal };
  const refused = notAuthorized().reply();
  refused.headers = { 'WWW-Authenticate': digest.challenge(!verdict.ok && verdict.stale) };
  return { reply: refused, rejected: header ? (verdict.ok ? 'unknown user' : verdict.why) : undefined };
}

/** @param {string | undefined} header @param {import('./state.js').World} world @returns {{ principal: Principal } | { reply: Reply }} */
function basic(header, world) {
  const m = /^Basic\s+(.+)$/i.exec(header ?? '');
  const decoded = m ? Buffer.from(m[1], 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const principal = colon > 0 ? world.clientPrincipal(decoded.slice(0, colon), decoded.slice(colon + 1)) : undefined;
  if (principal) return { principal };
  return { reply: { status: 401, body: { error: 'invalid_client', error_description: 'Invalid client credentials.' } } };
}
