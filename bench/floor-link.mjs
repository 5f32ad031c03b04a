// The floor for `npm run bench`: the least a digest link can do. node:http, 4 requests (a
// challenge and an authenticated POST per side), no validation, no retries, no output files.
// Usage: node bench/floor-link.mjs <base-url> <atlasOrg> <atlasPub> <atlasPriv> <sourceOrg> <srcPub> <srcPriv>
import { createHash, randomBytes } from 'node:crypto';
import http from 'node:http';

const [base, atlasOrg, atlasPub, atlasPriv, sourceOrg, sourcePub, sourcePriv] = process.argv.slice(2);
const md5 = (s) => createHash('md5').update(s).digest('hex');

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

async function digestPost(path, user, pass, media, payload) {
  const body = JSON.stringify(payload);
  const headers = { Accept: media, 'Content-Type': media };
  const challenge = await request('POST', path, headers, body);
  const nonce = /nonce="([^"]+)"/.exec(challenge.headers['www-authenticate'])[1];
  const cnonce = randomBytes(8).toString('hex');
  const response = md5(`${md5(`${user}:MMS Public API:${pass}`)}:${nonce}:00000001:${cnonce}:auth:${md5(`POST:${path}`)}`);
  headers.Authorization = `Digest username="${user}", realm="MMS Public API", nonce="${nonce}", uri="${path}", qop=auth, nc=00000001, cnonce="${cnonce}", response="${response}", algorithm=MD5`;
  return JSON.parse((await request('POST', path, headers, body)).text);
}

const { linkToken } = await digestPost(
  `/api/atlas/v2/orgs/${atlasOrg}/liveMigrations/linkTokens`,
  atlasPub,
  atlasPriv,
  'application/vnd.atlas.2023-01-01+json',
  {
    accessListIps: ['203.0.113.7'],
  },
);
const { status } = await digestPost(
  `/api/public/v1.0/orgs/${sourceOrg}/liveExport/migrationLink`,
  sourcePub,
  sourcePriv,
  'application/json',
  { linkToken },
);
if (status !== 'SYNCED') process.exit(1);
