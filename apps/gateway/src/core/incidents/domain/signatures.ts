import { createHmac, timingSafeEqual } from 'node:crypto';

const hmacHex = (secret: string, body: Buffer): string =>
  createHmac('sha256', secret).update(body).digest('hex');

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
};

/** At most this many signatures are looked at (rotation needs two; more is someone probing). */
const MAX_SIGNATURES = 8;

/**
 * PagerDuty V3: `X-PagerDuty-Signature: v1=<hex>,v1=<hex>` — one HMAC-SHA256 of the raw body per
 * signing secret during a rotation. Valid when any v1 signature matches (compared in constant time).
 */
export function isValidPagerDutySignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (secret === '' || typeof header !== 'string') return false;
  const expected = `v1=${hmacHex(secret, body)}`;
  const candidates = header
    .split(',')
    .slice(0, MAX_SIGNATURES)
    .map((part) => part.trim());
  // Every candidate is compared (no early exit), so the time does not say which one matched.
  return candidates.reduce((valid, candidate) => sameText(candidate, expected) || valid, false);
}

/** Our own scheme (as the outbound webhooks sign): `X-Tminus-Signature-256: sha256=<hex>`. */
export function isValidTminusSignature(secret: string, body: Buffer, header: string | undefined): boolean {
  if (secret === '' || typeof header !== 'string') return false;
  return sameText(header.trim(), `sha256=${hmacHex(secret, body)}`);
}

/** `Authorization: Bearer <token>`, the token compared in constant time. */
export function isValidBearer(token: string, header: string | undefined): boolean {
  if (token === '' || typeof header !== 'string') return false;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match !== null && sameText(match[1], token);
}

/** For tests and docs: the signature headers a sender computes. */
export const pagerDutySignatureOf = (secret: string, body: Buffer | string): string =>
  `v1=${hmacHex(secret, Buffer.from(body))}`;
export const tminusSignatureOf = (secret: string, body: Buffer | string): string =>
  `sha256=${hmacHex(secret, Buffer.from(body))}`;
