import type { EventEnvelope } from '@tminus/contracts';
import { replayEvents } from '../projection/read-model-state';
import { envelopeFactory, type AnyEvent } from '../testing/envelope-factory';
import {
  checklistEvents as C,
  item,
  LAUNCH_ID,
  launchEvents as L,
  QA_CHECKLIST,
  QA_ID,
  teamEvents,
} from '../testing/events';
import { newestFirst, toHistoryEntry } from './history-entry';
import { historyLabelsFrom } from './history-labels';

const envelope = envelopeFactory();
const state = replayEvents([
  envelope(QA_ID, teamEvents.created(QA_ID, 'qa', 'QA')),
  envelope(LAUNCH_ID, L.created()),
  envelope(LAUNCH_ID, L.incidentReported('inc-1', 'SEV2')),
  envelope(QA_CHECKLIST, C.opened(QA_CHECKLIST, QA_ID, [item('i-1', { title: 'Regression suite green' })])),
]);
const labels = historyLabelsFrom(state);
const summary = (event: AnyEvent): string => toHistoryEntry(envelope('stream', event), labels).summary;
const withoutLabels = (event: AnyEvent): string => toHistoryEntry(envelope('stream', event)).summary;
const checklist = { checklistId: QA_CHECKLIST };

describe('toHistoryEntry', () => {
  it('maps the envelope fields', () => {
    const source: EventEnvelope = envelope(LAUNCH_ID, L.closed(), {
      at: '2026-03-20T00:00:00.000Z',
      actor: { userId: 'max', role: 'LAUNCH_MANAGER' },
    });
    expect(toHistoryEntry(source)).toEqual({
      id: source.id,
      type: 'LaunchClosed',
      at: '2026-03-20T00:00:00.000Z',
      actor: { userId: 'max', role: 'LAUNCH_MANAGER' },
      streamId: LAUNCH_ID,
      summary: 'Launch closed',
    });
    expect(toHistoryEntry({ ...source, actor: undefined }).actor).toBeNull();
  });

  it.each<[string, AnyEvent, string]>([
    [
      'LaunchCreated',
      L.created(),
      "Launch 'Checkout v2' (checkout-v2) created, target 2026-03-01T09:00:00.000Z",
    ],
    [
      'LaunchRescheduled',
      { type: 'LaunchRescheduled', data: { launchId: LAUNCH_ID, targetDate: 'B', previousTargetDate: 'A' } },
      'Rescheduled from A to B',
    ],
    [
      'LaunchEdited',
      {
        type: 'LaunchEdited',
        data: { launchId: LAUNCH_ID, name: 'New', description: null, ownerUserId: null },
      },
      "Details edited (name 'New')",
    ],
    ['TeamRequired', L.teamRequired(QA_ID), 'QA required'],
    ['TeamReleased', L.teamReleased(QA_ID), 'QA released'],
    ['GoNoGoRecorded', L.goNoGo('NO_GO', 'pen test open'), 'NO_GO decision recorded by max: pen test open'],
    ['LaunchWentLive', L.wentLive(), 'Went live; hypercare for 14 days, until 2026-03-15T09:00:00.000Z'],
    [
      'HypercareExtended',
      {
        type: 'HypercareExtended',
        data: { launchId: LAUNCH_ID, days: 7, hypercareEndsAt: 'X', quietPeriodHours: null },
      },
      'Hypercare extended by 7 days, until X',
    ],
    ['IncidentReported', L.incidentReported('inc-2', 'SEV1'), 'SEV1 incident reported by sam: Outage inc-2'],
    ['IncidentResolved', L.incidentResolved('inc-1'), "incident 'Outage inc-1' resolved by sam: rolled back"],
    [
      'IncidentReported',
      {
        type: 'IncidentReported',
        data: {
          ...(L.incidentReported('inc-3', 'SEV2').data as object),
          by: 'integration:pagerduty',
          source: 'PAGERDUTY',
          externalId: 'Q1',
          url: null,
        },
      } as AnyEvent,
      'SEV2 incident reported by integration:pagerduty from PAGERDUTY (Q1): Outage inc-3',
    ],
    [
      'IncidentAcknowledged',
      {
        type: 'IncidentAcknowledged',
        data: { launchId: LAUNCH_ID, incidentId: 'inc-1', by: 'sam', at: 'T' },
      },
      "incident 'Outage inc-1' acknowledged by sam",
    ],
    [
      'IncidentSeverityChanged',
      {
        type: 'IncidentSeverityChanged',
        data: {
          launchId: LAUNCH_ID,
          incidentId: 'inc-1',
          severity: 'SEV1',
          previousSeverity: 'SEV2',
          by: 'sam',
          at: 'T',
        },
      },
      "incident 'Outage inc-1' changed from SEV2 to SEV1 by sam",
    ],
    [
      'HypercareOverrun',
      {
        type: 'HypercareOverrun',
        data: {
          launchId: LAUNCH_ID,
          hypercareEndsAt: 'E',
          code: 'LAUNCH.NOT_QUIET',
          reason: 'quiet until F',
          at: 'T',
        },
      },
      'Hypercare ended but the launch stays open (LAUNCH.NOT_QUIET): quiet until F',
    ],
    ['LaunchCancelled', L.cancelled(), 'Launch cancelled: market changed'],
    [
      'GatePolicySet',
      L.gatePolicySet('staging', { requireReady: false, minReadinessPercent: 80, requireGoDecision: true }),
      'Gate policy for staging: ready not required, at least 80% ready, GO decision required',
    ],
    [
      'GateEvaluated',
      {
        type: 'GateEvaluated',
        data: {
          launchId: LAUNCH_ID,
          environment: 'production',
          decision: 'DENIED',
          reasons: ['NOT_SIGNED_OFF'],
          position: '9',
          evaluatedAt: 'T',
          evaluatedBy: 'ci-bot',
        },
      },
      'Gate for production DENIED (NOT_SIGNED_OFF), asked by ci-bot',
    ],
    [
      'ChecklistOpened',
      C.opened(QA_CHECKLIST, QA_ID, [item('a'), item('b')]),
      'Checklist of QA opened with 2 items',
    ],
    [
      'ChecklistReopened',
      { type: 'ChecklistReopened', data: { ...checklist, targetDate: 'T' } },
      'Checklist of QA reopened',
    ],
    [
      'ChecklistDueDatesMoved',
      { type: 'ChecklistDueDatesMoved', data: { ...checklist, targetDate: 'T', items: [] } },
      'QA: due dates moved for the target date T',
    ],
    ['ChecklistClosed', C.closed(QA_CHECKLIST), 'Checklist of QA closed (team released)'],
    [
      'ChecklistItemAdded',
      {
        type: 'ChecklistItemAdded',
        data: { ...checklist, ...item('i-9', { title: 'Docs', required: false }) },
      },
      "QA: 'Docs' added (optional)",
    ],
    [
      'ChecklistItemOwnerAssigned',
      { type: 'ChecklistItemOwnerAssigned', data: { ...checklist, itemId: 'i-1', ownerUserId: 'olga' } },
      "QA: 'Regression suite green' assigned to olga",
    ],
    [
      'ChecklistItemTicked',
      C.ticked(QA_CHECKLIST, 'i-1', 'https://ci/1'),
      "QA: 'Regression suite green' done by quinn (evidence: https://ci/1)",
    ],
    [
      'ChecklistItemUnticked',
      C.unticked(QA_CHECKLIST, 'i-1'),
      "QA: 'Regression suite green' unticked by quinn",
    ],
    [
      'ChecklistItemWaived',
      C.waived(QA_CHECKLIST, 'i-1', 'E'),
      "QA: 'Regression suite green' waived until E, requested by quinn, approved by max: covered by canary",
    ],
    [
      'ChecklistItemWaiverRevoked',
      { type: 'ChecklistItemWaiverRevoked', data: { ...checklist, itemId: 'i-1', by: 'max' } },
      "QA: waiver of 'Regression suite green' revoked by max",
    ],
    [
      'ChecklistItemWaiverExpired',
      { type: 'ChecklistItemWaiverExpired', data: { ...checklist, itemId: 'i-1', expiredAt: 'E' } },
      "QA: waiver of 'Regression suite green' expired",
    ],
    [
      'ChecklistItemEvidenceUpdated',
      {
        type: 'ChecklistItemEvidenceUpdated',
        data: { ...checklist, itemId: 'i-1', evidenceUrl: 'https://ci/2', by: 'quinn', at: 'E' },
      },
      "QA: evidence of 'Regression suite green' updated by quinn: https://ci/2",
    ],
    [
      'ChecklistItemWaiverRequested',
      C.waiverRequested(QA_CHECKLIST, 'i-1'),
      "QA: waiver of 'Regression suite green' requested by quinn: covered by canary",
    ],
    [
      'ChecklistItemWaiverRejected',
      C.waiverRejected(QA_CHECKLIST, 'i-1'),
      "QA: waiver of 'Regression suite green' rejected by max: not covered",
    ],
    [
      'ChecklistItemBlocked',
      C.blocked(QA_CHECKLIST, 'i-1'),
      "QA: 'Regression suite green' blocked by quinn: flaky env",
    ],
    [
      'ChecklistItemUnblocked',
      { type: 'ChecklistItemUnblocked', data: { ...checklist, itemId: 'i-1', by: 'quinn' } },
      "QA: 'Regression suite green' unblocked by quinn",
    ],
    ['ChecklistSignedOff', C.signedOff(QA_CHECKLIST), 'QA signed off by lead'],
    [
      'ChecklistSignOffWithdrawn',
      {
        type: 'ChecklistSignOffWithdrawn',
        data: { ...checklist, reason: 'REQUIRED_ITEM_UNTICKED', itemId: 'i-1' },
      },
      "QA: sign-off withdrawn, a required item was unticked ('Regression suite green')",
    ],
    ['TeamCreated', teamEvents.created(QA_ID, 'qa', 'QA'), "Team 'QA' (qa) created for QA"],
    [
      'TeamRenamed',
      { type: 'TeamRenamed', data: { teamId: QA_ID, name: 'Quality' } },
      "Team renamed to 'Quality'",
    ],
    [
      'TeamMemberAdded',
      { type: 'TeamMemberAdded', data: { teamId: QA_ID, userId: 'lena', role: 'LEAD' } },
      'lena joined as LEAD',
    ],
    [
      'TeamMemberRoleChanged',
      { type: 'TeamMemberRoleChanged', data: { teamId: QA_ID, userId: 'lena', role: 'MEMBER' } },
      'lena is now MEMBER',
    ],
    [
      'TeamMemberRemoved',
      { type: 'TeamMemberRemoved', data: { teamId: QA_ID, userId: 'lena' } },
      'lena left the team',
    ],
    [
      'ChecklistTemplateRevised',
      {
        type: 'ChecklistTemplateRevised',
        data: {
          templateId: 't',
          function: 'QA',
          name: 'QA basics',
          version: 2,
          items: [{ title: 'x', required: true }],
        },
      },
      "Template 'QA basics' for QA revised (version 2, 1 item)",
    ],
  ])('summarises %s', (_type, event, expected) => {
    expect(summary(event)).toBe(expected);
  });

  it('falls back to ids without labels', () => {
    expect(withoutLabels(L.teamRequired(QA_ID))).toBe('team team-qa required');
    expect(withoutLabels(C.ticked(QA_CHECKLIST, 'i-1'))).toBe(
      `checklist ${QA_CHECKLIST}: item i-1 done by quinn`,
    );
    expect(withoutLabels(L.incidentResolved('inc-1'))).toBe('incident inc-1 resolved by sam: rolled back');
  });

  it('reads unknown types and markers as words', () => {
    expect(withoutLabels({ type: 'CommandRejected', data: {} })).toBe('Command rejected');
  });
});

describe('newestFirst', () => {
  it('orders by time, then by stream position within a stream', () => {
    const stream = envelopeFactory();
    const a = stream('s', L.created(), { at: '2026-01-01T00:00:01.000Z' });
    const b = stream('s', L.teamRequired(QA_ID), { at: '2026-01-01T00:00:02.000Z' });
    const c = stream('s', L.teamRequired('team-sec'), { at: '2026-01-01T00:00:02.000Z' });
    expect([a, b, c].sort(newestFirst).map(({ streamPosition }) => streamPosition)).toEqual([3, 2, 1]);
  });
});
