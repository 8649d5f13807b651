import type { LaunchEvent } from './events';
import { launchStatusAfter } from './events';
import { supportStatusOf } from './launch-status';

const launchId = 'launch-1';
const created: LaunchEvent = {
  type: 'LaunchCreated',
  data: {
    launchId,
    key: 'k1',
    name: 'K',
    targetDate: '2026-04-01T00:00:00.000Z',
    description: null,
    ownerUserId: null,
  },
};
const decision = (value: 'GO' | 'NO_GO'): LaunchEvent => ({
  type: 'GoNoGoRecorded',
  data: { launchId, decision: value, notes: null, by: 'u', at: '2026-03-01T00:00:00.000Z' },
});
const live: LaunchEvent = {
  type: 'LaunchWentLive',
  data: {
    launchId,
    at: '2026-04-01T00:00:00.000Z',
    hypercareDays: 14,
    hypercareEndsAt: '2026-04-15T00:00:00.000Z',
    quietPeriodHours: 0,
  },
};

describe('launchStatusAfter', () => {
  it('is null for a stream without a launch', () => {
    expect(launchStatusAfter([])).toBeNull();
  });

  it('follows PLANNING → GO → HYPERCARE → CLOSED', () => {
    expect(launchStatusAfter([created])).toBe('PLANNING');
    expect(launchStatusAfter([created, decision('GO')])).toBe('GO');
    expect(launchStatusAfter([created, decision('GO'), decision('NO_GO')])).toBe('PLANNING');
    expect(launchStatusAfter([created, decision('GO'), live])).toBe('HYPERCARE');
    const closed: LaunchEvent = { type: 'LaunchClosed', data: { launchId, at: '2026-04-20T00:00:00.000Z' } };
    expect(launchStatusAfter([created, decision('GO'), live, closed])).toBe('CLOSED');
  });

  it('ends in CANCELLED, whatever follows that is only an audit', () => {
    const cancelled: LaunchEvent = {
      type: 'LaunchCancelled',
      data: { launchId, reason: null, at: '2026-03-02T00:00:00.000Z' },
    };
    const audit: LaunchEvent = {
      type: 'GateEvaluated',
      data: {
        launchId,
        environment: 'production',
        decision: 'DENIED',
        reasons: [],
        position: '3',
        evaluatedAt: '2026-03-03T00:00:00.000Z',
        evaluatedBy: 'ci',
      },
    };
    expect(launchStatusAfter([created, decision('GO'), cancelled, audit])).toBe('CANCELLED');
  });
});

describe('supportStatusOf', () => {
  it.each([
    [[], 'GREEN'],
    [['SEV3'], 'AMBER'],
    [['SEV4', 'SEV3'], 'AMBER'],
    [['SEV4', 'SEV2'], 'RED'],
    [['SEV1'], 'RED'],
  ] as const)('%j → %s', (severities, status) => {
    expect(supportStatusOf(severities)).toBe(status);
  });
});
