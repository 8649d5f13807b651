import { ErrorCodes, type LaunchWentLive, type MarkLaunched } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, decisionRecorded, inGo, inHypercare, inPlanning, LAUNCH_ID, NOW } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const markLaunched = (hypercareDays?: number | null, quietPeriodHours?: number): MarkLaunched => ({
  type: 'MarkLaunched',
  data: { launchId: LAUNCH_ID, hypercareDays, quietPeriodHours },
});
const wentLive = (hypercareDays: number, hypercareEndsAt: string, quietPeriodHours = 0): LaunchWentLive => ({
  type: 'LaunchWentLive',
  data: { launchId: LAUNCH_ID, at: NOW.toISOString(), hypercareDays, hypercareEndsAt, quietPeriodHours },
});

describe('MarkLaunched', () => {
  it('goes live now with the default 14 days of hypercare', () => {
    spec
      .given(inGo)
      .when(markLaunched(), { context })
      .then([wentLive(14, '2026-03-24T12:00:00.000Z')]);
  });

  it('uses the requested hypercare length', () => {
    spec
      .given(inGo)
      .when(markLaunched(30), { context })
      .then([wentLive(30, '2026-04-09T12:00:00.000Z')]);
  });

  it.each([
    [1, '2026-03-11T12:00:00.000Z'],
    [365, '2027-03-10T12:00:00.000Z'],
  ])('accepts %i hypercare days', (days, endsAt) => {
    spec
      .given(inGo)
      .when(markLaunched(days), { context })
      .then([wentLive(days, endsAt)]);
  });

  it('sets the quiet period of the hypercare exit criteria', () => {
    spec
      .given(inGo)
      .when(markLaunched(14, 72), { context })
      .then([wentLive(14, '2026-03-24T12:00:00.000Z', 72)]);
  });

  it.each([-1, 721, 0.5])('refuses a quiet period of %p hours', (hours) => {
    spec.given(inGo).when(markLaunched(14, hours), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it.each([0, 366, -1, 1.5])('refuses %p hypercare days', (days) => {
    spec.given(inGo).when(markLaunched(days), { context }).thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it('refuses a launch without a GO decision', () => {
    spec.given(inPlanning).when(markLaunched(), { context }).thenThrows(ErrorCodes.LAUNCH_NOT_GO);
  });

  it('refuses a launch whose GO was followed by a NO_GO', () => {
    spec
      .given([...inGo, decisionRecorded('NO_GO')])
      .when(markLaunched(), { context })
      .thenThrows(ErrorCodes.LAUNCH_NOT_GO);
  });

  it('refuses a launch that is already live', () => {
    spec.given(inHypercare).when(markLaunched(), { context }).thenThrows(ErrorCodes.LAUNCH_NOT_GO);
  });
});
