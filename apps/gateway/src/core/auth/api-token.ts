import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

export const TOKEN_PREFIX = 'tm_';

/** 32 random bytes, base64url, prefixed so secret scanners and people can tell what it is. */
export const generateToken = (): string => `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;

/**
 * Tokens are stored as their SHA-256 only: a leaked table reveals no usable token. (One-shot
 * `crypto.hash`: a Hash object per call cost several % of a gate check, hashed on every request.)
 */
export const hashToken = (token: string): string => hash('sha256', token, 'hex');

/** Compares two token hashes (hex SHA-256) in constant time. */
export const sameHash = (a: string, b: string): boolean =>
  a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

/** Compares two secrets in constant time (by their hashes, so lengths need not match). */
export const sameSecret = (a: string, b: string): boolean => sameHash(hashToken(a), hashToken(b));

/** The token of an `Authorization: Bearer <token>` header value; null when absent or malformed. */
export function bearerTokenOf(header: string | null | undefined): string | null {
  if (typeof header !== 'string') return null;
  const match = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : null;
}
