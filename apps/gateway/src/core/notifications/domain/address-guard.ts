import { BlockList, isIP } from 'node:net';

/**
 * Addresses a webhook must not reach unless TMINUS_WEBHOOK_ALLOW_PRIVATE=1: loopback, private,
 * link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, unspecified, multicast and
 * reserved ranges. IPv4-mapped IPv6 addresses (::ffff:10.0.0.1) are matched against the IPv4 rules
 * by BlockList itself.
 */
const REFUSED: readonly [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['127.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.0.0.0', 24, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['224.0.0.0', 4, 'ipv4'],
  ['240.0.0.0', 4, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['::1', 128, 'ipv6'],
  ['64:ff9b::', 96, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['fec0::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];

const refused = new BlockList();
for (const [network, prefix, family] of REFUSED) refused.addSubnet(network, prefix, family);

/** True for an address webhooks may not reach by default; also for anything that is no IP address. */
export function isPrivateAddress(address: string): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = isIP(bare);
  if (family === 0) return true;
  return refused.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

export type UrlCheck =
  { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string };

/**
 * What can be said of a webhook URL without resolving it: http(s) only, no credentials in it, and
 * (unless private targets are allowed) no literal private address or `localhost`. Host names are
 * resolved and checked again on every delivery (DNS may change after the webhook was created).
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, message: 'must be an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return { ok: false, message: 'must be http or https' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, message: 'must not contain credentials' };
  if (allowPrivate) return { ok: true, url };
  const host = url.hostname.toLowerCase();
  const literal = isIP(host.replace(/^\[|\]$/g, '')) !== 0;
  if (host === 'localhost' || host.endsWith('.localhost') || (literal && isPrivateAddress(host))) {
    return { ok: false, message: 'must not point to a loopback, private or link-local address' };
  }
  return { ok: true, url };
}
