// Event builders with sensible defaults, for the read-model specs.
import {
  checklistIdFor,
  type ChecklistEvent,
  type ChecklistItemSnapshot,
  type GoDecision,
  type LaunchEvent,
  type Severity,
  type TeamEvent,
  type TeamFunction,
} from '@tminus/contracts';

export const LAUNCH_ID = 'launch-1';
export const LAUNCH_KEY = 'checkout-v2';
export const TARGET_DATE = '2026-03-01T09:00:00.000Z';
export const QA_ID = 'team-qa';
export const SEC_ID = 'team-sec';
export const QA_CHECKLIST = checklistIdFor(LAUNCH_ID, QA_ID);

export const item = (
  itemId: string,
  overrides: Partial<ChecklistItemSnapshot> = {},
): ChecklistItemSnapshot => ({
  itemId,
  title: `Title of ${itemId}`,
  description: null,
  required: true,
  dueDate: null,
  dueDaysBeforeLaunch: null,
  ...overrides,
});

export const launchEvents = {
  created: (launchId = LAUNCH_ID, key = LAUNCH_KEY): LaunchEvent => ({
    type: 'LaunchCreated',
    data: {
      launchId,
      key,
      name: 'Checkout v2',
      targetDate: TARGET_DATE,
      description: null,
      ownerUserId: 'max',
    },
  }),
  teamRequired: (teamId: string, launchId = LAUNCH_ID): LaunchEvent => ({
    type: 'TeamRequired',
    data: { launchId, teamId, targetDate: TARGET_DATE, signOffsRequired: 1 },
  }),
  teamReleased: (teamId: string, launchId = LAUNCH_ID): LaunchEvent => ({
    type: 'TeamReleased',
    data: { launchId, teamId },
  }),
  goNoGo: (decision: GoDecision, notes: string | null = null): LaunchEvent => ({
    type: 'GoNoGoRecorded',
    data: { launchId: LAUNCH_ID, decision, notes, by: 'max', at: '2026-02-28T10:00:00.000Z' },
  }),
  wentLive: (): LaunchEvent => ({
    type: 'LaunchWentLive',
    data: {
      launchId: LAUNCH_ID,
      at: '2026-03-01T09:00:00.000Z',
      hypercareDays: 14,
      hypercareEndsAt: '2026-03-15T09:00:00.000Z',
      quietPeriodHours: 0,
    },
  }),
  incidentReported: (incidentId: string, severity: Severity): LaunchEvent => ({
    type: 'IncidentReported',
    data: {
      launchId: LAUNCH_ID,
      incidentId,
      severity,
      title: `Outage ${incidentId}`,
      by: 'sam',
      at: '2026-03-02T00:00:00.000Z',
      source: null,
      externalId: null,
      url: null,
    },
  }),
  incidentResolved: (incidentId: string): LaunchEvent => ({
    type: 'IncidentResolved',
    data: {
      launchId: LAUNCH_ID,
      incidentId,
      resolution: 'rolled back',
      by: 'sam',
      at: '2026-03-02T01:00:00.000Z',
    },
  }),
  cancelled: (): LaunchEvent => ({
    type: 'LaunchCancelled',
    data: { launchId: LAUNCH_ID, reason: 'market changed', at: '2026-02-01T00:00:00.000Z' },
  }),
  closed: (): LaunchEvent => ({
    type: 'LaunchClosed',
    data: { launchId: LAUNCH_ID, at: '2026-03-20T00:00:00.000Z' },
  }),
  gatePolicySet: (
    environment: string,
    policy: { requireReady: boolean; minReadinessPercent: number; requireGoDecision: boolean },
  ): LaunchEvent => ({ type: 'GatePolicySet', data: { launchId: LAUNCH_ID, environment, ...policy } }),
};

export const checklistEvents = {
  opened: (
    checklistId: string,
    teamId: string,
    items: ChecklistItemSnapshot[],
    signOffsRequired = 1,
  ): ChecklistEvent => ({
    type: 'ChecklistOpened',
    data: {
      checklistId,
      launchId: LAUNCH_ID,
      teamId,
      teamFunction: 'QA',
      templateId: 'template-qa',
      templateVersion: 1,
      targetDate: TARGET_DATE,
      items,
      signOffsRequired,
    },
  }),
  ticked: (checklistId: string, itemId: string, evidenceUrl: string | null = null): ChecklistEvent => ({
    type: 'ChecklistItemTicked',
    data: { checklistId, itemId, by: 'quinn', at: '2026-02-01T00:00:00.000Z', evidenceUrl },
  }),
  unticked: (checklistId: string, itemId: string): ChecklistEvent => ({
    type: 'ChecklistItemUnticked',
    data: { checklistId, itemId, by: 'quinn' },
  }),
  waived: (checklistId: string, itemId: string, expiresAt: string | null = null): ChecklistEvent => ({
    type: 'ChecklistItemWaived',
    data: {
      checklistId,
      itemId,
      reason: 'covered by canary',
      requestedBy: 'quinn',
      approvedBy: 'max',
      expiresAt,
    },
  }),
  waiverRequested: (
    checklistId: string,
    itemId: string,
    expiresAt: string | null = null,
  ): ChecklistEvent => ({
    type: 'ChecklistItemWaiverRequested',
    data: { checklistId, itemId, reason: 'covered by canary', requestedBy: 'quinn', expiresAt },
  }),
  waiverRejected: (checklistId: string, itemId: string): ChecklistEvent => ({
    type: 'ChecklistItemWaiverRejected',
    data: { checklistId, itemId, reason: 'not covered', by: 'max' },
  }),
  waiverExpired: (checklistId: string, itemId: string, expiredAt: string): ChecklistEvent => ({
    type: 'ChecklistItemWaiverExpired',
    data: { checklistId, itemId, expiredAt },
  }),
  blocked: (checklistId: string, itemId: string, reason = 'flaky env'): ChecklistEvent => ({
    type: 'ChecklistItemBlocked',
    data: { checklistId, itemId, reason, by: 'quinn' },
  }),
  signedOff: (checklistId: string, by = 'lead'): ChecklistEvent => ({
    type: 'ChecklistSignedOff',
    data: { checklistId, by, at: '2026-02-10T00:00:00.000Z' },
  }),
  closed: (checklistId: string): ChecklistEvent => ({
    type: 'ChecklistClosed',
    data: { checklistId, reason: 'TEAM_RELEASED' },
  }),
};

export const teamEvents = {
  created: (teamId: string, key: string, name: string, teamFunction: TeamFunction = 'QA'): TeamEvent => ({
    type: 'TeamCreated',
    data: { teamId, key, name, function: teamFunction },
  }),
};
