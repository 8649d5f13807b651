import {
  isValidBearer,
  isValidPagerDutySignature,
  isValidTminusSignature,
  pagerDutySignatureOf,
  tminusSignatureOf,
} from './signatures';

const body = Buffer.from('{"event":{"id":"1"}}');

describe('incident webhook signatures', () => {
  it('accepts a PagerDuty v1 signature of the raw body', () => {
    expect(isValidPagerDutySignature('s3cret', body, pagerDutySignatureOf('s3cret', body))).toBe(true);
  });

  it('accepts any of several PagerDuty signatures during a secret rotation', () => {
    const header = `${pagerDutySignatureOf('old', body)},${pagerDutySignatureOf('s3cret', body)}`;
    expect(isValidPagerDutySignature('s3cret', body, header)).toBe(true);
    expect(isValidPagerDutySignature('old', body, header)).toBe(true);
  });

  it.each([
    ['missing', undefined],
    ['of another secret', pagerDutySignatureOf('other', body)],
    ['of another body', pagerDutySignatureOf('s3cret', '{}')],
    ['without its version', pagerDutySignatureOf('s3cret', body).slice(3)],
    ['of another version', pagerDutySignatureOf('s3cret', body).replace('v1=', 'v0=')],
  ])('refuses a PagerDuty signature %s', (_what, header) => {
    expect(isValidPagerDutySignature('s3cret', body, header)).toBe(false);
  });

  it('checks X-Tminus-Signature-256 like the outbound webhooks sign', () => {
    expect(isValidTminusSignature('k', body, tminusSignatureOf('k', body))).toBe(true);
    expect(isValidTminusSignature('k', body, tminusSignatureOf('k', 'x'))).toBe(false);
    expect(isValidTminusSignature('', body, tminusSignatureOf('', body))).toBe(false);
  });

  it('checks a bearer token', () => {
    expect(isValidBearer('tok', 'Bearer tok')).toBe(true);
    expect(isValidBearer('tok', 'bearer tok')).toBe(true);
    expect(isValidBearer('tok', 'Bearer tok2')).toBe(false);
    expect(isValidBearer('tok', 'Basic tok')).toBe(false);
    expect(isValidBearer('tok', undefined)).toBe(false);
  });
});
