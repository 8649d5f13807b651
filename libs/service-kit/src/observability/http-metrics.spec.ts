import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Registry } from 'prom-client';
import { httpRequestMetrics } from './http-metrics';

/** One request through the middleware: `route` is what Express' router set when it matched one. */
function serve(
  middleware: ReturnType<typeof httpRequestMetrics>,
  request: { method: string; url: string; route?: { path: string } },
  statusCode: number,
): void {
  const response = Object.assign(new EventEmitter(), { statusCode });
  middleware(
    { ...request, originalUrl: request.url } as unknown as IncomingMessage,
    response as unknown as ServerResponse,
    () => undefined,
  );
  response.emit('finish');
}

describe('http_request_duration_seconds', () => {
  it('labels by method, route pattern and status, never by raw URL', async () => {
    const registry = new Registry();
    const middleware = httpRequestMetrics(registry, { paths: ['/graphql'] });

    serve(
      middleware,
      { method: 'GET', url: '/v1/gates/checkout?environment=prod', route: { path: '/v1/gates/:launch' } },
      200,
    );
    serve(middleware, { method: 'POST', url: '/graphql?x=1' }, 200);
    serve(middleware, { method: 'GET', url: '/wp-admin/../../etc/passwd' }, 404);
    serve(middleware, { method: 'BREW', url: '/pot' }, 404);

    const text = await registry.metrics();
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="\/v1\/gates\/:launch",status_code="200"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="POST",route="\/graphql",status_code="200"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="GET",route="unmatched",status_code="404"\} 1$/m,
    );
    expect(text).toMatch(
      /^http_request_duration_seconds_count\{method="OTHER",route="unmatched",status_code="404"\} 1$/m,
    );
    expect(text).not.toContain('passwd');
  });
});
