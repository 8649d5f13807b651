import { createHash } from 'node:crypto';
import { bearerTokenOf, generateToken, hashToken, sameHash, sameSecret, TOKEN_PREFIX } from './api-token';

describe('API tokens', () => {
  it('are tm_ plus 32 random bytes in base64url (43 characters), never the same twice', () => {
    const tokens = Array.from({ length: 50 }, generateToken);
    for (const token of tokens) expect(token).toMatch(/^tm_[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(50);
    expect(Buffer.from(tokens[0].slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
  });

  it('are stored as their SHA-256 in hex, which does not contain the token', () => {
    const token = generateToken();
    const hash = hashToken(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(token.slice(3));
    expect(hashToken(token)).toBe(hash);
    expect(hashToken(generateToken())).not.toBe(hash);
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('tm_abc', 'tm_abc')).toBe(true);
    expect(sameSecret('tm_abc', 'tm_abcd')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });

  it('compares token hashes, of any length, without throwing', () => {
    expect(sameHash(hashToken('tm_abc'), hashToken('tm_abc'))).toBe(true);
    expect(sameHash(hashToken('tm_abc'), hashToken('tm_abd'))).toBe(false);
    expect(sameHash(hashToken('tm_abc'), 'abcd')).toBe(false);
  });

  it.each([
    ['Bearer tm_abc', 'tm_abc'],
    ['bearer   tm_abc  ', 'tm_abc'],
    ['Basic dXNlcjpwYXNz', null],
    ['Bearer', null],
    ['Bearer a b', null],
    ['tm_abc', null],
    [undefined, null],
    [null, null],
  ])('reads the bearer token of %p', (header, expected) => {
    expect(bearerTokenOf(header)).toBe(expected);
  });
});
