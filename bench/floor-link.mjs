// The floor for `npm run bench`: the least a digest link can do. node:http, 4 requests (a
// challenge and an authenticated POST per side), no validation, no retries, no output files.
// The digest header is the test harness's (RFC 7616 MD5, realm from the challenge); it loads
// only node:crypto. The simulator's fixture module is not imported: it would load the simulator
// into this timed process, so the one address of the access list is written here.
// Usage: node bench/floor-link.mjs <base-url> <atlasOrg> <atlasPub> <atlasPriv> <sourceOrg> <srcPub> <srcPriv>
import http from 'node:http';
import { digestHeader } from '../test/harness/api-client.js';

const [base, atlasOrg, atlasPub, atlasPriv, sourceOrg, sourcePub, sourcePriv] = process.argv.slice(2);

function request(method, path, headers, body) {
  return new Promise((resolve, reject) => {
    const req = http.request(base + path, { method, headers }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function digestPost(path, key, media, payload) {
  const body = JSON.stringify(payload);
  const headers = { Accept: media, 'Content-Type': media };
  const challenge = await request('POST', path, headers, body);
  headers.Authorization = digestHeader(challenge.headers['www-authenticate'], key, 'POST', path);
  return JSON.parse((await request('POST', path, headers, body)).text);
}

const { linkToken } = await digestPost(
  `/api/atlas/v2/orgs/${atlasOrg}/liveMigrations/linkTokens`,
  { publicKey: atlasPub, privateKey: atlasPriv },
  'application/vnd.atlas.2023-01-01+json',
  { accessListIps: ['203.0.113.7'] },
);
const { status } = await digestPost(
  `/api/public/v1.0/orgs/${sourceOrg}/liveExport/migrationLink`,
  { publicKey: sourcePub, privateKey: sourcePriv },
  'application/json',
  { linkToken },
);
if (status !== 'SYNCED') process.exit(1);
