import type { IncomingMessage, OutgoingMessage } from '../message-bus';
import { MalformedMessageError } from '../serde/malformed-message-error';
import { withoutDeadLetterHeaders } from './dead-letter-headers';
import { reliableHandler } from './reliable-consumer';

const incoming: IncomingMessage = {
  topic: 'tminus.teams.events',
  partition: 2,
  offset: '41',
  key: 'team-1',
  value: Buffer.from('{"x":1}'),
  headers: { ce_id: 'e-1' },
};

const failedAt = new Date('2030-01-01T12:00:00.000Z');

const setUp = (handle: (m: IncomingMessage) => Promise<void>, failDlqPublish = false) => {
  const published: Array<{ topic: string; messages: readonly OutgoingMessage[] }> = [];
  const bus = {
    publish: async (topic: string, messages: readonly OutgoingMessage[]) => {
      if (failDlqPublish) throw new Error('broker down');
      published.push({ topic, messages });
    },
  };
  const handler = reliableHandler({
    bus,
    handle,
    maxAttempts: 3,
    retryBackoff: { initialMs: 1, maxMs: 2 },
    groupId: 'teams.projection',
    now: () => failedAt,
  });
  return { handler, published };
};

describe('reliableHandler', () => {
  it('retries a failing message and publishes nothing when a retry succeeds', async () => {
    let attempts = 0;
    const { handler, published } = setUp(async () => {
      if (++attempts < 3) throw new Error('deadlock detected');
    });
    await handler(incoming);
    expect(attempts).toBe(3);
    expect(published).toEqual([]);
  });

  it('dead-letters the original message with the reason after the last attempt, then resolves', async () => {
    let attempts = 0;
    const { handler, published } = setUp(async () => {
      attempts++;
      throw new TypeError('cannot read properties of undefined');
    });
    await handler(incoming);

    expect(attempts).toBe(3);
    expect(published).toHaveLength(1);
    expect(published[0].topic).toBe('tminus.teams.events.dlq');
    const [letter] = published[0].messages;
    expect(letter.key).toBe('team-1');
    expect(letter.value.equals(incoming.value)).toBe(true);
    expect(letter.headers).toEqual({
      ce_id: 'e-1',
      dlq_error: 'TypeError: cannot read properties of undefined',
      dlq_error_type: 'TypeError',
      dlq_original_topic: 'tminus.teams.events',
      dlq_original_partition: '2',
      dlq_original_offset: '41',
      dlq_attempts: '3',
      dlq_failed_at: '2030-01-01T12:00:00.000Z',
      dlq_group_id: 'teams.projection',
    });
  });

  it('dead-letters a malformed message at once, without retrying it', async () => {
    let attempts = 0;
    const { handler, published } = setUp(async () => {
      attempts++;
      throw new MalformedMessageError(['header ce_type is missing']);
    });
    await handler(incoming);

    expect(attempts).toBe(1);
    expect(published[0].messages[0].headers).toMatchObject({
      dlq_attempts: '1',
      dlq_error: 'MalformedMessageError: Malformed message: header ce_type is missing',
    });
  });

  it('rejects when the dead letter cannot be published, so the bus delivers the message again', async () => {
    const { handler } = setUp(async () => {
      throw new Error('always');
    }, true);
    await expect(handler(incoming)).rejects.toThrow('broker down');
  });

  it('replaces the dlq_ headers of a message that fails again after a replay', async () => {
    const replayedOnce = { ...incoming, headers: { ...incoming.headers, dlq_attempts: '3', dlq_old: 'x' } };
    const { handler, published } = setUp(async () => {
      throw new MalformedMessageError(['bad']);
    });
    await handler(replayedOnce);
    expect(published[0].messages[0].headers.dlq_attempts).toBe('1');
    expect(published[0].messages[0].headers.dlq_old).toBeUndefined();
  });

  it('truncates a huge error message', async () => {
    const { handler, published } = setUp(async () => {
      throw new Error('x'.repeat(10_000));
    });
    await handler(incoming);
    expect(published[0].messages[0].headers.dlq_error.length).toBeLessThanOrEqual(2_001);
  });
});

describe('withoutDeadLetterHeaders', () => {
  it('keeps every header but the dlq_ ones', () => {
    expect(
      withoutDeadLetterHeaders({ ce_id: '1', dlq_error: 'e', 'content-type': 'application/json' }),
    ).toEqual({
      ce_id: '1',
      'content-type': 'application/json',
    });
  });
});
