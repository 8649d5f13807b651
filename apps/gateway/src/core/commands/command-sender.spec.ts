import { COMMAND_REJECTED, type EventEnvelope } from '@tminus/contracts';
import { decodeCommandEnvelope, type OutgoingMessage } from '@tminus/messaging';
import pino from 'pino';
import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';
import { CommandSender } from './command-sender';
import { PendingCommands } from './pending-commands';

const ACTOR = { userId: 'alice', role: 'TEAM_MEMBER' } as const;
const TICK = { type: 'TickItem', data: { checklistId: 'checklist-1', itemId: 'item-1' } };

/** A projector stand-in: `answer` produces what the service would publish for the command. */
function setup(
  answer: (commandId: string) => Partial<EventEnvelope> | null,
  publish: 'works' | 'fails' | 'stalls' = 'works',
) {
  const pending = new PendingCommands();
  const published: { topic: string; message: OutgoingMessage }[] = [];
  const bus = {
    publish: async (topic: string, messages: readonly OutgoingMessage[]) => {
      if (publish === 'fails') throw new Error('broker down');
      // kafkajs keeps retrying while the broker is away: the publish neither resolves nor rejects.
      if (publish === 'stalls') return new Promise<void>(() => undefined);
      published.push({ topic, message: messages[0] });
      const commandId = decodeCommandEnvelope(messages[0]).commandId;
      const reply = answer(commandId);
      // Delivered before publish returns: the waiter must already be registered.
      if (reply)
        pending.observe({
          envelope: { ...reply } as EventEnvelope,
          applied: true,
          launchId: null,
          kind: null,
        } as ProjectedEnvelope);
    },
  };
  const sender = new CommandSender({
    bus,
    pending,
    timeoutMs: 200,
    logger: pino({ level: 'silent' }),
    clock: () => new Date('2026-05-01T10:00:00.000Z'),
  });
  return { sender, published, pending };
}

describe('CommandSender', () => {
  it('publishes a CloudEvents command keyed by the aggregate to the service topic and waits for its last event', async () => {
    const { sender, published } = setup((commandId) => ({
      type: 'ChecklistItemTicked',
      commandId,
      lastOfCommand: true,
    }));
    const outcome = await sender.send(
      { service: 'checklists', aggregateId: 'checklist-1', command: TICK },
      { actor: ACTOR },
    );
    expect(outcome.kind).toBe('applied');
    expect(published).toHaveLength(1);
    expect(published[0].topic).toBe('tminus.checklists.commands');
    expect(published[0].message.key).toBe('checklist-1');
    const command = decodeCommandEnvelope(published[0].message);
    expect(command).toMatchObject({
      type: 'TickItem',
      aggregateId: 'checklist-1',
      actor: ACTOR,
      correlationId: command.commandId,
      issuedAt: '2026-05-01T10:00:00.000Z',
      payload: TICK.data,
    });
  });

  it('turns a rejection into an error with the rejection code and the command id', async () => {
    const { sender } = setup((commandId) => ({
      type: COMMAND_REJECTED,
      commandId,
      data: { commandId, code: 'CHECKLIST.ITEM_ALREADY_DONE', message: 'Item is done already' },
    }));
    await expect(
      sender.send({ service: 'checklists', aggregateId: 'checklist-1', command: TICK }, { actor: ACTOR }),
    ).rejects.toMatchObject({
      code: 'CHECKLIST.ITEM_ALREADY_DONE',
      message: 'Item is done already',
      commandId: expect.any(String),
    });
  });

  it('times out with COMMAND_TIMEOUT when no outcome arrives', async () => {
    const { sender, pending } = setup(() => null);
    await expect(
      sender.send({ service: 'checklists', aggregateId: 'checklist-1', command: TICK }, { actor: ACTOR }),
    ).rejects.toMatchObject({ code: 'COMMAND_TIMEOUT' });
    expect(pending.size).toBe(0);
  });

  it('stops waiting when the publish fails', async () => {
    const { sender, pending } = setup(() => null, 'fails');
    await expect(
      sender.send({ service: 'checklists', aggregateId: 'checklist-1', command: TICK }, { actor: ACTOR }),
    ).rejects.toThrow('broker down');
    expect(pending.size).toBe(0);
  });

  it('answers COMMAND_TIMEOUT with the command id when the publish stalls, leaving no unhandled rejection', async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const { sender, pending } = setup(() => null, 'stalls');
      await expect(
        sender.send({ service: 'checklists', aggregateId: 'checklist-1', command: TICK }, { actor: ACTOR }),
      ).rejects.toMatchObject({ code: 'COMMAND_TIMEOUT', commandId: expect.any(String) });
      expect(pending.size).toBe(0);
      // Unhandled rejections are reported after the microtask queue drains: let one macrotask pass.
      await new Promise((resolve) => setImmediate(resolve));
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', record);
    }
  });
});
