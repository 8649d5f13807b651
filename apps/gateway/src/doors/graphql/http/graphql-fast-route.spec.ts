import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type HTTPGraphQLRequest, type HTTPGraphQLResponse } from '@apollo/server';
import pino from 'pino';
import { serveAheadOfNest } from '../../http/ahead-of-nest';
import { GraphqlFastRoute } from './graphql-fast-route';

interface Served {
  readonly url: string;
  readonly asked: HTTPGraphQLRequest[];
  readonly errors: unknown[];
  close(): Promise<void>;
}

/** A fast route in front of a server whose own listener answers 418 (standing for Express). */
async function serve(answer: () => Promise<HTTPGraphQLResponse>, traced: boolean): Promise<Served> {
  const asked: HTTPGraphQLRequest[] = [];
  const errors: unknown[] = [];
  const logger = pino({ level: 'silent' });
  logger.error = ((obj: { err: unknown }) => void errors.push(obj.err)) as typeof logger.error;
  const route = new GraphqlFastRoute({
    server: {
      executeHTTPGraphQLRequest: async ({ httpGraphQLRequest, context }) => {
        asked.push(httpGraphQLRequest);
        await context();
        return answer();
      },
    },
    context: async ({ req }) =>
      ({ principal: { userId: String(req.headers.authorization), role: 'ADMIN' } }) as never,
    maxBodyBytes: 1024,
    logger,
    traced,
  });
  const server: Server = createServer((_request, response) => {
    response.statusCode = 418;
    response.end();
  });
  serveAheadOfNest(server, [route], []);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    asked,
    errors,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const complete = (status: number, text: string): HTTPGraphQLResponse => {
  const headers = new HeaderMap();
  headers.set('content-type', 'application/json');
  headers.set('cache-control', 'no-store');
  return { status, headers, body: { kind: 'complete', string: text } };
};

const post = (url: string, body: string, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('GraphqlFastRoute', () => {
  it.each([false, true])(
    'hands Apollo the parsed body and headers, and writes its answer (traced: %s)',
    async (traced) => {
      const served = await serve(async () => complete(200, '{"data":{"a":1}}'), traced);
      try {
        const response = await post(served.url, '{"query":"{ a }"}', {
          authorization: 'Bearer t',
          'x-two': 'b',
        });
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(response.headers.get('cache-control')).toBe('no-store');
        expect(response.headers.get('content-length')).toBe('16');
        expect(await response.text()).toBe('{"data":{"a":1}}');
        expect(served.asked).toEqual([
          expect.objectContaining({ method: 'POST', search: '', body: { query: '{ a }' } }),
        ]);
        expect(served.asked[0].headers.get('authorization')).toBe('Bearer t');
        expect(served.asked[0].headers.get('x-two')).toBe('b');
        // What it does not take goes on to the server's own listener.
        expect((await fetch(served.url)).status).toBe(418);
      } finally {
        await served.close();
      }
    },
  );

  it('answers a failure outside Apollo with a logged, GraphQL-shaped 500', async () => {
    const failure = new Error('boom');
    const served = await serve(() => Promise.reject(failure), false);
    try {
      const response = await post(served.url, '{"query":"{ a }"}');
      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
      });
      expect(served.errors).toEqual([failure]);
    } finally {
      await served.close();
    }
  });
});
