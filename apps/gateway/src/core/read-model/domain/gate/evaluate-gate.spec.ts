import type { GatePolicy, LaunchStatus } from '@tminus/contracts';
import { computeLaunchReadiness } from '../readiness/launch-readiness';
import { checklistView, done, itemView, launchView, NOW, SIGNED, teamView } from '../testing/views';
import type { ChecklistView, LaunchView } from '../views';
import { evaluateGate, type GateEvaluation, type Staleness } from './evaluate-gate';

const QA = teamView('team-qa', 'qa', 'QA');
const READY = checklistView('team-qa', [done('a'), done('b')], { signOffs: SIGNED });
const HALF = checklistView('team-qa', [done('a'), itemView('b', { title: 'Load test' })]);

const gate = (
  environment: string,
  options: {
    status?: LaunchStatus;
    checklist?: ChecklistView;
    policies?: (GatePolicy & { environment: string })[];
    staleness?: Staleness;
    decision?: LaunchView['decision'];
  } = {},
): GateEvaluation => {
  const launch = launchView({
    status: options.status ?? 'PLANNING',
    requiredTeamIds: ['team-qa'],
    gatePolicies: options.policies ?? [],
    decision: options.decision ?? null,
  });
  const readiness = computeLaunchReadiness(launch, [options.checklist ?? READY], [QA], NOW);
  return evaluateGate({
    launch,
    readiness,
    environment,
    now: NOW,
    position: '42',
    staleness: options.staleness,
  });
};
const codes = (evaluation: GateEvaluation) => evaluation.reasons.map(({ code }) => code);

