import { matchesLabels, parseLabelMatcher } from './label-matcher';

describe('Alertmanager label matchers of the mappings', () => {
  it('parses the form product.md gives', () => {
    expect(parseLabelMatcher('service="checkout"')).toEqual([
      { name: 'service', equal: true, value: 'checkout' },
    ]);
  });

  it('parses several conditions, braces, inequality and escaped quotes', () => {
    expect(parseLabelMatcher('{service="check\\"out", env!="staging"}')).toEqual([
      { name: 'service', equal: true, value: 'check"out' },
      { name: 'env', equal: false, value: 'staging' },
    ]);
  });

  it.each(['service', 'service=checkout', 'service=~"check.*"', '', 'env!="staging"', '1abc="x"'])(
    'refuses %p',
    (match) => {
      expect(parseLabelMatcher(match)).toBeNull();
    },
  );

  it('matches labels on every condition', () => {
    const conditions = parseLabelMatcher('service="checkout",env!="staging"') ?? [];
    expect(matchesLabels(conditions, { service: 'checkout', env: 'prod' })).toBe(true);
    expect(matchesLabels(conditions, { service: 'checkout' })).toBe(true);
    expect(matchesLabels(conditions, { service: 'checkout', env: 'staging' })).toBe(false);
    expect(matchesLabels(conditions, { service: 'search' })).toBe(false);
    expect(matchesLabels(conditions, { constructor: 'x' })).toBe(false);
  });
});
