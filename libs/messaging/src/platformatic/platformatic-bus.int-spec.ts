import { randomUUID } from 'node:crypto';
import { dlqTopicOf } from '@tminus/contracts';
import { describeMessageBusContract } from '../testing/message-bus-contract';
import { deleteTopics, ensureTopics } from '../kafka/kafka-admin';
import { PlatformaticBus } from './platformatic-bus';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');

describeMessageBusContract(
  'PlatformaticBus',
  async () => {
    const prefix = `test.pbus.${randomUUID().slice(0, 8)}`;
    const created: string[] = [];
    let topics = 0;
    return {
      connect: async () =>
        new PlatformaticBus({
          brokers,
          clientId: 'bus-contract-platformatic',
          redeliveryBackoff: { initialMs: 50, maxMs: 200 },
        }),
      createTopic: async (partitions) => {
        const topic = `${prefix}.${++topics}`;
        await ensureTopics(brokers, [
          { name: topic, partitions },
          { name: dlqTopicOf(topic), partitions: 1 },
        ]);
        created.push(topic, dlqTopicOf(topic));
        return topic;
      },
      dispose: () => deleteTopics(brokers, created),
    };
  },
  { waitMs: 30_000 },
);