describe('evaluateGate', () => {
  describe('default production policy: ready and GO', () => {
    it.each<LaunchStatus>(['GO', 'HYPERCARE', 'CLOSED'])('allows a ready launch in status %s', (status) => {
      const evaluation = gate('production', { status });
      expect(evaluation).toMatchObject({
        launchId: 'launch-1',
        launchKey: 'checkout-v2',
        environment: 'production',
        decision: 'ALLOWED',
        reasons: [],
        evaluatedAt: NOW.toISOString(),
        position: '42',
        policy: {
          environment: 'production',
          requireReady: true,
          minReadinessPercent: 100,
          requireGoDecision: true,
          isDefault: true,
        },
      });
      expect(evaluation.readiness.ready).toBe(true);
    });

    it('denies without a GO decision', () => {
      const evaluation = gate('production');
      expect(evaluation.decision).toBe('DENIED');
      expect(evaluation.reasons).toEqual([
        expect.objectContaining({
          code: 'NO_GO_DECISION',
          message: 'No GO decision has been recorded for launch checkout-v2',
        }),
      ]);
    });

    it('denies after a NO_GO, quoting its notes', () => {
      const evaluation = gate('production', {
        decision: { decision: 'NO_GO', notes: 'pen test open', by: 'max', at: NOW.toISOString() },
      });
      expect(evaluation.reasons.map(({ message }) => message)).toEqual([
        'The last go/no-go decision was NO_GO: pen test open',
      ]);
    });

    it('denies a GO launch that is not ready, with every readiness blocker', () => {
      const evaluation = gate('production', { status: 'GO', checklist: HALF });
      expect(evaluation.decision).toBe('DENIED');
      expect(codes(evaluation)).toEqual(['OPEN_REQUIRED_ITEM', 'NOT_SIGNED_OFF']);
    });

    it('lists both a missing GO and the readiness blockers', () => {
      expect(codes(gate('production', { checklist: HALF }))).toEqual([
        'NO_GO_DECISION',
        'OPEN_REQUIRED_ITEM',
        'NOT_SIGNED_OFF',
      ]);
    });
  });

  describe('default policy of other environments', () => {
    it('allows an unready launch without a GO', () => {
      const evaluation = gate('staging', { checklist: HALF });
      expect(evaluation).toMatchObject({
        decision: 'ALLOWED',
        reasons: [],
        policy: {
          environment: 'staging',
          requireReady: false,
          minReadinessPercent: 0,
          requireGoDecision: false,
          isDefault: true,
        },
      });
    });
  });

  it.each(['production', 'staging'])(
    'denies a cancelled launch in %s, with LAUNCH_CANCELLED only',
    (environment) => {
      const evaluation = gate(environment, { status: 'CANCELLED', checklist: HALF });
      expect(evaluation.decision).toBe('DENIED');
      expect(evaluation.reasons.map(({ code, message }) => [code, message])).toEqual([
        ['LAUNCH_CANCELLED', 'Launch checkout-v2 is cancelled'],
      ]);
    },
  );

  describe('custom policies', () => {
    const staging = (policy: GatePolicy) => [{ environment: 'staging', ...policy }];

    it('denies below the minimum readiness percent, and allows at it', () => {
      const policies = staging({ requireReady: false, minReadinessPercent: 60, requireGoDecision: false });
      const below = gate('staging', { checklist: HALF, policies });
      expect(below.decision).toBe('DENIED');
      expect(below.reasons).toEqual([
        expect.objectContaining({
          code: 'READINESS_BELOW_THRESHOLD',
          message: 'Readiness is 50%, below the 60% the staging gate requires',
        }),
      ]);
      expect(below.policy).toMatchObject({ minReadinessPercent: 60, isDefault: false });
      const atIt = gate('staging', {
        checklist: HALF,
        policies: staging({ requireReady: false, minReadinessPercent: 50, requireGoDecision: false }),
      });
      expect(atIt.decision).toBe('ALLOWED');
    });

    it('can require a GO decision without readiness', () => {
      const policies = staging({ requireReady: false, minReadinessPercent: 0, requireGoDecision: true });
      expect(codes(gate('staging', { checklist: HALF, policies }))).toEqual(['NO_GO_DECISION']);
      expect(gate('staging', { checklist: HALF, policies, status: 'GO' }).decision).toBe('ALLOWED');
    });

    it('can require readiness without a GO decision (production relaxed)', () => {
      const policies = [
        { environment: 'production', requireReady: true, minReadinessPercent: 100, requireGoDecision: false },
      ];
      expect(gate('production', { policies }).decision).toBe('ALLOWED');
      expect(codes(gate('production', { policies, checklist: HALF }))).toEqual([
        'OPEN_REQUIRED_ITEM',
        'NOT_SIGNED_OFF',
      ]);
    });

    it('a policy for one environment leaves the others on their defaults', () => {
      const policies = staging({ requireReady: true, minReadinessPercent: 100, requireGoDecision: true });
      expect(gate('qa-env', { checklist: HALF, policies }).decision).toBe('ALLOWED');
    });
  });

  describe('staleness', () => {
    it('denies with READ_MODEL_STALE when the caller says the read model is stale', () => {
      const evaluation = gate('staging', { staleness: { stale: true, detail: '3 events behind' } });
      expect(evaluation.decision).toBe('DENIED');
      expect(evaluation.reasons.map(({ code, message }) => [code, message])).toEqual([
        ['READ_MODEL_STALE', 'The read model is behind the event log (3 events behind); ask again shortly'],
      ]);
    });

    it('adds it to the other reasons', () => {
      expect(codes(gate('production', { staleness: { stale: true } }))).toEqual([
        'READ_MODEL_STALE',
        'NO_GO_DECISION',
      ]);
    });

    it('changes nothing when not stale', () => {
      expect(gate('staging', { staleness: { stale: false } }).decision).toBe('ALLOWED');
    });
  });

  it('denies production for a launch that requires no team', () => {
    const launch = launchView({ status: 'GO' });
    const readiness = computeLaunchReadiness(launch, [], [], NOW);
    const evaluation = evaluateGate({
      launch,
      readiness,
      environment: 'production',
      now: NOW,
      position: '7',
    });
    expect(evaluation.decision).toBe('DENIED');
    expect(codes(evaluation)).toEqual(['NOT_SIGNED_OFF']);
  });
});
