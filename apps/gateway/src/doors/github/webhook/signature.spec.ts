import { isValidSignature, signatureOf } from './signature';

// The example from GitHub's "Validating webhook deliveries" documentation.
const DOC_SECRET = "It's a Secret to Everybody";
const DOC_BODY = Buffer.from('Hello, World!');
const DOC_SIGNATURE = 'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17';

describe('GitHub webhook signatures', () => {
  it("matches GitHub's documented example", () => {
    expect(signatureOf(DOC_SECRET, DOC_BODY)).toBe(DOC_SIGNATURE);
    expect(isValidSignature(DOC_SECRET, DOC_BODY, DOC_SIGNATURE)).toBe(true);
  });

  it.each([
    ['a missing header', undefined],
    ['an empty header', ''],
    ['another algorithm', 'sha1=0a4d55a8d778e5022fab701977c5d840bbc486d0'],
    ['a signature of other bytes', signatureOf(DOC_SECRET, 'Hello, World?')],
    ['a signature with another secret', signatureOf('guess', DOC_BODY)],
    ['a truncated signature', DOC_SIGNATURE.slice(0, -2)],
    ['upper-case hex', DOC_SIGNATURE.toUpperCase().replace('SHA256=', 'sha256=')],
  ])('refuses %s', (_what, header) => {
    expect(isValidSignature(DOC_SECRET, DOC_BODY, header)).toBe(false);
  });

  it('refuses everything when no secret is configured', () => {
    expect(isValidSignature('', DOC_BODY, signatureOf('', DOC_BODY))).toBe(false);
  });
});
