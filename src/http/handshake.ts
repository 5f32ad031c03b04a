import type { Route, Side } from '../api/route.js';
import { ApiError, DeadlineError } from '../errors.js';
import { UnsupportedChallenge, type Authenticator } from './auth.js';
import type { WireReply, WireRequest } from './exchange.js';
import { apiError } from './failure.js';

export interface HandshakeContext {
  side: Side;
  auth?: Authenticator;
  attempt(request: WireRequest, authorization: string | undefined): Promise<WireReply>;
  /** The unauthenticated GET that fetches a digest challenge before a call with a body: a read MongoDB defines on that side. */
  challengeRequest(route: Route): WireRequest;
}

/** An attempt's reply; `challengeOnly` when it answers the challenge request and the call itself was not sent. */
export type HandshakeReply = WireReply & { challengeOnly?: boolean };

/** The challenge request failed on the network: the call itself was never sent. */
export class ChallengeRequestFailed extends Error {
  override name = 'ChallengeRequestFailed';
  constructor(readonly failure: unknown) {
    super('the challenge request failed');
  }
}

/**
 * One attempt of `request` with its credentials: a header when the scheme has one, a challenge
 * first when it has none yet and the request carries a body, and one more try after a 401 that
 * brings a fresh (or stale) challenge.
 */
export function authenticated(ctx: HandshakeContext, route: Route, request: WireRequest): Promise<HandshakeReply> {
  const auth = ctx.auth;
  // OAuth calls carry their own Basic credentials.
  if (!auth || route.form === true) return ctx.attempt(request, undefined);
  return auth.exclusive(async () => {
    let header = await auth.header(request.method, request.url);
    if (header === undefined && request.body !== undefined) {
      // A body can hold a secret (a link token, a source password): it never goes out without
      // credentials. The challenge comes from a read of the organization or project, in the same
      // round trip; without one, that answer stands for this attempt (a 503 is retried like any other).
      const probe = await challenge(ctx, route);
      if (probe.status === 401 && renegotiate(auth, probe, false)) header = await auth.header(request.method, request.url);
      if (header === undefined) {
        if (probe.status >= 400) return { ...probe, challengeOnly: true };
        throw apiError(ctx.side, route, {
          attempts: 1,
          malformed: `the server asked for no credentials (HTTP ${probe.status} to the challenge request), so the request and its body were not sent`,
        });
      }
    }
    let reply = await ctx.attempt(request, header);
    if (reply.status === 401 && renegotiate(auth, reply, header !== undefined)) {
      header = await auth.header(request.method, request.url);
      reply = await ctx.attempt(request, header);
    }
    return reply;
  });
}

async function challenge(ctx: HandshakeContext, route: Route): Promise<WireReply> {
  try {
    return await ctx.attempt(ctx.challengeRequest(route), undefined);
  } catch (err) {
    if (err instanceof ApiError || err instanceof DeadlineError) throw err;
    throw new ChallengeRequestFailed(err);
  }
}

function renegotiate(auth: Authenticator, reply: WireReply, sentHeader: boolean): boolean {
  try {
    return auth.renegotiate(reply.headers.get('www-authenticate'), sentHeader);
  } catch (err) {
    if (err instanceof UnsupportedChallenge) err.reply = reply;
    throw err;
  }
}
