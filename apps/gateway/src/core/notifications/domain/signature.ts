import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Tminus-Signature-256';
export const DELIVERY_HEADER = 'X-Tminus-Delivery';
const PREFIX = 'sha256=';

/** `sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`. */
export const signBody = (secret: string, body: string | Buffer): string =>
  PREFIX + createHmac('sha256', secret).update(body).digest('hex');

/** What a receiver does (docs/notifications.md): recompute over the raw bytes, compare in constant time. */
export function verifySignature(
  secret: string,
  body: string | Buffer,
  header: string | null | undefined,
): boolean {
  if (typeof header !== 'string' || !header.startsWith(PREFIX)) return false;
  const expected = Buffer.from(signBody(secret, body), 'utf8');
  const given = Buffer.from(header.trim(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
