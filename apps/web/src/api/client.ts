// GraphQL over fetch to the same origin, subscriptions over graphql-ws. One WebSocket per signed-in
// tab; when it drops, graphql-ws reconnects by itself and every page re-fetches (see onReconnect).
import type { TadaDocumentNode } from 'gql.tada';
import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';

export class ApiError extends Error {
  constructor(
    message: string,
    /** The stable code from `extensions.code` (e.g. FORBIDDEN), or NETWORK. */
    readonly code: string,
  ) {
    super(message);
  }
}

interface GraphqlResponse<Data> {
  data?: Data | null;
  errors?: readonly { message: string; extensions?: { code?: string } }[];
}

const toResult = <Data>(body: GraphqlResponse<Data>): Data => {
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'ERROR');
  if (body.data == null) throw new ApiError('The server sent no data', 'ERROR');
  return body.data;
};

export const request = async <Data, Variables>(
  token: string,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
): Promise<Data> => {
  let response: Response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: print(document), variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached', 'NETWORK');
  }
  const body = (await response.json().catch(() => ({}))) as GraphqlResponse<Data>;
  if (response.status === 401 && !body.errors) throw new ApiError('Not signed in', 'UNAUTHENTICATED');
  return toResult(body);
};

let socket: { token: string; client: Client } | null = null;
const reconnectListeners = new Set<() => void>();

const socketFor = (token: string): Client => {
  if (socket?.token === token) return socket.client;
  socket?.client.dispose();
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const client = createClient({
    url,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: Number.MAX_SAFE_INTEGER,
    shouldRetry: () => true,
    // Try again soon (a restarted server is back in seconds), but never more often than every 3 s or so.
    retryWait: (retries) =>
      new Promise((resolve) => setTimeout(resolve, Math.min(3000, 250 * 2 ** retries) + Math.random() * 500)),
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) reconnectListeners.forEach((listener) => listener());
      },
    },
  });
  socket = { token, client };
  return client;
};

/** Between giving up on a subscription (a close graphql-ws treats as final, a server error) and trying again. */
const RESUBSCRIBE_MS = 1500;

/**
 * Calls `onEvent` for every event of a subscription; returns the unsubscribe function. graphql-ws
 * retries dropped connections itself; when it gives up on one (some close codes are final to it), the
 * subscription is simply started again a moment later, so a page never stays deaf.
 */
export const subscribe = <Data, Variables>(
  token: string,
  document: TadaDocumentNode<Data, Variables>,
  variables: Variables,
  onEvent: (data: Data) => void,
): (() => void) => {
  let stopped = false;
  let stopCurrent = () => {};
  const start = () => {
    stopCurrent = socketFor(token).subscribe<Data>(
      { query: print(document), variables: variables as Record<string, unknown> },
      {
        next: (result) => {
          if (result.data) onEvent(result.data);
        },
        error: () => again(),
        complete: () => again(),
      },
    );
  };
  const again = () => {
    if (!stopped) setTimeout(() => stopped || start(), RESUBSCRIBE_MS);
  };
  start();
  return () => {
    stopped = true;
    stopCurrent();
  };
};

/** Called after the WebSocket came back: events may have been missed, so re-fetch. */
export const onReconnect = (listener: () => void): (() => void) => {
  reconnectListeners.add(listener);
  return () => reconnectListeners.delete(listener);
};

export const closeSocket = (): void => {
  socket?.client.dispose();
  socket = null;
};
