import type { CommandEnvelope, EventEnvelope } from '@tminus/contracts';
import type { IncomingMessage, OutgoingMessage } from '../message-bus';
import {
  decodeCommandEnvelope,
  decodeEventEnvelope,
  encodeCommandEnvelope,
  encodeEventEnvelope,
} from './envelope-serde';
import { MalformedMessageError } from './malformed-message-error';

const event: EventEnvelope<'ChecklistItemTicked', { itemId: string; evidenceUrl: string }> = {
  id: '0b7f5c7e-3f5b-4a53-9d3e-2f7c1d2b9a10',
  type: 'ChecklistItemTicked',
  schemaVersion: 2,
  source: 'tminus.checklists',
  streamId: 'checklist-42',
  streamPosition: 7,
  occurredAt: '2030-05-01T10:00:00.000Z',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  commandId: 'cmd-1',
  lastOfCommand: true,
  actor: { userId: 'u-1', role: 'TEAM_MEMBER' },
  data: { itemId: 'item-1', evidenceUrl: 'https://ci.example/run/1' },
};

const command: CommandEnvelope<'TickItem', { itemId: string }> = {
  commandId: 'cmd-9',
  type: 'TickItem',
  aggregateId: 'checklist-42',
  actor: { userId: 'u-1', role: 'TEAM_MEMBER' },
  correlationId: 'corr-9',
  issuedAt: '2030-05-01T09:59:59.000Z',
  payload: { itemId: 'item-1' },
};

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const withHeaders = (
  message: OutgoingMessage,
  changes: Record<string, string | undefined>,
): OutgoingMessage => {
  const headers: Record<string, string> = { ...message.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...message, headers };
};

const problemsOf = (decode: () => unknown): readonly string[] => {
  try {
    decode();
  } catch (error) {
    if (error instanceof MalformedMessageError) return error.problems;
    throw error;
  }
  throw new Error('expected a MalformedMessageError');
};

