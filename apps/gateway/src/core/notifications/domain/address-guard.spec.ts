import { checkWebhookUrl, isPrivateAddress } from './address-guard';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '224.0.0.1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('checkWebhookUrl', () => {
  it.each([
    ['ftp://example.com/hook', 'must be http or https'],
    ['file:///etc/passwd', 'must be http or https'],
    ['not a url', 'must be an absolute URL'],
    ['https://user:pw@example.com/hook', 'must not contain credentials'],
    ['http://127.0.0.1:8080/hook', 'must not point to a loopback, private or link-local address'],
    ['http://[::1]/hook', 'must not point to a loopback, private or link-local address'],
    ['http://localhost/hook', 'must not point to a loopback, private or link-local address'],
    [
      'http://169.254.169.254/latest/meta-data',
      'must not point to a loopback, private or link-local address',
    ],
  ])('refuses %s', (url, message) => {
    expect(checkWebhookUrl(url, false)).toEqual({ ok: false, message });
  });

  it('accepts public http(s) URLs, and private ones when allowed', () => {
    expect(checkWebhookUrl('https://hooks.slack.com/services/T/B/X', false).ok).toBe(true);
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true).ok).toBe(true);
    expect(checkWebhookUrl('ftp://127.0.0.1/', true).ok).toBe(false);
  });
});
