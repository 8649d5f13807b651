import { ErrorCodes, type LaunchRescheduled, type RescheduleLaunch } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inGo, inHypercare, inPlanning, LAUNCH_ID, TARGET_DATE } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const reschedule = (targetDate: string): RescheduleLaunch => ({
  type: 'RescheduleLaunch',
  data: { launchId: LAUNCH_ID, targetDate },
});
const rescheduled = (targetDate: string, previousTargetDate: string): LaunchRescheduled => ({
  type: 'LaunchRescheduled',
  data: { launchId: LAUNCH_ID, targetDate, previousTargetDate },
});

describe('RescheduleLaunch', () => {
  it('moves the target date of a planning launch and records the previous one', () => {
    spec
      .given(inPlanning)
      .when(reschedule('2026-05-01T00:00:00Z'), { context })
      .then([rescheduled('2026-05-01T00:00:00.000Z', TARGET_DATE)]);
  });

  it('is allowed after a GO decision', () => {
    spec
      .given(inGo)
      .when(reschedule('2026-05-01'), { context })
      .then([rescheduled('2026-05-01T00:00:00.000Z', TARGET_DATE)]);
  });

  it('records the latest date as the previous one after an earlier reschedule', () => {
    spec
      .given([...inPlanning, rescheduled('2026-05-01T00:00:00.000Z', TARGET_DATE)])
      .when(reschedule('2026-06-01'), { context })
      .then([rescheduled('2026-06-01T00:00:00.000Z', '2026-05-01T00:00:00.000Z')]);
  });

  it.each([
    ['in the past', '2026-03-01T00:00:00Z'],
    ['now', '2026-03-10T12:00:00Z'],
  ])('refuses a target date %s (LAUNCH.TARGET_DATE_IN_PAST)', (_case, targetDate) => {
    spec
      .given(inPlanning)
      .when(reschedule(targetDate), { context })
      .thenThrows(ErrorCodes.LAUNCH_TARGET_DATE_IN_PAST);
  });

  it('changes nothing when the date is the same instant, however it is written', () => {
    spec.given(inPlanning).when(reschedule('2026-04-01T02:00:00+02:00'), { context }).thenNothing();
  });

  it('refuses a launch that is live', () => {
    spec
      .given(inHypercare)
      .when(reschedule('2026-05-01'), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_TRANSITION);
  });

  it('refuses a date that is not ISO-8601', () => {
    spec
      .given(inPlanning)
      .when(reschedule('01/05/2026'), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
