import { evaluation } from '../../core/gates/testing/gate-fixtures';
import type { GateEvaluation } from '../../core/read-model/domain';
import { gateBodyOf } from './gate-body';
import { toGateResponse } from './gate-response';

const serialised = (e: GateEvaluation) => JSON.stringify(toGateResponse(e));
/** What the GateEvaluator hands out for a kept evaluation: re-dated, the rest shared. */
const redated = (e: GateEvaluation, at: string): GateEvaluation => ({
  ...e,
  evaluatedAt: at,
  readiness: { ...e.readiness, computedAt: at },
});

describe('gateBodyOf', () => {
  it('is the serialised gate response, byte for byte', () => {
    for (const e of [evaluation(), evaluation({ ready: true }), evaluation({ staleness: { stale: true } })])
      expect(gateBodyOf(e)).toBe(serialised(e));
  });

  it('re-dates a kept evaluation', () => {
    const kept = evaluation();
    gateBodyOf(kept);
    const later = redated(kept, '2026-02-15T12:00:09.123Z');
    expect(gateBodyOf(later)).toBe(serialised(later));
    expect(JSON.parse(gateBodyOf(later))).toMatchObject({ evaluatedAt: '2026-02-15T12:00:09.123Z' });
  });

  it('serialises anew an evaluation that shares the reasons but differs elsewhere', () => {
    const kept = evaluation();
    gateBodyOf(kept);
    const denied: GateEvaluation = { ...kept, decision: 'ALLOWED', position: '43' };
    expect(gateBodyOf(denied)).toBe(serialised(denied));
    const otherPolicy: GateEvaluation = { ...kept, policy: { ...kept.policy, minReadinessPercent: 50 } };
    expect(gateBodyOf(otherPolicy)).toBe(serialised(otherPolicy));
  });
});
