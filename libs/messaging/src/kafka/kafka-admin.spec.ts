import { createServer, type Server } from 'node:net';
import { KafkaUnavailableError, TopicPartitionMismatchError, waitForKafka } from './kafka-admin';

/** A loopback port with nothing listening: connections are refused at once. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('waitForKafka', () => {
  it('fails fast, without polling, once the broker process has exited', async () => {
    const brokers = [`127.0.0.1:${await closedPort()}`];
    const startedAt = Date.now();

    const error = await waitForKafka(brokers, 60_000, () => false).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KafkaUnavailableError);
    expect((error as KafkaUnavailableError).reason).toBe('process-exited');
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });

  it('gives up after the timeout, naming the brokers and the last connection error', async () => {
    const brokers = [`127.0.0.1:${await closedPort()}`];

    const error = await waitForKafka(brokers, 600).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(KafkaUnavailableError);
    expect((error as KafkaUnavailableError).reason).toBe('timeout');
    expect((error as Error).message).toContain(brokers[0]);
    expect((error as KafkaUnavailableError).lastError).toBeInstanceOf(Error);
  });

  it('refuses an empty broker list at once instead of polling nothing', async () => {
    await expect(waitForKafka([], 60_000)).rejects.toThrow(/No Kafka brokers given/);
  });
});

describe('TopicPartitionMismatchError', () => {
  it('names each topic with its actual and expected partition count', () => {
    const error = new TopicPartitionMismatchError([{ topic: 'tminus.teams.events', expected: 3, actual: 1 }]);

    expect(error.message).toContain('tminus.teams.events has 1, contract says 3');
  });
});
