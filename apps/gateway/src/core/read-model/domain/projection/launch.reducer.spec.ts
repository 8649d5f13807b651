import type { EventEnvelope, LaunchEvent } from '@tminus/contracts';
import { envelopeFactory } from '../testing/envelope-factory';
import { LAUNCH_ID, launchEvents as L, QA_ID, SEC_ID, TARGET_DATE } from '../testing/events';
import type { LaunchView } from '../views';
import { applyLaunchEvent } from './launch.reducer';

const project = (...events: LaunchEvent[]): LaunchView | null => {
  const envelope = envelopeFactory();
  return events.reduce<LaunchView | null>(
    (view, event) => applyLaunchEvent(view, envelope(LAUNCH_ID, event)),
    null,
  );
};
const projectExisting = (...events: LaunchEvent[]): LaunchView => {
  const view = project(L.created(), ...events);
  if (view === null) throw new Error('launch not projected');
  return view;
};

describe('applyLaunchEvent', () => {
  it('creates the document from LaunchCreated', () => {
    expect(project(L.created())).toEqual({
      id: LAUNCH_ID,
      key: 'checkout-v2',
      name: 'Checkout v2',
      description: null,
      ownerUserId: 'max',
      targetDate: TARGET_DATE,
      status: 'PLANNING',
      requiredTeamIds: [],
      decision: null,
      hypercare: null,
      incidents: [],
      gatePolicies: [],
      lastGateEvaluations: [],
      closedAt: null,
      cancellation: null,
      createdAt: '2026-01-01T00:00:01.000Z',
      updatedAt: '2026-01-01T00:00:01.000Z',
      version: 1,
    });
  });

  it('ignores events of a launch it never saw created', () => {
    expect(project(L.teamRequired(QA_ID))).toBeNull();
  });

  it('reschedules and edits', () => {
    const view = projectExisting(
      {
        type: 'LaunchRescheduled',
        data: {
          launchId: LAUNCH_ID,
          targetDate: '2026-04-01T00:00:00.000Z',
          previousTargetDate: TARGET_DATE,
        },
      },
      {
        type: 'LaunchEdited',
        data: { launchId: LAUNCH_ID, name: 'Checkout 2', description: 'faster', ownerUserId: 'olga' },
      },
    );
    expect(view).toMatchObject({
      targetDate: '2026-04-01T00:00:00.000Z',
      name: 'Checkout 2',
      description: 'faster',
      ownerUserId: 'olga',
      updatedAt: '2026-01-01T00:00:03.000Z',
      version: 3,
    });
  });

  it('keeps required teams in order, once each, and releases them', () => {
    expect(
      projectExisting(L.teamRequired(QA_ID), L.teamRequired(SEC_ID), L.teamRequired(QA_ID)).requiredTeamIds,
    ).toEqual([QA_ID, SEC_ID]);
    expect(
      projectExisting(L.teamRequired(QA_ID), L.teamRequired(SEC_ID), L.teamReleased(QA_ID)).requiredTeamIds,
    ).toEqual([SEC_ID]);
  });

  it('records GO (status GO) and NO_GO (back to PLANNING) with notes', () => {
    const go = projectExisting(L.goNoGo('GO', 'all green'));
    expect(go.status).toBe('GO');
    expect(go.decision).toEqual({
      decision: 'GO',
      notes: 'all green',
      by: 'max',
      at: '2026-02-28T10:00:00.000Z',
    });
    const noGo = projectExisting(L.goNoGo('GO'), L.goNoGo('NO_GO', 'pen test open'));
    expect(noGo.status).toBe('PLANNING');
    expect(noGo.decision).toMatchObject({ decision: 'NO_GO', notes: 'pen test open' });
  });

  it('starts hypercare on going live and extends it', () => {
    const live = projectExisting(L.goNoGo('GO'), L.wentLive());
    expect(live.status).toBe('HYPERCARE');
    expect(live.hypercare).toEqual({
      wentLiveAt: '2026-03-01T09:00:00.000Z',
      endsAt: '2026-03-15T09:00:00.000Z',
      days: 14,
      quietPeriodHours: 0,
      overrun: null,
    });
    const extended = projectExisting(L.goNoGo('GO'), L.wentLive(), {
      type: 'HypercareExtended',
      data: {
        launchId: LAUNCH_ID,
        days: 7,
        hypercareEndsAt: '2026-03-22T09:00:00.000Z',
        quietPeriodHours: null,
      },
    });
    expect(extended.hypercare).toEqual({
      wentLiveAt: '2026-03-01T09:00:00.000Z',
      endsAt: '2026-03-22T09:00:00.000Z',
      days: 21,
      quietPeriodHours: 0,
      overrun: null,
    });
  });

  it('reports and resolves incidents', () => {
    const reported = projectExisting(L.incidentReported('inc-1', 'SEV2'));
    expect(reported.incidents).toEqual([
      {
        id: 'inc-1',
        severity: 'SEV2',
        title: 'Outage inc-1',
        status: 'OPEN',
        reportedAt: '2026-03-02T00:00:00.000Z',
        reportedBy: 'sam',
        resolvedAt: null,
        resolvedBy: null,
        resolution: null,
        source: null,
        externalId: null,
        url: null,
        acknowledgedAt: null,
      },
    ]);
    const resolved = projectExisting(L.incidentReported('inc-1', 'SEV2'), L.incidentResolved('inc-1'));
    expect(resolved.incidents[0]).toMatchObject({
      status: 'RESOLVED',
      resolvedAt: '2026-03-02T01:00:00.000Z',
      resolvedBy: 'sam',
      resolution: 'rolled back',
    });
  });

  it('keeps where an incident comes from, its acknowledgement and severity changes', () => {
    const external: LaunchEvent = {
      type: 'IncidentReported',
      data: {
        launchId: LAUNCH_ID,
        incidentId: 'inc-pd',
        severity: 'SEV2',
        title: 'Checkout errors',
        by: 'pagerduty',
        at: '2026-03-02T00:00:00.000Z',
        source: 'PAGERDUTY',
        externalId: 'Q1',
        url: 'https://acme.pagerduty.com/incidents/Q1',
      },
    };
    const view = projectExisting(
      L.goNoGo('GO'),
      L.wentLive(),
      external,
      {
        type: 'IncidentAcknowledged',
        data: { launchId: LAUNCH_ID, incidentId: 'inc-pd', by: 'pagerduty', at: '2026-03-02T00:05:00.000Z' },
      },
      {
        type: 'IncidentSeverityChanged',
        data: {
          launchId: LAUNCH_ID,
          incidentId: 'inc-pd',
          severity: 'SEV1',
          previousSeverity: 'SEV2',
          by: 'pagerduty',
          at: '2026-03-02T00:06:00.000Z',
        },
      },
    );
    expect(view.incidents[0]).toMatchObject({
      source: 'PAGERDUTY',
      externalId: 'Q1',
      url: 'https://acme.pagerduty.com/incidents/Q1',
      acknowledgedAt: '2026-03-02T00:05:00.000Z',
      severity: 'SEV1',
      status: 'OPEN',
    });
  });

  it('shows why a launch stays open after hypercare ended, until it is extended', () => {
    const overrun: LaunchEvent = {
      type: 'HypercareOverrun',
      data: {
        launchId: LAUNCH_ID,
        hypercareEndsAt: '2026-03-15T09:00:00.000Z',
        code: 'LAUNCH.NOT_QUIET',
        reason: 'r',
        at: 'T',
      },
    };
    const view = projectExisting(L.goNoGo('GO'), L.wentLive(), overrun);
    expect(view.hypercare?.overrun).toEqual({ code: 'LAUNCH.NOT_QUIET', reason: 'r', at: 'T' });
    const extended = projectExisting(L.goNoGo('GO'), L.wentLive(), overrun, {
      type: 'HypercareExtended',
      data: { launchId: LAUNCH_ID, days: 1, hypercareEndsAt: 'E', quietPeriodHours: 12 },
    });
    expect(extended.hypercare).toMatchObject({ overrun: null, quietPeriodHours: 12 });
  });

  it('closes and cancels', () => {
    const closed = projectExisting(L.goNoGo('GO'), L.wentLive(), L.closed());
    expect(closed).toMatchObject({ status: 'CLOSED', closedAt: '2026-03-20T00:00:00.000Z' });
    const cancelled = projectExisting(L.cancelled());
    expect(cancelled).toMatchObject({
      status: 'CANCELLED',
      cancellation: { reason: 'market changed', at: '2026-02-01T00:00:00.000Z' },
    });
  });

  it('keeps one gate policy per environment, the latest', () => {
    const view = projectExisting(
      L.gatePolicySet('staging', { requireReady: false, minReadinessPercent: 50, requireGoDecision: false }),
      L.gatePolicySet('production', {
        requireReady: true,
        minReadinessPercent: 100,
        requireGoDecision: false,
      }),
      L.gatePolicySet('staging', { requireReady: false, minReadinessPercent: 80, requireGoDecision: true }),
    );
    expect(view.gatePolicies).toEqual([
      { environment: 'staging', requireReady: false, minReadinessPercent: 80, requireGoDecision: true },
      { environment: 'production', requireReady: true, minReadinessPercent: 100, requireGoDecision: false },
    ]);
  });

  it('keeps the last audited gate evaluation per environment, without changing the status', () => {
    const evaluated = (decision: 'ALLOWED' | 'DENIED', position: string): LaunchEvent => ({
      type: 'GateEvaluated',
      data: {
        launchId: LAUNCH_ID,
        environment: 'production',
        decision,
        reasons: decision === 'DENIED' ? ['NOT_SIGNED_OFF'] : [],
        position,
        evaluatedAt: '2026-02-01T00:00:00.000Z',
        evaluatedBy: 'pipeline',
      },
    });
    const view = projectExisting(evaluated('DENIED', '10'), evaluated('ALLOWED', '12'));
    expect(view.status).toBe('PLANNING');
    expect(view.lastGateEvaluations).toEqual([
      {
        environment: 'production',
        decision: 'ALLOWED',
        reasons: [],
        position: '12',
        evaluatedAt: '2026-02-01T00:00:00.000Z',
        evaluatedBy: 'pipeline',
      },
    ]);
  });

  it('ignores a redelivered event (position already applied)', () => {
    const envelope = envelopeFactory();
    const created = applyLaunchEvent(null, envelope(LAUNCH_ID, L.created()));
    const required = applyLaunchEvent(created, envelope(LAUNCH_ID, L.teamRequired(QA_ID)));
    const redelivered = envelope(LAUNCH_ID, L.teamReleased(QA_ID), { position: 2 });
    expect(applyLaunchEvent(required, redelivered)).toBe(required);
  });

  it('leaves the view unchanged for markers and unknown types', () => {
    const view = projectExisting();
    const envelope = envelopeFactory();
    const rejected = envelope(LAUNCH_ID, {
      type: 'CommandRejected',
      data: {
        commandId: 'c',
        commandType: 'RequireTeam',
        aggregateId: LAUNCH_ID,
        code: 'LAUNCH.NOT_FOUND',
        message: 'no',
      },
    });
    const unknown: EventEnvelope = {
      ...envelope(LAUNCH_ID, { type: 'LaunchRenamedV9', data: {} }),
      streamPosition: 5,
    };
    expect(applyLaunchEvent(view, rejected)).toBe(view);
    expect(applyLaunchEvent(view, unknown)).toBe(view);
    expect(applyLaunchEvent(null, unknown)).toBeNull();
  });
});
