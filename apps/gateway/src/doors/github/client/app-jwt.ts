import { createSign } from 'node:crypto';

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * The JWT a GitHub App signs to ask for installation tokens: RS256, issued 60 s in the past (clock
 * drift), valid 9 minutes (GitHub allows at most 10), issuer = the app id.
 */
export function createAppJwt(appId: string, privateKeyPem: string, now: Date = new Date()): string {
  const issuedAt = Math.floor(now.getTime() / 1000) - 60;
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ iat: issuedAt, exp: issuedAt + 60 + 9 * 60, iss: appId }));
  const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKeyPem);
  return `${header}.${payload}.${base64url(signature)}`;
}
