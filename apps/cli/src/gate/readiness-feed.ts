import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CliError } from '../support/exit-codes';
import { safeField } from '../support/safe-text';
import type { ChangeFeed, ChangeListener } from './wait-for-gate';

export interface ReadinessFeedOptions {
  /** The gateway's base URL (http or https); the socket goes to `<base>/graphql` as ws or wss. */
  readonly baseUrl: URL;
  readonly token: string;
  readonly launchId: string;
}

export const READINESS_CHANGED = /* GraphQL */ `
  subscription GateWait($launchId: ID!) {
    readinessChanged(launchId: $launchId) {
      status
      readiness {
        ready
        percent
        counts {
          requiredItems
          doneOrWaived
          open
          blocked
          overdue
        }
        blockers {
          code
          teamId
          itemId
        }
      }
    }
  }
`;

/** graphql-ws close codes that no retry can fix for this token. */
const FORBIDDEN = 4403;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 5_000;

export const graphqlWsUrl = (baseUrl: URL): URL => {
  const url = new URL('graphql', baseUrl.href.endsWith('/') ? baseUrl.href : `${baseUrl.href}/`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url;
};

const closeCodeOf = (value: unknown): number | null =>
  typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number'
    ? (value as { code: number }).code
    : null;

function describeFailure(error: unknown): CliError {
  if (Array.isArray(error) && error.length > 0) {
    const first = error[0] as { message?: unknown; extensions?: { code?: unknown } };
    const code = typeof first.extensions?.code === 'string' ? safeField(first.extensions.code) : undefined;
    const message = typeof first.message === 'string' ? safeField(first.message) : 'subscription failed';
    return new CliError(`cannot watch readiness: ${code ? `${code}: ` : ''}${message}`, code);
  }
  const closeCode = closeCodeOf(error);
  if (closeCode !== null) {
    const reason = (error as { reason?: unknown }).reason;
    return new CliError(
      `cannot watch readiness: the gateway closed the socket (${closeCode} ${safeField(String(reason ?? ''))})`.trim(),
    );
  }
  return new CliError(
    `cannot watch readiness: ${safeField(error instanceof Error ? error.message : String(error))}`,
  );
}

/**
 * What a notification says, without its position: two notifications with the same signature cannot
 * change the gate's answer (the waiter's own audited evaluations are such notifications).
 */
export const signatureOf = (payload: unknown): string => {
  const data = (payload as { data?: { readinessChanged?: unknown } } | null)?.data?.readinessChanged;
  return JSON.stringify(data ?? null);
};

/**
 * `readinessChanged(launchId)` over graphql-ws. The client reconnects on its own (backoff up to 5 s,
 * forever: `--wait` bounds the time) and re-subscribes; every (re)connection is reported so the
 * waiter asks the gate again for what it may have missed meanwhile. A notification is passed on only
 * when status or readiness differ from the last one: every gate check a pipeline makes is recorded
 * as an event on the launch, and reacting to those would make the waiter feed itself. The gate stays
 * the only judge; a policy change (not in the payload) is seen by the waiter's slow safety re-check.
 */
export function readinessFeed(options: ReadinessFeedOptions): ChangeFeed {
  return {
    start(listener: ChangeListener) {
      const client: Client = createClient({
        url: graphqlWsUrl(options.baseUrl).href,
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${options.token}` },
        lazy: false,
        keepAlive: 10_000,
        retryAttempts: Number.POSITIVE_INFINITY,
        retryWait: (retries) =>
          new Promise((resolve) =>
            setTimeout(
              resolve,
              Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** retries) * (0.5 + Math.random() / 2),
            ),
          ),
        shouldRetry: (errOrClose) => closeCodeOf(errOrClose) !== FORBIDDEN,
        onNonLazyError: (error) => listener.failed(describeFailure(error)),
        on: { connected: () => listener.connected() },
      });
      let lastSignature: string | null = null;
      const unsubscribe = client.subscribe(
        { query: READINESS_CHANGED, variables: { launchId: options.launchId } },
        {
          next: (payload) => {
            if (payload.errors?.length) return listener.failed(describeFailure(payload.errors));
            const signature = signatureOf(payload);
            if (signature === lastSignature) return;
            lastSignature = signature;
            listener.changed();
          },
          error: (error) => listener.failed(describeFailure(error)),
          complete: () => undefined,
        },
      );
      let stopped = false;
      return {
        async stop() {
          if (stopped) return;
          stopped = true;
          unsubscribe();
          await client.dispose();
        },
      };
    },
  };
}
