import type { GateEvaluationView } from '../domain';
import { mergeLastEvaluations } from './gate-last-evaluations';

const evaluated = (environment: string, evaluatedAt: string, evaluatedBy = 'ci'): GateEvaluationView => ({
  environment,
  decision: 'DENIED',
  reasons: ['OPEN_REQUIRED_ITEM'],
  position: '1',
  evaluatedAt,
  evaluatedBy,
});

describe('mergeLastEvaluations', () => {
  it('keeps the newer evaluation per environment, from either source', () => {
    const merged = mergeLastEvaluations(
      [
        evaluated('production', '2026-12-01T10:00:00.000Z', 'github'),
        evaluated('staging', '2026-12-02T10:00:00Z'),
      ],
      [
        evaluated('production', '2026-12-01T11:00:00.000Z', 'ci'),
        evaluated('qa', '2026-11-01T00:00:00.000Z'),
      ],
    );
    expect(merged.map((e) => [e.environment, e.evaluatedBy])).toEqual([
      ['production', 'ci'],
      ['staging', 'ci'],
      ['qa', 'ci'],
    ]);
  });

  it('compares instants, not their spelling', () => {
    const merged = mergeLastEvaluations(
      [evaluated('production', '2026-12-01T12:00:00+01:00', 'document')],
      [evaluated('production', '2026-12-01T11:30:00.000Z', 'audit')],
    );
    expect(merged[0].evaluatedBy).toBe('audit');
  });
});
