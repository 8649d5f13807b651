/** Where a consumer group stands in one partition, as numbers (offsets fit easily below 2^53). */
export interface PartitionLag {
  readonly topic: string;
  readonly partition: number;
  /** The offset the group reads next. */
  readonly next: number;
  /** The offset the next published message will get. */
  readonly end: number;
}

interface Mark {
  /** When the group was seen behind these ends. */
  readonly at: number;
  /** `topic/partition` → the end offset then; the mark clears once the group has read past every one. */
  readonly ends: ReadonlyMap<string, number>;
}

const keyOf = (lag: Pick<PartitionLag, 'topic' | 'partition'>): string => `${lag.topic}/${lag.partition}`;

/**
 * How long the oldest event the read model has not applied yet has been waiting, from periodic samples
 * of the consumer group's positions: each sample that finds the group behind leaves a mark (the time
 * and the partition ends), and a mark clears once the group has read past all of its ends. The lag is
 * the age of the oldest mark still there: a lower bound of the true lag, exact to one sampling interval.
 * Event times are not needed (the broker's offsets say enough), so this works for Kafka and the
 * in-process bus alike.
 */
export class LagWatermarks {
  private marks: Mark[] = [];
  private behind = 0;
  private behindTopics: string[] = [];

  observe(at: number, positions: readonly PartitionLag[]): void {
    const next = new Map(positions.map((position) => [keyOf(position), position.next]));
    this.marks = this.marks.filter((mark) =>
      [...mark.ends].some(([key, end]) => (next.get(key) ?? -1) < end),
    );
    const lagging = positions.filter((position) => position.next < position.end);
    this.behind = lagging.reduce((sum, position) => sum + (position.end - position.next), 0);
    this.behindTopics = [...new Set(lagging.map((position) => position.topic))].sort();
    if (lagging.length > 0) {
      this.marks.push({ at, ends: new Map(lagging.map((position) => [keyOf(position), position.end])) });
    }
  }

  /** Milliseconds the oldest unapplied event (seen by a sample) has been waiting; 0 when caught up. */
  lagMs(now: number): number {
    return this.marks.length === 0 ? 0 : Math.max(0, now - this.marks[0].at);
  }

  /** Events not applied yet at the last sample, and on which topics. */
  backlog(): { readonly events: number; readonly topics: readonly string[] } {
    return { events: this.behind, topics: this.behindTopics };
  }
}
