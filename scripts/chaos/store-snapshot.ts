import { Client } from 'pg';
import type { AppName } from './stack';

/** One event as the checker needs it: what it is about, in its stream's order. */
export interface StoredEvent {
  readonly type: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly data: Record<string, unknown>;
  readonly commandId: string | null;
}

/** The same command id wrote the same event type to the same stream more than once. */
export interface StoreDuplicate {
  readonly service: string;
  readonly commandId: string;
  readonly streamId: string;
  readonly type: string;
  readonly count: number;
}

export interface StoreSnapshot {
  readonly events: Record<'teams' | 'launches' | 'checklists', StoredEvent[]>;
  readonly duplicates: StoreDuplicate[];
}

const TYPES = {
  teams: ['TeamCreated'],
  launches: ['LaunchCreated', 'TeamRequired'],
  checklists: ['ChecklistItemAdded', 'ChecklistItemTicked', 'ChecklistItemUnticked'],
} as const;

/** Reads the events the workload's commands cause straight from each service's event store. */
export async function readStores(urls: Record<AppName, string>): Promise<StoreSnapshot> {
  const events = {} as StoreSnapshot['events'];
  const duplicates: StoreDuplicate[] = [];
  for (const service of ['teams', 'launches', 'checklists'] as const) {
    await withClient(urls[service], async (client) => {
      const rows = await client.query<{
        type: string;
        stream_id: string;
        stream_position: number;
        data: Record<string, unknown>;
        command_id: string | null;
      }>(
        `SELECT type, stream_id, stream_position, data, metadata->>'commandId' AS command_id
           FROM events WHERE type = ANY($1) ORDER BY stream_id, stream_position`,
        [TYPES[service]],
      );
      events[service] = rows.rows.map((row) => ({
        type: row.type,
        streamId: row.stream_id,
        streamPosition: row.stream_position,
        data: row.data,
        commandId: row.command_id,
      }));
      const repeated = await client.query<{
        command_id: string;
        stream_id: string;
        type: string;
        count: string;
      }>(
        `SELECT metadata->>'commandId' AS command_id, stream_id, type, count(*) AS count
           FROM events WHERE metadata ? 'commandId'
          GROUP BY 1, 2, 3 HAVING count(*) > 1`,
      );
      duplicates.push(
        ...repeated.rows.map((row) => ({
          service,
          commandId: row.command_id,
          streamId: row.stream_id,
          type: row.type,
          count: Number(row.count),
        })),
      );
    });
  }
  return { events, duplicates };
}

/**
 * Waits until the services are quiet: no unsent outbox row and no new event for `quietMs`, so the
 * snapshot taken next is final (commands that got no answer may still have been in flight).
 */
export async function waitUntilQuiet(
  urls: Record<AppName, string>,
  { quietMs = 3_000, timeoutMs = 120_000 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let since = Date.now();
  for (;;) {
    const state: string[] = [];
    for (const service of ['teams', 'launches', 'checklists'] as const) {
      await withClient(urls[service], async (client) => {
        const { rows } = await client.query<{ events: string; unsent: string }>(
          `SELECT (SELECT count(*) FROM events) AS events,
                  (SELECT count(*) FROM outbox WHERE sent_at IS NULL) AS unsent`,
        );
        state.push(`${rows[0].events}/${rows[0].unsent}`);
        if (rows[0].unsent !== '0') since = Date.now();
      });
    }
    const now = state.join(',');
    if (now !== last) {
      last = now;
      since = Date.now();
    }
    if (Date.now() - since >= quietMs) return;
    if (Date.now() > deadline) throw new Error(`the services did not go quiet (events/unsent: ${now})`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
