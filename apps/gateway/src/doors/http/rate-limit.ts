import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCodes } from '@tminus/contracts';
import { ipKeyGenerator, rateLimit, type RateLimitRequestHandler } from 'express-rate-limit';
import { bearerTokenOf, hashToken } from '../../core/auth/api-token';

/** RATE_LIMIT_PER_MINUTE: requests one token (or, without one, one address) may make per minute. */
export interface RateLimitConfig {
  readonly limit: number;
  readonly windowMs: number;
}

/** 100 requests a second on average per token and instance: room for busy pipelines, not for floods. */
const DEFAULT_RATE_LIMIT: RateLimitConfig = { limit: 6_000, windowMs: 60_000 };

/** The paths limited: GraphQL over HTTP and the REST gate (health, metrics and GitHub are not). */
export const RATE_LIMITED_PATHS = ['/graphql', '/v1/gates', '/v1/checks', '/v1/launches'];

interface LimitedRequest extends IncomingMessage {
  readonly ip?: string;
  readonly originalUrl?: string;
}

/** The bucket of a request: its token's hash, else its address (a bad token still counts somewhere). */
function rateLimitKeyOf(request: LimitedRequest): string {
  const token = bearerTokenOf(request.headers.authorization);
  if (token !== null) return `token:${hashToken(token)}`;
  return `ip:${ipKeyGenerator(request.ip ?? request.socket.remoteAddress ?? 'unknown')}`;
}

const bodyOf = (request: LimitedRequest, message: string): object =>
  (request.originalUrl ?? request.url ?? '').startsWith('/v1/')
    ? { error: { code: ErrorCodes.RATE_LIMITED, message } }
    : { errors: [{ message, extensions: { code: ErrorCodes.RATE_LIMITED } }] };

/**
 * A per-token request budget (express-rate-limit, counted in this process): over it, 429 with
 * `Retry-After` (seconds) and RATE_LIMITED, shaped as GraphQL errors or as a REST error by path.
 */
export function perTokenRateLimit(config: RateLimitConfig = DEFAULT_RATE_LIMIT): RateLimitRequestHandler {
  return rateLimit({
    windowMs: config.windowMs,
    limit: config.limit,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    keyGenerator: (request) => rateLimitKeyOf(request as LimitedRequest),
    handler: (request, response) => {
      const message = `More than ${config.limit} requests in ${Math.round(config.windowMs / 1000)} s with this token; retry after the Retry-After seconds`;
      const res = response as unknown as ServerResponse;
      res.statusCode = 429;
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.end(JSON.stringify(bodyOf(request as LimitedRequest, message)));
    },
  });
}
