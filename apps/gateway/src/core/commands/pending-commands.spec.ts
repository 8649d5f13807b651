import { COMMAND_ACCEPTED, COMMAND_REJECTED, type EventEnvelope } from '@tminus/contracts';
import type { ProjectedEnvelope } from '../read-model/projector/project-envelope';
import { PendingCommands } from './pending-commands';

const envelope = (overrides: Partial<EventEnvelope>): EventEnvelope => ({
  id: 'e1',
  type: 'ChecklistItemTicked',
  schemaVersion: 1,
  source: 'tminus.checklists',
  streamId: 'checklist-1',
  streamPosition: 3,
  occurredAt: '2026-01-01T00:00:00.000Z',
  correlationId: 'c1',
  causationId: 'cmd-1',
  data: {},
  ...overrides,
});

const projected = (overrides: Partial<EventEnvelope>, applied = true): ProjectedEnvelope => ({
  envelope: envelope(overrides),
  applied,
  launchId: null,
  kind: 'checklist',
});

describe('PendingCommands', () => {
  it('settles when the last event of the command is projected, not before', async () => {
    const pending = new PendingCommands();
    const { outcome } = pending.expect('cmd-1', 1_000);
    let settled = false;
    void outcome.then(() => (settled = true));
    pending.observe(projected({ commandId: 'cmd-1', lastOfCommand: false }));
    await Promise.resolve();
    expect(settled).toBe(false);
    pending.observe(projected({ id: 'e2', commandId: 'cmd-1', lastOfCommand: true, streamPosition: 4 }));
    await expect(outcome).resolves.toMatchObject({
      kind: 'applied',
      commandId: 'cmd-1',
      lastEvent: { id: 'e2' },
    });
    expect(pending.size).toBe(0);
  });

  it('settles on an event another instance applied first (seen as a duplicate here)', async () => {
    const pending = new PendingCommands();
    const { outcome } = pending.expect('cmd-1', 1_000);
    pending.observe(projected({ commandId: 'cmd-1', lastOfCommand: true }, false));
    await expect(outcome).resolves.toMatchObject({ kind: 'applied' });
  });

  it('reports a rejection with its code and an accepted no-op', async () => {
    const pending = new PendingCommands();
    const rejected = pending.expect('cmd-1', 1_000).outcome;
    const accepted = pending.expect('cmd-2', 1_000).outcome;
    pending.observe(
      projected({
        type: COMMAND_REJECTED,
        streamPosition: 0,
        data: {
          commandId: 'cmd-1',
          commandType: 'TickItem',
          aggregateId: 'c',
          code: 'CHECKLIST.ITEM_BLOCKED',
          message: 'blocked',
        },
      }),
    );
    pending.observe(projected({ type: COMMAND_ACCEPTED, streamPosition: 0, data: { commandId: 'cmd-2' } }));
    await expect(rejected).resolves.toEqual({
      kind: 'rejected',
      commandId: 'cmd-1',
      code: 'CHECKLIST.ITEM_BLOCKED',
      message: 'blocked',
    });
    await expect(accepted).resolves.toEqual({ kind: 'accepted', commandId: 'cmd-2' });
  });

  it('fails with COMMAND_TIMEOUT and the command id when nothing arrives in time', async () => {
    const pending = new PendingCommands();
    const { outcome } = pending.expect('cmd-9', 20);
    await expect(outcome).rejects.toMatchObject({ code: 'COMMAND_TIMEOUT', commandId: 'cmd-9' });
    expect(pending.size).toBe(0);
  });

  it('ignores outcomes nobody waits for, and stops waiting when cancelled', () => {
    const pending = new PendingCommands();
    expect(() => pending.observe(projected({ commandId: 'other', lastOfCommand: true }))).not.toThrow();
    pending.expect('cmd-1', 1_000).cancel();
    expect(pending.size).toBe(0);
  });

  it('watches for a follow-up event and gives up quietly after the time', async () => {
    const pending = new PendingCommands();
    const seen = pending.watch(({ envelope: e }) => e.type === 'ChecklistOpened', 1_000).seen;
    const missed = pending.watch(({ envelope: e }) => e.type === 'Never', 20).seen;
    pending.observe(projected({ type: 'ChecklistOpened' }));
    await expect(seen).resolves.toBe(true);
    await expect(missed).resolves.toBe(false);
  });
});
