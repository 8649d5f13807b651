import type { Blocker } from '../../read-model/domain';
import { detectNotifications, type DetectionInput, type LaunchFacts } from './detect-notifications';
import type { NotifiedLaunchState } from './launch-state';

const blocker = (code: Blocker['code'], itemId: string | null, message = `${code} ${itemId}`): Blocker => ({
  code,
  teamId: 'team-1',
  teamKey: 'qa',
  itemId,
  itemTitle: itemId,
  message,
});

const facts = (
  overrides: Partial<LaunchFacts['readiness']> & {
    status?: LaunchFacts['launch']['status'];
    support?: LaunchFacts['support'];
  } = {},
): LaunchFacts => ({
  launch: { id: 'launch-1', key: 'checkout-v2', name: 'Checkout v2', status: overrides.status ?? 'PLANNING' },
  readiness: {
    ready: overrides.ready ?? false,
    percent: overrides.percent ?? 50,
    blockers: overrides.blockers ?? [blocker('OPEN_REQUIRED_ITEM', 'item-1')],
  },
  support: overrides.support ?? 'GREEN',
});

const stateOf = (input: LaunchFacts): NotifiedLaunchState =>
  detectNotifications({ envelope: tick, before: null, after: input }).state;

const tick: DetectionInput['envelope'] = {
  type: 'ChecklistItemTicked',
  data: { checklistId: 'c-1', itemId: 'item-1' },
  occurredAt: '2026-03-01T10:00:00.000Z',
};

const events = (input: DetectionInput) => detectNotifications(input).notifications.map((n) => n.event);

describe('detectNotifications', () => {
  it('given a launch seen for the first time, when any event, then no state change is announced', () => {
    expect(events({ envelope: tick, before: null, after: facts() })).toEqual([]);
  });

  it('given not ready, when the last blocker goes, then READINESS_CHANGED with ready true and what changed', () => {
    const before = stateOf(facts());
    const detection = detectNotifications({
      envelope: tick,
      before,
      after: facts({ ready: true, percent: 100, blockers: [] }),
    });
    expect(detection.notifications).toEqual([
      expect.objectContaining({
        event: 'READINESS_CHANGED',
        launchKey: 'checkout-v2',
        summary: 'checkout-v2 is ready (100%)',
        readiness: { ready: true, percent: 100, blockerCount: 0, blockers: [] },
        change: {
          readyBefore: false,
          ready: true,
          blockersAdded: [],
          blockersRemoved: ['OPEN_REQUIRED_ITEM:team-1:item-1'],
        },
      }),
    ]);
    expect(detection.state).toMatchObject({ ready: true, blockerKeys: [] });
  });

  it('given not ready, when the set of blockers changes but readiness does not, then READINESS_CHANGED', () => {
    const before = stateOf(facts());
    const after = facts({
      blockers: [blocker('OPEN_REQUIRED_ITEM', 'item-1'), blocker('BLOCKED_ITEM', 'item-2')],
    });
    expect(events({ envelope: tick, before, after })).toEqual(['READINESS_CHANGED']);
  });

  it('given the same blockers reworded or reordered, when an event, then nothing', () => {
    const two = [blocker('OPEN_REQUIRED_ITEM', 'item-1'), blocker('BLOCKED_ITEM', 'item-2')];
    const before = stateOf(facts({ blockers: two }));
    const after = facts({ blockers: [blocker('BLOCKED_ITEM', 'item-2', 'other words'), two[0]] });
    expect(events({ envelope: tick, before, after })).toEqual([]);
  });

  it('given a status and support status, when they change, then LAUNCH_STATUS_CHANGED and SUPPORT_STATUS_CHANGED', () => {
    const before = stateOf(facts({ status: 'GO' }));
    const after = facts({ status: 'HYPERCARE', support: 'RED' });
    const detection = detectNotifications({ envelope: tick, before, after });
    expect(detection.notifications.map((n) => [n.event, n.change])).toEqual([
      ['LAUNCH_STATUS_CHANGED', { from: 'GO', to: 'HYPERCARE' }],
      ['SUPPORT_STATUS_CHANGED', { from: 'GREEN', to: 'RED' }],
    ]);
  });

  it('when a go/no-go is recorded, then DECISION_RECORDED with the decision', () => {
    const before = stateOf(facts());
    const detection = detectNotifications({
      envelope: {
        type: 'GoNoGoRecorded',
        data: { launchId: 'launch-1', decision: 'NO_GO', notes: 'flaky', by: 'max', at: '' },
        occurredAt: tick.occurredAt,
      },
      before,
      after: facts(),
    });
    expect(detection.notifications).toEqual([
      expect.objectContaining({
        event: 'DECISION_RECORDED',
        change: { decision: 'NO_GO', notes: 'flaky', by: 'max' },
      }),
    ]);
  });

  it.each([
    [
      'ChecklistItemWaiverRequested',
      { itemId: 'item-1', reason: 'later', requestedBy: 'ana', expiresAt: null },
      'WAIVER_REQUESTED',
    ],
    [
      'ChecklistItemWaiverExpired',
      { itemId: 'item-1', expiredAt: '2026-03-01T00:00:00.000Z' },
      'WAIVER_EXPIRED',
    ],
    [
      'IncidentReported',
      { incidentId: 'i-1', severity: 'SEV2', title: 'Checkout down', by: 'sam' },
      'INCIDENT_REPORTED',
    ],
  ])('when %s, then %s naming the item or incident', (type, data, expected) => {
    const before = stateOf(facts());
    const detection = detectNotifications({
      envelope: { type, data, occurredAt: tick.occurredAt },
      before,
      after: facts(),
      item: { id: 'item-1', title: 'Regression suite' },
    });
    expect(detection.notifications.map((n) => n.event)).toEqual([expected]);
    expect(detection.notifications[0].occurredAt).toBe(tick.occurredAt);
  });

  it('given the event was told already (same state stored), when it is applied again, then only the event-borne notification repeats', () => {
    const after = facts({ ready: true, blockers: [] });
    const first = detectNotifications({ envelope: tick, before: stateOf(facts()), after });
    expect(first.notifications).toHaveLength(1);
    expect(detectNotifications({ envelope: tick, before: first.state, after }).notifications).toEqual([]);
  });
});
