import { createServer } from 'node:net';
import { describeUnreachable } from './unreachable';

describe('describeUnreachable', () => {
  it('names the URL and the settings when nothing listens there (a real refused connection)', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const url = `http://127.0.0.1:${port}/graphql`;

    const error = await fetch(url).then(
      () => undefined,
      (failure: unknown) => failure,
    );

    const wrapped = new Error(`cannot reach ${url}: fetch failed`, { cause: error });
    expect(describeUnreachable(wrapped, url)).toBe(describeUnreachable(error, url));
    expect(describeUnreachable(error, url)).toBe(
      `could not reach ${url} (connection refused): is tminus running (npm start)? ` +
        'Point --url or TMINUS_URL at its /graphql, or set PORT',
    );
  });

  it('leaves errors from a server that answered alone', () => {
    expect(
      describeUnreachable(new Error('GraphQL error: FORBIDDEN'), 'http://127.0.0.1:4000/graphql'),
    ).toBeNull();
  });
});
