import type { Severity } from '@tminus/contracts';
import type { IncidentView } from '../../core/read-model/domain';
import { GATE_STATUS, MAX_GATE_INCIDENTS, toGateResponse } from './gate-response';
import { evaluation, LAUNCH_ID } from '../../core/gates/testing/gate-fixtures';

describe('toGateResponse', () => {
  it('carries decision, reasons as GraphQL blockers, readiness counts, position, launch and policy', () => {
    const body = toGateResponse(evaluation());
    expect(body).toEqual({
      decision: 'DENIED',
      reasons: [
        {
          code: 'OPEN_REQUIRED_ITEM',
          team: 'qa',
          teamId: 'team-qa',
          item: 'Regression suite green',
          itemId: 'item-1',
          message: expect.stringContaining('Regression suite green'),
        },
        {
          code: 'NOT_SIGNED_OFF',
          team: 'qa',
          teamId: 'team-qa',
          item: null,
          itemId: null,
          message: expect.any(String),
        },
      ],
      readiness: {
        ready: false,
        percent: 0,
        counts: { requiredItems: 1, doneOrWaived: 0, open: 1, blocked: 0, overdue: 0 },
      },
      evaluatedAt: '2026-02-15T12:00:00.000Z',
      position: '42',
      launch: { id: LAUNCH_ID, key: 'checkout-v2' },
      environment: 'production',
      policy: { requireReady: true, minReadinessPercent: 100, requireGoDecision: true, isDefault: true },
      support: { status: 'GREEN', openIncidents: 0, incidents: [] },
    });
  });

  it('lists open incidents with their origin, most severe first, without changing the decision', () => {
    const incident = (id: string, severity: Severity, extra: Partial<IncidentView> = {}): IncidentView => ({
      id,
      severity,
      title: `incident ${id}`,
      status: 'OPEN',
      reportedAt: `2026-02-15T1${id}:00:00.000Z`,
      reportedBy: 'max',
      resolvedAt: null,
      resolvedBy: null,
      resolution: null,
      ...extra,
    });
    const incidents = [
      incident('1', 'SEV3'),
      incident('2', 'SEV1', {
        source: 'PAGERDUTY',
        externalId: 'Q1ABC',
        url: 'https://acme.pagerduty.com/incidents/Q1ABC',
      }),
      incident('3', 'SEV2', { status: 'RESOLVED' }),
      ...Array.from({ length: MAX_GATE_INCIDENTS }, (_, i) => incident(`4${i}`, 'SEV4')),
    ];
    const body = toGateResponse(evaluation({ ready: true, launch: { status: 'HYPERCARE', incidents } }));
    expect(body.decision).toBe('ALLOWED');
    expect(body.support.status).toBe('RED');
    expect(body.support.openIncidents).toBe(MAX_GATE_INCIDENTS + 2);
    expect(body.support.incidents).toHaveLength(MAX_GATE_INCIDENTS);
    expect(body.support.incidents.slice(0, 2)).toEqual([
      {
        id: '2',
        severity: 'SEV1',
        title: 'incident 2',
        reportedAt: '2026-02-15T12:00:00.000Z',
        source: 'PAGERDUTY',
        externalId: 'Q1ABC',
        url: 'https://acme.pagerduty.com/incidents/Q1ABC',
      },
      {
        id: '1',
        severity: 'SEV3',
        title: 'incident 1',
        reportedAt: '2026-02-15T11:00:00.000Z',
        source: null,
        externalId: null,
        url: null,
      },
    ]);
  });

  it('an ALLOWED decision has no reasons and a ready launch', () => {
    const body = toGateResponse(evaluation({ ready: true }));
    expect(body.decision).toBe('ALLOWED');
    expect(body.reasons).toEqual([]);
    expect(body.readiness).toMatchObject({ ready: true, percent: 100 });
  });

  it('a stale read model denies with READ_MODEL_STALE first', () => {
    const body = toGateResponse(
      evaluation({ ready: true, staleness: { stale: true, detail: '3 events behind' } }),
    );
    expect(body.decision).toBe('DENIED');
    expect(body.reasons.map((reason) => reason.code)).toEqual(['READ_MODEL_STALE']);
    expect(body.reasons[0].message).toContain('3 events behind');
  });

  it('maps decisions to 200 and 412', () => {
    expect(GATE_STATUS).toEqual({ ALLOWED: 200, DENIED: 412 });
  });
});
