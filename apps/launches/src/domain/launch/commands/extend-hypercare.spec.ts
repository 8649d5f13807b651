import { ErrorCodes, type ExtendHypercare, type HypercareExtended } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { at, inGo, inHypercare, inPlanning, LAUNCH_ID } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const extend = (days: number, quietPeriodHours?: number): ExtendHypercare => ({
  type: 'ExtendHypercare',
  data: { launchId: LAUNCH_ID, days, quietPeriodHours },
});
const extended = (days: number, hypercareEndsAt: string, quietPeriodHours = 0): HypercareExtended => ({
  type: 'HypercareExtended',
  data: { launchId: LAUNCH_ID, days, hypercareEndsAt, quietPeriodHours },
});
// inHypercare's hypercare ends 2026-04-15T08:00:00Z.
const duringHypercare = at('2026-04-10T00:00:00.000Z');

describe('ExtendHypercare', () => {
  it('adds the days to the planned end', () => {
    spec
      .given(inHypercare)
      .when(extend(7), duringHypercare)
      .then([extended(7, '2026-04-22T08:00:00.000Z')]);
  });

  it('adds to the end as already extended', () => {
    spec
      .given([...inHypercare, extended(7, '2026-04-22T08:00:00.000Z')])
      .when(extend(3), duringHypercare)
      .then([extended(3, '2026-04-25T08:00:00.000Z')]);
  });

  it('counts from now when the planned end has already passed', () => {
    spec
      .given(inHypercare)
      .when(extend(7), at('2026-04-20T10:00:00.000Z'))
      .then([extended(7, '2026-04-27T10:00:00.000Z')]);
  });

  it('sets the quiet period the exit criteria need', () => {
    spec
      .given(inHypercare)
      .when(extend(7, 48), duringHypercare)
      .then([extended(7, '2026-04-22T08:00:00.000Z', 48)]);
  });

  it('keeps the current quiet period when none is given', () => {
    spec
      .given([...inHypercare, extended(7, '2026-04-22T08:00:00.000Z', 24)])
      .when(extend(1), duringHypercare)
      .then([extended(1, '2026-04-23T08:00:00.000Z', 24)]);
  });

  it('keeps the quiet period through an old extension that did not carry one', () => {
    spec
      .given([
        ...inHypercare,
        extended(7, '2026-04-22T08:00:00.000Z', 24),
        {
          ...extended(1, '2026-04-23T08:00:00.000Z'),
          data: { ...extended(1, '2026-04-23T08:00:00.000Z').data, quietPeriodHours: null },
        },
      ])
      .when(extend(1), duringHypercare)
      .then([extended(1, '2026-04-24T08:00:00.000Z', 24)]);
  });

  it.each([-1, 721, 1.5])('refuses a quiet period of %p hours', (hours) => {
    spec
      .given(inHypercare)
      .when(extend(7, hours), duringHypercare)
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it.each([0, 366, 2.5])('refuses %p days', (days) => {
    spec.given(inHypercare).when(extend(days), duringHypercare).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it.each([
    ['planning', inPlanning],
    ['go', inGo],
  ])('refuses a %s launch that is not live', (_status, history) => {
    spec.given(history).when(extend(7), duringHypercare).thenThrows(ErrorCodes.LAUNCH_NOT_LIVE);
  });
});
