import { describe, expect, it } from 'vitest';
import { UnsupportedChallenge } from '../../src/http/auth.js';
import { DigestAuth, digestHeader } from '../../src/http/digest-auth.js';
import { chooseChallenge as parseChallenge } from '../../src/http/digest-challenge.js';

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
    expect(() => parseChallenge('Digest realm="x", nonce="n", algorithm=SHA-512-256')).toThrow(/algorithm=SHA-512-256/);
    expect(() => parseChallenge('Digest realm="x"')).toThrow(/a malformed Digest challenge/);
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

describe('several challenges (RFC 7616 section 3.7)', () => {
  const md5 = 'Digest realm="r", nonce="n-md5", algorithm=MD5, qop="auth", opaque="o-md5"';
  const sha = 'Digest realm="r", nonce="n-sha", algorithm=SHA-256, qop="auth"';

  it('picks SHA-256 over MD5 in either order, in one header or several joined, and never mixes their parameters', () => {
    for (const header of [`${md5}, ${sha}`, `${sha}, ${md5}`, `Basic realm="b", ${md5},${sha}`]) {
      expect(parseChallenge(header)).toEqual({
        realm: 'r',
        nonce: 'n-sha',
        opaque: undefined,
        algorithm: 'SHA-256',
        qopAuth: true,
        stale: false,
      });
    }
  });

  it('a Basic challenge beside a Digest one: the Digest one; Basic or Negotiate alone: none', () => {
    expect(parseChallenge(`Basic realm="MMS Public API", charset="UTF-8", ${md5}`)?.nonce).toBe('n-md5');
    expect(parseChallenge(`Negotiate YIIabc==, ${md5}`)?.opaque).toBe('o-md5');
    expect(parseChallenge('Basic realm="x"')).toBeUndefined();
    expect(parseChallenge('Negotiate YIIabc==')).toBeUndefined();
  });

  it("reads an algorithm in any case, spelled back as RFC 7616 spells it; the server's order among equals", () => {
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=md5')?.algorithm).toBe('MD5');
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=MD5-SESS')?.algorithm).toBe('MD5-sess');
    expect(parseChallenge('Digest realm="r", nonce="n", algorithm=sha-256-sess')?.algorithm).toBe('SHA-256-sess');
    expect(parseChallenge('Digest realm="r", nonce="a", algorithm=MD5-sess, Digest realm="r", nonce="b", algorithm=MD5')?.nonce).toBe('a');
  });

  it('an unsupported challenge beside a supported one is passed over; alone, it is refused naming it', () => {
    expect(parseChallenge(`Digest realm="r", nonce="x", algorithm=SHA-512-256, qop="auth", ${md5}`)?.nonce).toBe('n-md5');
    expect(parseChallenge(`Digest realm="r", nonce="x", qop="auth-int", ${md5}`)?.nonce).toBe('n-md5');
    expect(() => parseChallenge('Digest realm="r", nonce="x", qop="auth-int"')).toThrow(UnsupportedChallenge);
    expect(() => parseChallenge('Digest realm="r", nonce="x", qop="auth-int"')).toThrow(
      'the server asks for digest authentication this action cannot answer (qop=auth-int); it answers qop=auth (or no qop) with MD5, SHA-256 or their -sess forms',
    );
  });

  it('a challenge naming a parameter twice is not used', () => {
    expect(parseChallenge(`Digest realm="r", nonce="a", nonce="b", ${md5}`)?.nonce).toBe('n-md5');
  });

  it('MD5-sess: HA1 hashes the nonce and cnonce in (RFC 7616 section 3.4.2)', () => {
    const c = parseChallenge(rfc.header.replace('algorithm=MD5', 'algorithm=md5-sess'))!;
    const header = digestHeader(c, rfc.credentials, rfc.request);
    expect(header).toContain('algorithm=MD5-sess');
    expect(header).not.toContain('response="8ca523f5e9506fed4657c9700eebdbec"');
  });
});
