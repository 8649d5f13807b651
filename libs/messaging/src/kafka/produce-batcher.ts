/** One produce request's worth of messages per topic, in the order they were handed over. */
export type TopicMessages<M> = ReadonlyArray<{ readonly topic: string; readonly messages: readonly M[] }>;

/**
 * At most this many messages per request from several callers (one caller's messages are never
 * split): the outbox relay's own round, so a coalesced request is never larger than one relay
 * round already was (the broker's record batch limit, message.max.bytes, is 1 MB by default).
 */
const DEFAULT_MAX_MESSAGES = 200;

interface Waiting<M> {
  readonly topic: string;
  readonly messages: readonly M[];
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Sends that arrive while a produce request is in flight go out together in the next one, with no
 * timer (no `linger`): an idle producer sends at once, a busy one makes one request of what queued
 * behind it. The producer allows one request in flight per broker (idempotent, ordered), so without
 * this 32 concurrent sends cost 32 round trips one after the other. Each caller's promise settles
 * with the request that carried its messages; order is call order, per topic and so per partition.
 */
export class ProduceBatcher<M> {
  private readonly queue: Waiting<M>[] = [];
  private draining = false;

  constructor(
    private readonly sendBatch: (batch: TopicMessages<M>) => Promise<void>,
    private readonly maxMessages = DEFAULT_MAX_MESSAGES,
  ) {}

  send(topic: string, messages: readonly M[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ topic, messages, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const taken = this.take();
        try {
          await this.sendBatch(byTopic(taken));
          for (const waiting of taken) waiting.resolve();
        } catch (error) {
          // Only this request's callers fail (they retry, as after any failed send); later ones go on.
          for (const waiting of taken) waiting.reject(error);
        }
      }
    } finally {
      this.draining = false;
    }
  }

  /** The oldest callers, whole, up to the message limit (always at least one caller). */
  private take(): Waiting<M>[] {
    let count = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || count + this.queue[n].messages.length <= this.maxMessages)) {
      count += this.queue[n].messages.length;
      n++;
    }
    return this.queue.splice(0, n);
  }
}

function byTopic<M>(taken: readonly Waiting<M>[]): TopicMessages<M> {
  const topics = new Map<string, M[]>();
  for (const { topic, messages } of taken) {
    const list = topics.get(topic);
    if (list) list.push(...messages);
    else topics.set(topic, [...messages]);
  }
  return [...topics].map(([topic, messages]) => ({ topic, messages }));
}
