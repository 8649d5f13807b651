import { Gauge, type Registry } from 'prom-client';
import type { PartitionPosition } from '@tminus/messaging';

/** What the lag needs from the bus (Kafka: admin offsets; the in-process log: its own positions). */
export type PositionsOf = (groupId: string, topic: string) => Promise<PartitionPosition[]>;

/** A scrape must not hang on a broker that does not answer: past this, the lag is left out. */
const SCRAPE_TIMEOUT_MS = 2_000;

export const CONSUMER_LAG_METRIC = 'tminus_consumer_lag';

/**
 * `tminus_consumer_lag{group,topic,partition}`: messages published and not yet consumed by a group,
 * read from the bus at scrape time (no sampling timer, nothing kept between scrapes). Groups and
 * topics are the un-namespaced names the app uses, so dashboards work across KAFKA_TOPIC_NAMESPACE.
 */
export class ConsumerLag {
  private readonly watched = new Map<string, { groupId: string; topic: string }>();

  constructor(registry: Registry, positionsOf: PositionsOf | undefined) {
    const watched = this.watched;
    new Gauge({
      name: CONSUMER_LAG_METRIC,
      help: 'Messages not yet consumed, per consumer group, topic and partition (end offset minus position)',
      labelNames: ['group', 'topic', 'partition'],
      registers: [registry],
      async collect() {
        this.reset();
        if (!positionsOf) return;
        const rows = await Promise.all(
          [...watched.values()].map(({ groupId, topic }) => lagRows(positionsOf, groupId, topic)),
        );
        for (const row of rows.flat()) {
          this.set({ group: row.groupId, topic: row.topic, partition: String(row.partition) }, row.lag);
        }
      },
    });
  }

  /** Adds a group's subscription to a topic to what the gauge reports. */
  watch(groupId: string, topic: string): void {
    this.watched.set(`${groupId}\u0000${topic}`, { groupId, topic });
  }
}

interface LagRow {
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
  readonly lag: number;
}

async function lagRows(positionsOf: PositionsOf, groupId: string, topic: string): Promise<LagRow[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<PartitionPosition[]>((resolve) => {
    timer = setTimeout(() => resolve([]), SCRAPE_TIMEOUT_MS);
    timer.unref();
  });
  try {
    const positions = await Promise.race([positionsOf(groupId, topic), timeout]);
    return positions.map(({ partition, next, end }) => ({
      groupId,
      topic,
      partition,
      lag: Math.max(0, Number(BigInt(end) - BigInt(next))),
    }));
  } catch {
    // The broker is away: no lag rather than a failed scrape (the health check says what is down).
    return [];
  } finally {
    clearTimeout(timer);
  }
}
