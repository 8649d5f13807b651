import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from '../domain/address-guard';
import { DELIVERY_HEADER, SIGNATURE_HEADER, signBody } from '../domain/signature';

export interface WebhookRequest {
  readonly url: string;
  readonly deliveryId: string;
  readonly secret: string;
  readonly contentType: string;
  readonly body: string;
}

export interface PostOptions {
  /** The whole attempt (connect, send, answer) is cut off after this (default 10 s). */
  readonly timeoutMs: number;
  /** TMINUS_WEBHOOK_ALLOW_PRIVATE=1: loopback and private addresses may be reached. */
  readonly allowPrivate: boolean;
}

/** How one attempt ended: an HTTP status (any: 2xx is success), or no answer at all. */
export type PostOutcome =
  | { readonly kind: 'answered'; readonly statusCode: number }
  | { readonly kind: 'error'; readonly error: string; readonly refused: boolean };

class RefusedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
}

/**
 * DNS resolution that refuses private targets: the address checked is the address connected to (no
 * gap for DNS rebinding between a check and the connection). Answers in both shapes net asks for.
 */
export const guardedLookup =
  (allowPrivate: boolean): LookupFunction =>
  (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? [] : addresses.filter((entry) => isPrivateAddress(entry.address));
      if (refused.length > 0 || addresses.length === 0) {
        return callback(new RefusedAddressError(`${hostname} resolves to a refused address`), '', 0);
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };

/**
 * One signed POST. Redirects are not followed (a 3xx is a failed attempt: a webhook URL that moved
 * must be updated, and following could lead inside the network). The response body is discarded.
 */
export function postWebhook(request: WebhookRequest, options: PostOptions): Promise<PostOutcome> {
  const url = new URL(request.url);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return Promise.resolve({
      kind: 'error',
      error: 'only http and https URLs are delivered to',
      refused: true,
    });
  }
  if (!options.allowPrivate && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) {
    return Promise.resolve({ kind: 'error', error: `${host} is a refused address`, refused: true });
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const settle = (outcome: PostOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = send(
      url,
      {
        method: 'POST',
        lookup: guardedLookup(options.allowPrivate),
        headers: {
          'Content-Type': request.contentType,
          'Content-Length': Buffer.byteLength(request.body),
          'User-Agent': 'tminus-webhooks/1',
          [SIGNATURE_HEADER]: signBody(request.secret, request.body),
          [DELIVERY_HEADER]: request.deliveryId,
        },
      },
      (response: IncomingMessage) => {
        response.resume();
        response.on('end', () => settle({ kind: 'answered', statusCode: response.statusCode ?? 0 }));
        response.on('error', (error) => settle({ kind: 'error', error: error.message, refused: false }));
      },
    );
    const timer = setTimeout(() => {
      settle({ kind: 'error', error: `no answer within ${options.timeoutMs} ms`, refused: false });
      req.destroy();
    }, options.timeoutMs);
    req.on('error', (error) =>
      settle({ kind: 'error', error: error.message, refused: error instanceof RefusedAddressError }),
    );
    req.end(request.body);
  });
}
