import { ErrorCodes, type GateEvaluated, type RecordGateEvaluation } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { cancelled, closed, context, inHypercare, inPlanning, sample } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const evaluation = sample('RecordGateEvaluation');
const record = (data: Partial<RecordGateEvaluation['data']> = {}): RecordGateEvaluation => ({
  type: 'RecordGateEvaluation',
  data: { ...evaluation.data, ...data },
});
const evaluated = (data: Partial<GateEvaluated['data']> = {}): GateEvaluated => ({
  type: 'GateEvaluated',
  data: { ...evaluation.data, ...data },
});

describe('RecordGateEvaluation', () => {
  it.each([
    ['planning', inPlanning],
    ['live', inHypercare],
    ['cancelled', cancelled],
    ['closed', closed],
  ])('records the evaluation on a %s launch', (_status, history) => {
    spec.given(history).when(record(), { context }).then([evaluated()]);
  });

  it('normalises the evaluation time to UTC', () => {
    spec
      .given(inPlanning)
      .when(record({ evaluatedAt: '2026-03-10T13:59:59+02:00' }), { context })
      .then([evaluated({ evaluatedAt: '2026-03-10T11:59:59.000Z' })]);
  });

  it('records an evaluation without reasons', () => {
    spec
      .given(inPlanning)
      .when(record({ decision: 'ALLOWED', reasons: [] }), { context })
      .then([evaluated({ decision: 'ALLOWED', reasons: [] })]);
  });

  it.each<[string, Partial<RecordGateEvaluation['data']>]>([
    ['environment', { environment: 'Prod' }],
    ['decision', { decision: 'MAYBE' as 'ALLOWED' }],
    ['reasons', { reasons: 'NO_GO_DECISION' as unknown as string[] }],
    ['position', { position: '' }],
    ['evaluation time', { evaluatedAt: 'yesterday' }],
    ['evaluator', { evaluatedBy: ' ' }],
  ])('refuses an invalid %s', (_field, data) => {
    spec.given(inPlanning).when(record(data), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
