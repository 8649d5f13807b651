import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';

/** A subscription that can take over a partition another member of its group let go. */
export interface PartitionOwner {
  take(topic: string, partition: number): void;
}

/**
 * What every bus instance on one SQLite file shares inside this process: the "published" signal and
 * which member of a consumer group owns which partition. Two instances on one file (a restart in a
 * test, two modules of the embedded app) then still deliver each partition to one member of a group.
 */
export interface LogChannel {
  readonly published: EventEmitter;
  /** Key: group \0 topic \0 partition. */
  readonly owners: Map<string, PartitionOwner>;
  /** Subscriptions per group \0 topic, in the order they joined: the next in line takes over a partition. */
  readonly members: Map<string, Set<PartitionOwner>>;
}

const channels = new Map<string, { channel: LogChannel; users: number }>();

const newChannel = (): LogChannel => {
  const published = new EventEmitter();
  published.setMaxListeners(0);
  return { published, owners: new Map(), members: new Map() };
};

/** An in-memory database is private to its connection, so it gets a channel of its own. */
export function openChannel(filename: string): { channel: LogChannel; release: () => void } {
  if (filename === ':memory:' || filename === '') return { channel: newChannel(), release: () => undefined };
  const path = resolve(filename);
  const entry = channels.get(path) ?? { channel: newChannel(), users: 0 };
  entry.users += 1;
  channels.set(path, entry);
  return {
    channel: entry.channel,
    release: () => {
      entry.users -= 1;
      if (entry.users === 0) channels.delete(path);
    },
  };
}

export const ownerKey = (groupId: string, topic: string, partition: number): string =>
  `${groupId}\u0000${topic}\u0000${partition}`;

export const memberKey = (groupId: string, topic: string): string => `${groupId}\u0000${topic}`;
