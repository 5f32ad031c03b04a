// @ts-check
// Faults (before authentication, what a proxy or load balancer does) and scripted replies (after
// authentication, the service itself answering), queued per route name and used up in order.

/** @typedef {import('./types.js').Fault} Fault */
/** @typedef {import('./types.js').ScriptedReply} ScriptedReply */
/** @typedef {import('./types.js').Reply} Reply */
/** @typedef {{ action: 'reset' } | { action: 'hang', ms: number } | { action: 'reply', reply: Reply, dripMs?: number } | { action: 'drip-real', dripMs: number }} FaultAction */

const KINDS = ['status', 'reset', 'hang', 'html', 'malformed', 'empty', 'drip'];

const NGINX_502 =
  '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';
const TRUNCATED_JSON = '{"status": "SYNC';

/** @template T */
class Queue {
  /** @type {{ route: string, item: T, left: number, used: number }[]} */ #entries = [];

  /** @param {string} route @param {T} item @param {number} times */
  add(route, item, times) {
    if (!(times > 0)) throw new Error(`times must be positive, got ${times}.`);
    this.#entries.push({ route, item, left: times, used: 0 });
  }

  /** The first entry for `route` with uses left, used once. @param {string} route @returns {T | undefined} */
  take(route) {
    const entry = this.#entries.find((e) => e.route === route && e.left > 0);
    if (!entry) return undefined;
    entry.left -= 1;
    entry.used += 1;
    return entry.item;
  }

  /** The routes of entries never used once. */
  unused() {
    return this.#entries.filter((e) => e.used === 0).map((e) => e.route);
  }

  clear() {
    this.#entries = [];
  }
}

export class Faults {
  /** @type {Queue<Fault>} */ #faults = new Queue();
  /** @type {Queue<ScriptedReply>} */ #scripted = new Queue();

  /** @param {string} route @param {Fault} fault */
  fail(route, fault) {
    if (!KINDS.includes(fault.kind)) throw new Error(`Unknown fault kind ${fault.kind}; one of ${KINDS.join(', ')}.`);
    this.#faults.add(route, { ...fault }, fault.times ?? 1);
  }

  /** @param {string} route @param {ScriptedReply} reply @param {number} times */
  respond(route, reply, times) {
    this.#scripted.add(route, reply, times);
  }

  /** @param {string} route */
  takeFault(route) {
    return this.#faults.take(route);
  }

  /** @param {string} route */
  takeScripted(route) {
    return this.#scripted.take(route);
  }

  /** Faults and scripted replies never used once, as `fail <route>` and `respond <route>`. */
  unused() {
    return [...this.#faults.unused().map((r) => `fail ${r}`), ...this.#scripted.unused().map((r) => `respond ${r}`)];
  }

  clear() {
    this.#faults.clear();
    this.#scripted.clear();
  }
}

/** What a fault does to the request. @param {Fault} fault @returns {FaultAction} */
export function faultAction(fault) {
  const headers = fault.headers ?? {};
  switch (fault.kind) {
    case 'reset':
      return { action: 'reset' };
    case 'hang':
      return { action: 'hang', ms: fault.ms ?? 60_000 };
    case 'html':
      return { action: 'reply', reply: { status: fault.status ?? 502, raw: NGINX_502, contentType: 'text/html', headers } };
    case 'malformed':
      return { action: 'reply', reply: { status: fault.status ?? 200, raw: TRUNCATED_JSON, contentType: 'application/json', headers } };
    case 'empty':
      return { action: 'reply', reply: { status: fault.status ?? 200, headers } };
    case 'drip':
      if (fault.status === undefined && fault.body === undefined) return { action: 'drip-real', dripMs: fault.ms ?? 100 };
      return { action: 'reply', reply: statusReply(fault, fault.status ?? 200), dripMs: fault.ms ?? 100 };
    default:
      return { action: 'reply', reply: statusReply(fault, fault.status ?? 500) };
  }
}

/** A proxy's bytes: JSON as given, untouched by envelope or pretty. @param {Fault} fault @param {number} status @returns {Reply} */
function statusReply(fault, status) {
  const headers = fault.headers ?? {};
  if (typeof fault.body === 'string') return { status, raw: fault.body, contentType: 'application/json', headers };
  const body = fault.body ?? { error: status, errorCode: 'SIMULATED', detail: `Simulated ${status}` };
  return { status, raw: JSON.stringify(body), contentType: 'application/json', headers };
}
