import type { IncomingMessage, MessageBus, OutgoingMessage, SubscribeOptions } from './message-bus';
import { NamespacedBus } from './namespaced-bus';

/** Records what reaches the wrapped bus. */
class RecordingBus implements MessageBus {
  published: { topic: string; count: number }[] = [];
  subscriptions: SubscribeOptions[] = [];
  async publish(topic: string, messages: readonly OutgoingMessage[]): Promise<void> {
    this.published.push({ topic, count: messages.length });
  }
  async subscribe(options: SubscribeOptions) {
    this.subscriptions.push(options);
    return { stop: async () => undefined };
  }
  async close(): Promise<void> {}
}

const message = (topic: string): IncomingMessage => ({
  topic,
  partition: 0,
  offset: '0',
  key: 'k',
  value: Buffer.from('{}'),
  headers: {},
});

describe('NamespacedBus', () => {
  it('publishes and subscribes under the namespace, and hands handlers the contract topic name', async () => {
    const inner = new RecordingBus();
    const bus = new NamespacedBus(inner, 'run42');
    const seen: string[] = [];

    await bus.publish('tminus.teams.commands', [{ key: 'k', value: Buffer.from('x'), headers: {} }]);
    await bus.subscribe({
      groupId: 'teams',
      topics: ['tminus.teams.commands'],
      handle: async (m) => void seen.push(m.topic),
    });
    await inner.subscriptions[0].handle(message('run42.tminus.teams.commands'));

    expect(inner.published).toEqual([{ topic: 'run42.tminus.teams.commands', count: 1 }]);
    expect(inner.subscriptions[0].groupId).toBe('run42.teams');
    expect(inner.subscriptions[0].topics).toEqual(['run42.tminus.teams.commands']);
    expect(seen).toEqual(['tminus.teams.commands']);
  });

  it('hands a batch handler the contract topic names too', async () => {
    const inner = new RecordingBus();
    const seen: string[] = [];
    await new NamespacedBus(inner, 'run42').subscribe({
      groupId: 'teams',
      topics: ['tminus.teams.commands'],
      handle: async () => undefined,
      handleBatch: async (messages) => void seen.push(...messages.map((m) => m.topic)),
    });
    await inner.subscriptions[0].handleBatch?.([message('run42.tminus.teams.commands')]);
    expect(seen).toEqual(['tminus.teams.commands']);
  });

  it('leaves the bus untouched without a namespace', () => {
    const inner = new RecordingBus();
    expect(NamespacedBus.wrap(inner, undefined)).toBe(inner);
    expect(NamespacedBus.wrap(inner, '')).toBe(inner);
    expect(NamespacedBus.wrap(inner, 'x')).toBeInstanceOf(NamespacedBus);
  });
});
