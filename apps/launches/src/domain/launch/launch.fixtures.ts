import type {
  DecideContext,
  GoDecision,
  GoNoGoRecorded,
  IncidentReported,
  IncidentResolved,
  LaunchCancelled,
  LaunchClosed,
  LaunchCommand,
  LaunchCreated,
  LaunchEvent,
  LaunchWentLive,
  Severity,
  TeamRequired,
} from '@tminus/contracts';

/** Shared givens for the launch specs. */
export const LAUNCH_ID = 'launch-1';
export const TARGET_DATE = '2026-04-01T00:00:00.000Z';
export const NOW = new Date('2026-03-10T12:00:00.000Z');
export const context: DecideContext = { now: NOW, actor: { userId: 'maria', role: 'LAUNCH_MANAGER' } };
export const at = (iso: string): { context: DecideContext } => ({
  context: { ...context, now: new Date(iso) },
});

export const launchCreated: LaunchCreated = {
  type: 'LaunchCreated',
  data: {
    launchId: LAUNCH_ID,
    key: 'spring-release',
    name: 'Spring release',
    targetDate: TARGET_DATE,
    description: null,
    ownerUserId: 'maria',
  },
};

export const teamRequired = (
  teamId: string,
  targetDate = TARGET_DATE,
  signOffsRequired = 1,
): TeamRequired => ({
  type: 'TeamRequired',
  data: { launchId: LAUNCH_ID, teamId, targetDate, signOffsRequired },
});

export const decisionRecorded = (decision: GoDecision, notes: string | null = null): GoNoGoRecorded => ({
  type: 'GoNoGoRecorded',
  data: { launchId: LAUNCH_ID, decision, notes, by: 'maria', at: '2026-03-09T10:00:00.000Z' },
});

export const wentLive: LaunchWentLive = {
  type: 'LaunchWentLive',
  data: {
    launchId: LAUNCH_ID,
    at: '2026-04-01T08:00:00.000Z',
    hypercareDays: 14,
    hypercareEndsAt: '2026-04-15T08:00:00.000Z',
    quietPeriodHours: 0,
  },
};

export const incidentReported = (incidentId: string, severity: Severity): IncidentReported => ({
  type: 'IncidentReported',
  data: {
    launchId: LAUNCH_ID,
    incidentId,
    severity,
    title: `${severity} incident`,
    by: 'sam',
    at: '2026-04-02T08:00:00.000Z',
    source: null,
    externalId: null,
    url: null,
  },
});

export const incidentResolved = (incidentId: string): IncidentResolved => ({
  type: 'IncidentResolved',
  data: { launchId: LAUNCH_ID, incidentId, resolution: null, by: 'sam', at: '2026-04-03T08:00:00.000Z' },
});

export const launchClosed: LaunchClosed = {
  type: 'LaunchClosed',
  data: { launchId: LAUNCH_ID, at: '2026-04-20T08:00:00.000Z' },
};

export const launchCancelled: LaunchCancelled = {
  type: 'LaunchCancelled',
  data: { launchId: LAUNCH_ID, reason: null, at: '2026-03-05T08:00:00.000Z' },
};

/** Histories that leave the launch in each status. */
export const inPlanning: LaunchEvent[] = [launchCreated];
export const inGo: LaunchEvent[] = [launchCreated, decisionRecorded('GO')];
export const inHypercare: LaunchEvent[] = [...inGo, wentLive];
export const closed: LaunchEvent[] = [...inHypercare, launchClosed];
export const cancelled: LaunchEvent[] = [launchCreated, launchCancelled];

/** One valid example of every command, for the rules that apply to all of them. */
export const sampleCommands: LaunchCommand[] = [
  {
    type: 'CreateLaunch',
    data: { launchId: LAUNCH_ID, key: 'spring-release', name: 'Spring release', targetDate: TARGET_DATE },
  },
  { type: 'RescheduleLaunch', data: { launchId: LAUNCH_ID, targetDate: '2026-05-01T00:00:00.000Z' } },
  { type: 'EditLaunch', data: { launchId: LAUNCH_ID, name: 'Spring release 2' } },
  { type: 'RequireTeam', data: { launchId: LAUNCH_ID, teamId: 'team-new' } },
  { type: 'ReleaseTeam', data: { launchId: LAUNCH_ID, teamId: 'team-qa' } },
  { type: 'RecordGoNoGo', data: { launchId: LAUNCH_ID, decision: 'GO' } },
  { type: 'MarkLaunched', data: { launchId: LAUNCH_ID } },
  { type: 'ExtendHypercare', data: { launchId: LAUNCH_ID, days: 7 } },
  {
    type: 'ReportIncident',
    data: { launchId: LAUNCH_ID, incidentId: 'inc-new', severity: 'SEV3', title: 'Slow' },
  },
  { type: 'ResolveIncident', data: { launchId: LAUNCH_ID, incidentId: 'inc-1' } },
  {
    type: 'RecordIncidentAlert',
    data: {
      launchId: LAUNCH_ID,
      incidentId: 'inc-pd',
      source: 'PAGERDUTY',
      externalId: 'Q1',
      status: 'triggered',
      severity: 'SEV2',
      title: 'Checkout errors',
      url: 'https://acme.pagerduty.com/incidents/Q1',
    },
  },
  { type: 'EndHypercare', data: { launchId: LAUNCH_ID } },
  { type: 'CloseLaunch', data: { launchId: LAUNCH_ID } },
  { type: 'CancelLaunch', data: { launchId: LAUNCH_ID } },
  {
    type: 'SetGatePolicy',
    data: {
      launchId: LAUNCH_ID,
      environment: 'staging',
      requireReady: false,
      minReadinessPercent: 50,
      requireGoDecision: false,
    },
  },
  {
    type: 'RecordGateEvaluation',
    data: {
      launchId: LAUNCH_ID,
      environment: 'production',
      decision: 'DENIED',
      reasons: ['NO_GO_DECISION'],
      position: '42',
      evaluatedAt: '2026-03-10T11:59:59.000Z',
      evaluatedBy: 'pipeline-1',
    },
  },
];

export const sample = <T extends LaunchCommand['type']>(type: T): Extract<LaunchCommand, { type: T }> =>
  sampleCommands.find((command) => command.type === type) as Extract<LaunchCommand, { type: T }>;
