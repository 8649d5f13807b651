import { ProduceBatcher, type TopicMessages } from './produce-batcher';

/** A fake producer whose requests stay in flight until the test lets them finish. */
function fakeProducer() {
  const requests: { batch: TopicMessages<string>; finish: (error?: Error) => void }[] = [];
  const sendBatch = (batch: TopicMessages<string>): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      requests.push({ batch, finish: (error) => (error ? reject(error) : resolve()) });
    });
  return { requests, sendBatch };
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('ProduceBatcher', () => {
  it('sends at once when idle, and what queued meanwhile in one request, in call order per topic', async () => {
    const producer = fakeProducer();
    const batcher = new ProduceBatcher(producer.sendBatch);
    const settled: string[] = [];
    const track = (name: string, p: Promise<void>) => p.then(() => settled.push(name));

    const first = track('a1', batcher.send('a', ['a1']));
    await flush();
    expect(producer.requests.map((r) => r.batch)).toEqual([[{ topic: 'a', messages: ['a1'] }]]);

    const rest = [
      track('a2', batcher.send('a', ['a2', 'a3'])),
      track('b1', batcher.send('b', ['b1'])),
      track('a4', batcher.send('a', ['a4'])),
    ];
    await flush();
    expect(producer.requests).toHaveLength(1);
    expect(settled).toEqual([]);

    producer.requests[0].finish();
    await first;
    await flush();
    expect(producer.requests[1].batch).toEqual([
      { topic: 'a', messages: ['a2', 'a3', 'a4'] },
      { topic: 'b', messages: ['b1'] },
    ]);
    expect(settled).toEqual(['a1']);

    producer.requests[1].finish();
    await Promise.all(rest);
    expect(settled).toEqual(['a1', 'a2', 'b1', 'a4']);
  });

  it('fails only the callers of a failed request; the next ones are sent', async () => {
    const producer = fakeProducer();
    const batcher = new ProduceBatcher(producer.sendBatch);
    const first = batcher.send('a', ['1']);
    await flush();
    const second = batcher.send('a', ['2']);
    const third = batcher.send('a', ['3']);
    producer.requests[0].finish(new Error('broker gone'));
    await expect(first).rejects.toThrow('broker gone');
    await flush();
    producer.requests[1].finish(new Error('still gone'));
    await expect(second).rejects.toThrow('still gone');
    await expect(third).rejects.toThrow('still gone');

    const fourth = batcher.send('a', ['4']);
    await flush();
    producer.requests[2].finish();
    await expect(fourth).resolves.toBeUndefined();
    expect(producer.requests.map((r) => r.batch[0].messages)).toEqual([['1'], ['2', '3'], ['4']]);
  });

  it('never splits a caller and keeps a request within the message limit (one large caller alone)', async () => {
    const producer = fakeProducer();
    const batcher = new ProduceBatcher(producer.sendBatch, 3);
    const sends = [
      batcher.send('a', ['0']),
      batcher.send('a', ['1', '2']),
      batcher.send('a', ['3', '4']),
      batcher.send('a', ['5', '6', '7', '8']),
    ];
    for (let i = 0; i < 4; i++) {
      await flush();
      producer.requests.at(-1)?.finish();
    }
    await Promise.all(sends);
    expect(producer.requests.map((r) => r.batch[0].messages)).toEqual([
      ['0'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6', '7', '8'],
    ]);
  });
});
