import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** `sha256=<hex HMAC-SHA256 of the body>`, as GitHub computes it for X-Hub-Signature-256. */
export const signatureOf = (secret: string, body: Buffer | string): string =>
  PREFIX + createHmac('sha256', secret).update(body).digest('hex');

/**
 * Whether `header` is GitHub's signature of exactly these bytes with the shared secret. The bytes must
 * be the raw request body (a re-serialised JSON differs). Compared in constant time.
 */
export function isValidSignature(secret: string, body: Buffer, header: string | undefined | null): boolean {
  if (secret === '' || typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signatureOf(secret, body), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
