import { GateEvaluator } from './gate-evaluator';
import type { ReadModelQueries } from './read-model-queries';

describe('GateEvaluator results (tminus_gate_decisions_total)', () => {
  it('reports UNKNOWN_LAUNCH for a launch the read model does not know', async () => {
    const results: string[] = [];
    const queries: Pick<ReadModelQueries, 'launchSnapshot'> = { launchSnapshot: async () => null };
    const evaluator = new GateEvaluator(
      queries as ReadModelQueries,
      () => new Date(),
      undefined,
      (result) => results.push(result),
    );

    await expect(evaluator.evaluate('checkout-v2', 'production')).resolves.toBeNull();
    expect(results).toEqual(['UNKNOWN_LAUNCH']);
  });
});
