import { createVerify, generateKeyPairSync } from 'node:crypto';
import { createAppJwt } from './app-jwt';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const PEM = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('createAppJwt', () => {
  it('is an RS256 JWT issued by the app, backdated 60 s, valid under 10 minutes', () => {
    const now = new Date('2026-02-15T12:00:00.000Z');
    const jwt = createAppJwt('12345', PEM, now);
    const [header, payload, signature] = jwt.split('.');
    expect(decode(header)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = decode(payload) as { iat: number; exp: number; iss: string };
    const nowSeconds = now.getTime() / 1000;
    expect(claims).toEqual({ iat: nowSeconds - 60, exp: nowSeconds + 540, iss: '12345' });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(600);
    const valid = createVerify('RSA-SHA256')
      .update(`${header}.${payload}`)
      .verify(publicKey, Buffer.from(signature, 'base64url'));
    expect(valid).toBe(true);
  });
});
