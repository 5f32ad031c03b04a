// @actions/core imports @actions/http-client (and with it undici, ~60 ms of start-up, measured
// in bench/) only for core.getIDToken, which this action never calls. tsconfig "paths" points
// that import here in the bundle. The proxy rules come from '@actions/http-client/lib/proxy',
// which is bundled for real.
export class HttpClient {
  constructor() {
    throw new Error('@actions/http-client is not bundled: core.getIDToken is not available in this action');
  }
}
