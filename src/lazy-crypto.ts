/**
 * node:crypto, loaded on first use. Loading it costs about 2.5 ms of start-up (measured with
 * `npm run bench`), and nothing before the first request needs it: a digest challenge is an
 * unauthenticated request.
 */
export function crypto(): typeof import('node:crypto') {
  return process.getBuiltinModule('node:crypto');
}
