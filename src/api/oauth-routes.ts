import type { Route } from './route.js';
import { matching, number, object, optional, type Infer } from './shape.js';

const HINTS = { 401: 'check atlas-client-id and atlas-client-secret, and that the service account is not deleted or expired' };

const token = object({
  access_token: matching(/^[A-Za-z0-9+/=_.~-]{8,8192}$/, 'an access token'),
  expires_in: optional(number),
});

/** OAuth 2 client credentials for an Atlas service account. */
export const oauthToken: Route<Infer<typeof token>> = {
  name: 'oauth.token',
  side: 'atlas',
  method: 'POST',
  path: '/api/oauth/token',
  operation: 'get a service account access token',
  form: true,
  reply: token,
  hints: HINTS,
};

export const oauthRevoke: Route<null> = {
  name: 'oauth.revoke',
  side: 'atlas',
  method: 'POST',
  path: '/api/oauth/revoke',
  operation: 'revoke the service account access token',
  form: true,
  reply: null,
  hints: HINTS,
};
