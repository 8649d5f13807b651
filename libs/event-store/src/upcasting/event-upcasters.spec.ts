import type { EventEnvelope } from '@tminus/contracts';
import { eventUpcasters, upcastEnvelope } from './event-upcasters';

describe('the upcasters of tminus events', () => {
  const upcasters = eventUpcasters();

  it('reads a v1 ChecklistItemWaived as an approved waiver its approver asked for', () => {
    const v1 = { checklistId: 'c', itemId: 'i', reason: 'r', approvedBy: 'alice', expiresAt: null };

    expect(upcasters.upcast('ChecklistItemWaived', 1, v1)).toEqual({
      schemaVersion: 2,
      data: { ...v1, requestedBy: 'alice' },
    });
  });

  it('leaves a current ChecklistItemWaived as it is', () => {
    const v2 = {
      checklistId: 'c',
      itemId: 'i',
      reason: 'r',
      requestedBy: 'mia',
      approvedBy: 'max',
      expiresAt: null,
    };

    expect(upcasters.upcast('ChecklistItemWaived', 2, v2)).toEqual({ schemaVersion: 2, data: v2 });
  });

  it('lifts an envelope received or replayed at an old version', () => {
    const envelope = {
      type: 'ChecklistItemWaived',
      schemaVersion: 1,
      data: { itemId: 'i', approvedBy: 'alice' },
    } as unknown as EventEnvelope;

    expect(upcastEnvelope(envelope)).toMatchObject({
      schemaVersion: 2,
      data: { itemId: 'i', approvedBy: 'alice', requestedBy: 'alice' },
    });
  });

  it('reads a v1 LaunchWentLive as a launch with no quiet period', () => {
    const v1 = { launchId: 'l', at: 'a', hypercareDays: 14, hypercareEndsAt: 'e' };

    expect(upcasters.upcast('LaunchWentLive', 1, v1)).toEqual({
      schemaVersion: 2,
      data: { ...v1, quietPeriodHours: 0 },
    });
  });

  it('reads a v1 HypercareExtended as an extension that keeps the quiet period', () => {
    const v1 = { launchId: 'l', days: 7, hypercareEndsAt: 'e' };

    expect(upcasters.upcast('HypercareExtended', 1, v1)).toEqual({
      schemaVersion: 2,
      data: { ...v1, quietPeriodHours: null },
    });
  });

  it('reads a v1 IncidentReported as an incident reported by hand', () => {
    const v1 = { launchId: 'l', incidentId: 'i', severity: 'SEV2', title: 't', by: 'sam', at: 'a' };

    expect(upcasters.upcast('IncidentReported', 1, v1)).toEqual({
      schemaVersion: 2,
      data: { ...v1, source: null, externalId: null, url: null },
    });
  });
});