describe('event envelope serde (CloudEvents Kafka binding, binary mode)', () => {
  it('writes the CloudEvents attributes as ce_ headers, data as the JSON value, keyed by stream id', () => {
    const message = encodeEventEnvelope(event);

    expect(message.key).toBe('checklist-42');
    expect(JSON.parse(message.value.toString('utf8'))).toEqual(event.data);
    expect(message.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: event.id,
      ce_type: 'ChecklistItemTicked',
      ce_source: 'tminus.checklists',
      ce_time: '2030-05-01T10:00:00.000Z',
      ce_subject: 'checklist-42',
      'content-type': 'application/json',
      ce_streamposition: '7',
      ce_schemaversion: '2',
      ce_correlationid: 'corr-1',
      ce_causationid: 'cmd-1',
      ce_commandid: 'cmd-1',
      ce_lastofcommand: 'true',
      ce_actor: '{"userId":"u-1","role":"TEAM_MEMBER"}',
    });
  });

  it('uses only lower-case alphanumeric extension names, as CloudEvents requires', () => {
    const names = Object.keys(encodeEventEnvelope(event).headers).filter((n) => n.startsWith('ce_'));
    expect(names.every((n) => /^ce_[a-z0-9]+$/.test(n))).toBe(true);
  });

  it('round-trips every field', () => {
    expect(decodeEventEnvelope(encodeEventEnvelope(event))).toEqual(event);
  });

  it('round-trips an event without the optional fields, and a position-0 marker', () => {
    const { commandId: _c, lastOfCommand: _l, actor: _a, ...bare } = event;
    const marker = { ...bare, type: 'CommandRejected', streamPosition: 0 };
    expect(decodeEventEnvelope(encodeEventEnvelope(marker))).toEqual(marker);
  });

  it('carries the trace context as ce_traceparent (CloudEvents distributed tracing extension)', () => {
    const traced = { ...event, traceparent: TRACEPARENT };
    const message = encodeEventEnvelope(traced);
    expect(message.headers.ce_traceparent).toBe(TRACEPARENT);
    expect(decodeEventEnvelope(message)).toEqual(traced);
  });

  it('drops a malformed traceparent instead of refusing the event', () => {
    const message = withHeaders(encodeEventEnvelope(event), { ce_traceparent: 'x\n::warning::' });
    expect(decodeEventEnvelope(message)).toEqual(event);
    expect(encodeEventEnvelope({ ...event, traceparent: 'garbage' }).headers).not.toHaveProperty(
      'ce_traceparent',
    );
  });

  it('keys by an explicit key when given one', () => {
    expect(encodeEventEnvelope(event, { key: 'aggregate-1' }).key).toBe('aggregate-1');
  });

  it('sends undefined data as JSON null', () => {
    const message = encodeEventEnvelope({ ...event, data: undefined });
    expect(message.value.toString('utf8')).toBe('null');
    expect(decodeEventEnvelope(message).data).toBeNull();
  });

  it('accepts a content type with parameters', () => {
    const message = withHeaders(encodeEventEnvelope(event), {
      'content-type': 'application/json; charset=utf-8',
    });
    expect(decodeEventEnvelope(message).id).toBe(event.id);
  });

  describe('rejects a malformed message with every problem named', () => {
    const good = encodeEventEnvelope(event);

    it.each([
      [{ ce_specversion: '0.3' }, 'header ce_specversion is "0.3", expected "1.0"'],
      [{ ce_specversion: undefined }, 'header ce_specversion is missing'],
      [{ ce_id: undefined }, 'header ce_id is missing'],
      [{ ce_type: '' }, 'header ce_type is missing'],
      [{ ce_subject: undefined }, 'header ce_subject is missing'],
      [
        { ce_time: 'yesterday' },
        'header ce_time "yesterday" is not an RFC 3339 timestamp: it is not an RFC 3339 date or date-time, e.g. "2026-12-01T09:00:00Z" or "2026-12-01"',
      ],
      [
        { ce_time: '2026-02-30T09:00:00Z' },
        'header ce_time "2026-02-30T09:00:00Z" is not an RFC 3339 timestamp: February 2026 has no day 30, only 28 days',
      ],
      [{ ce_streamposition: '-1' }, 'header ce_streamposition "-1" is not an integer >= 0'],
      [{ ce_streamposition: '1.5' }, 'header ce_streamposition "1.5" is not an integer >= 0'],
      [{ ce_schemaversion: '0' }, 'header ce_schemaversion "0" is not an integer >= 1'],
      [{ ce_lastofcommand: 'yes' }, 'header ce_lastofcommand "yes" is not true or false'],
      [{ ce_actor: '{' }, 'header ce_actor is not JSON'],
      [{ 'content-type': 'application/avro' }, 'content-type "application/avro" is not application/json'],
    ])('%o', (changes, problem) => {
      expect(problemsOf(() => decodeEventEnvelope(withHeaders(good, changes)))).toEqual([problem]);
    });

    it('an actor with an unknown role', () => {
      const message = withHeaders(good, { ce_actor: '{"userId":"u","role":"ROOT"}' });
      expect(problemsOf(() => decodeEventEnvelope(message))[0]).toMatch(/^header ce_actor is not an actor/);
    });

    it('a value that is not JSON, or empty', () => {
      expect(problemsOf(() => decodeEventEnvelope({ ...good, value: Buffer.from('{oops') }))[0]).toMatch(
        /^the value is not JSON/,
      );
      expect(problemsOf(() => decodeEventEnvelope({ ...good, value: Buffer.alloc(0) }))).toEqual([
        'the value is empty (expected JSON)',
      ]);
    });

    it('all problems at once, with where the message came from', () => {
      const incoming: IncomingMessage = {
        ...withHeaders(good, { ce_id: undefined, ce_streamposition: 'x' }),
        topic: 'tminus.checklists.events',
        partition: 3,
        offset: '17',
      };
      let caught: unknown;
      try {
        decodeEventEnvelope(incoming);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(MalformedMessageError);
      expect((caught as MalformedMessageError).location).toEqual({
        topic: 'tminus.checklists.events',
        partition: 3,
        offset: '17',
      });
      expect((caught as Error).message).toBe(
        'Malformed message at tminus.checklists.events[3]@17: header ce_id is missing; ' +
          'header ce_streamposition "x" is not an integer >= 0',
      );
    });
  });
});

describe('command envelope serde', () => {
  it('writes the command id as ce_id, its type as ce_type, the aggregate as subject and key', () => {
    const message = encodeCommandEnvelope(command, { source: 'tminus.gateway' });
    expect(message.key).toBe('checklist-42');
    expect(message.headers).toMatchObject({
      ce_specversion: '1.0',
      ce_id: 'cmd-9',
      ce_type: 'TickItem',
      ce_source: 'tminus.gateway',
      ce_subject: 'checklist-42',
      ce_time: '2030-05-01T09:59:59.000Z',
      ce_correlationid: 'corr-9',
      'content-type': 'application/json',
    });
    expect(JSON.parse(message.value.toString('utf8'))).toEqual({ itemId: 'item-1' });
  });

  it('round-trips every field', () => {
    expect(decodeCommandEnvelope(encodeCommandEnvelope(command))).toEqual(command);
  });

  it("carries the sender's trace context, and drops a malformed one", () => {
    const traced = { ...command, traceparent: TRACEPARENT };
    expect(decodeCommandEnvelope(encodeCommandEnvelope(traced))).toEqual(traced);
    const bad = withHeaders(encodeCommandEnvelope(command), { ce_traceparent: '01-zz' });
    expect(decodeCommandEnvelope(bad)).toEqual(command);
  });

  it('requires an actor', () => {
    const message = withHeaders(encodeCommandEnvelope(command), { ce_actor: undefined });
    expect(problemsOf(() => decodeCommandEnvelope(message))).toEqual(['header ce_actor is missing']);
  });

  it('rejects an event header set that lacks what a command needs', () => {
    const message = withHeaders(encodeEventEnvelope(event), { ce_actor: undefined });
    expect(problemsOf(() => decodeCommandEnvelope(message))).toEqual(['header ce_actor is missing']);
  });
});
