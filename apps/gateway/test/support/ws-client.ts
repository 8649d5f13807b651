import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

/** A graphql-ws client for the gateway at `url` (http://…), authenticated with `token` if given. */
export function wsClient(url: string, token: string | null): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** What a subscription ended with when it failed: GraphQL errors, or the socket's close code. */
export async function failureOf(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<unknown> {
  return new Promise((resolve) => {
    client.subscribe(
      { query, variables },
      {
        next: (result) => {
          if (result.errors) resolve(result.errors);
        },
        error: (error: unknown) =>
          resolve(Array.isArray(error) ? error : { closeCode: (error as { code?: number }).code }),
        complete: () => resolve('completed'),
      },
    );
  });
}
