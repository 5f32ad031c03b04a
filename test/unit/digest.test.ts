import { describe, expect, it } from 'vitest';
import { DigestAuth, digestHeader, parseChallenge } from '../../src/http/digest-auth.js';

// RFC 7616, section 3.9.1: the worked example, for MD5 and SHA-256.
const rfc = {
  header:
    'Digest realm="http-auth@example.org", qop="auth, auth-int", algorithm=MD5, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
  credentials: { username: 'Mufasa', password: 'Circle of Life' },
  request: { method: 'GET', uri: '/dir/index.html', nc: 1, cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ' },
};

describe('digest (RFC 7616)', () => {
  it('computes the RFC example response for MD5', () => {
    const challenge = parseChallenge(rfc.header)!;
    const header = digestHeader(challenge, rfc.credentials, rfc.request);
    expect(header).toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('qop=auth');
    expect(header).toContain('opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"');
  });

  it('computes the RFC example response for SHA-256', () => {
    const challenge = parseChallenge(rfc.header.replace('algorithm=MD5', 'algorithm=SHA-256'))!;
    expect(digestHeader(challenge, rfc.credentials, rfc.request)).toContain(
      'response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"',
    );
  });

  it("parses MongoDB's challenge, the stale flag, and refuses what it cannot answer", () => {
    const mongo = 'Digest realm="MMS Public API", domain="", nonce="abc==", algorithm=MD5, qop="auth", stale=false';
    expect(parseChallenge(mongo)).toEqual({
      realm: 'MMS Public API',
      nonce: 'abc==',
      opaque: undefined,
      algorithm: 'MD5',
      qopAuth: true,
      stale: false,
    });
    expect(parseChallenge(mongo.replace('stale=false', 'stale=true'))?.stale).toBe(true);
    expect(parseChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseChallenge('Digest realm="x", nonce="n", algorithm=SHA-512-256')).toBeUndefined();
    expect(parseChallenge('Digest realm="x"')).toBeUndefined();
  });

  it('counts 1, 2, 3 on one nonce, starts again at 1 on a new one, and gives up on a fresh nonce refused', async () => {
    const auth = new DigestAuth('pub', 'priv');
    expect(await auth.header('GET', 'http://h/p')).toBeUndefined();
    expect(auth.renegotiate('Digest realm="r", nonce="n1", qop="auth"', false)).toBe(true);
    const counts = async () => /nc=(\d{8})/.exec((await auth.header('GET', 'http://h/p?x=1'))!)![1];
    expect([await counts(), await counts(), await counts()]).toEqual(['00000001', '00000002', '00000003']);
    expect(auth.renegotiate('Digest realm="r", nonce="n2", qop="auth", stale=true', true)).toBe(true);
    expect(await counts()).toBe('00000001');
    // A plain 401 on the fresh nonce: wrong credentials, no loop.
    expect(auth.renegotiate('Digest realm="r", nonce="n3", qop="auth"', true)).toBe(false);
    expect(await auth.header('GET', 'http://h/p')).toBeUndefined();
  });

  it('puts the query in uri', async () => {
    const auth = new DigestAuth('pub', 'priv');
    auth.renegotiate('Digest realm="r", nonce="n", qop="auth"', false);
    expect(await auth.header('GET', 'http://h/a/b?pretty=true')).toContain('uri="/a/b?pretty=true"');
  });
});
