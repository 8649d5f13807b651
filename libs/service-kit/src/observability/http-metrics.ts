import type { IncomingMessage, ServerResponse } from 'node:http';
import { Histogram, type Registry } from 'prom-client';

export const HTTP_DURATION_METRIC = 'http_request_duration_seconds';

/** Express sets `route` on a request its router matched (`/v1/gates/:launch/:environment`). */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
  /** The URL as received, before mounted routers rewrote `url`. */
  originalUrl?: string;
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export interface HttpMetricsOptions {
  /**
   * Paths served by middleware rather than a routed handler (the gateway's `/graphql`): labelled as
   * themselves. Any other unrouted path is `unmatched`, so a scanner cannot grow the label set.
   */
  readonly paths?: readonly string[];
}

/**
 * `http_request_duration_seconds{method,route,status_code}` (the OpenTelemetry/Prometheus convention),
 * as an Express middleware. The route is the pattern, never the raw URL: the label set stays bounded.
 */
export function httpRequestMetrics(registry: Registry, options: HttpMetricsOptions = {}) {
  const histogram = new Histogram({
    name: HTTP_DURATION_METRIC,
    help: 'HTTP requests by method, route pattern and status code, from first byte in to last byte out',
    labelNames: ['method', 'route', 'status_code'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const known = new Set(options.paths ?? []);
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    const started = performance.now();
    response.once('finish', () => {
      histogram.observe(
        {
          method: METHODS.has(request.method ?? '') ? (request.method as string) : 'OTHER',
          route: routeOf(request as RoutedRequest, known),
          status_code: String(response.statusCode),
        },
        (performance.now() - started) / 1000,
      );
    });
    next();
  };
}

function routeOf(request: RoutedRequest, known: ReadonlySet<string>): string {
  const pattern = request.route?.path;
  if (typeof pattern === 'string') return pattern;
  const path = (request.originalUrl ?? request.url ?? '').split('?')[0];
  return known.has(path) ? path : 'unmatched';
}
