import type {
  MessageBus,
  OutgoingMessage,
  PartitionPosition,
  SubscribeOptions,
  Subscription,
} from './message-bus';

/**
 * Puts every topic and consumer group of a bus under a namespace (`<ns>.tminus.teams.commands`), so
 * several stacks can share one Kafka cluster without reading each other's commands — test runs on one
 * broker, or staging beside production. The apps keep using the contract topic names.
 */
export class NamespacedBus implements MessageBus {
  constructor(
    private readonly inner: MessageBus,
    private readonly namespace: string,
  ) {}

  static wrap(bus: MessageBus, namespace: string | undefined): MessageBus {
    return namespace ? new NamespacedBus(bus, namespace) : bus;
  }

  private outer(topic: string): string {
    return `${this.namespace}.${topic}`;
  }

  private local(topic: string): string {
    const prefix = `${this.namespace}.`;
    return topic.startsWith(prefix) ? topic.slice(prefix.length) : topic;
  }

  publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    return this.inner.publish(this.outer(topic), messages);
  }

  subscribe(options: SubscribeOptions): Promise<Subscription> {
    const { handleBatch } = options;
    return this.inner.subscribe({
      ...options,
      groupId: this.outer(options.groupId),
      topics: options.topics.map((topic) => this.outer(topic)),
      handle: (message) => options.handle({ ...message, topic: this.local(message.topic) }),
      handleBatch:
        handleBatch &&
        ((messages) =>
          handleBatch(messages.map((message) => ({ ...message, topic: this.local(message.topic) })))),
    });
  }

  positions(groupId: string, topic: string): Promise<PartitionPosition[]> {
    if (!this.inner.positions) return Promise.reject(new Error('The wrapped bus does not report positions'));
    return this.inner.positions(this.outer(groupId), this.outer(topic));
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

/** The topic names a namespaced stack needs created (contract names under the namespace). */
export const namespacedTopicName = (namespace: string | undefined, topic: string): string =>
  namespace ? `${namespace}.${topic}` : topic;
