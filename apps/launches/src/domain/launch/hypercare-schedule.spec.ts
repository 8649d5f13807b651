import { ErrorCodes, type LaunchEvent } from '@tminus/contracts';
import { nextHypercareCheck } from './hypercare-schedule';
import {
  closed,
  inGo,
  inHypercare,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  wentLive,
} from './launch.fixtures';
import { launchDecider } from './launch.decider';

const stateOf = (events: LaunchEvent[]) => events.reduce(launchDecider.evolve, launchDecider.initialState());
const END = '2026-04-15T08:00:00.000Z';
const after = new Date('2026-04-16T00:00:00.000Z');
const overrun = (code: string): LaunchEvent => ({
  type: 'HypercareOverrun',
  data: { launchId: LAUNCH_ID, hypercareEndsAt: END, code, reason: 'r', at: '2026-04-15T08:00:01.000Z' },
});

describe('nextHypercareCheck (when the scheduler sends EndHypercare)', () => {
  it('is the end of hypercare while it runs', () => {
    expect(nextHypercareCheck(stateOf(inHypercare), new Date('2026-04-10T00:00:00.000Z'))).toBe(END);
  });

  it('is now once hypercare is over (a restart after the end closes at once)', () => {
    expect(nextHypercareCheck(stateOf(inHypercare), after)).toBe(after.toISOString());
  });

  it('is now for a blocked launch whose overrun is not recorded yet', () => {
    expect(nextHypercareCheck(stateOf([...inHypercare, incidentReported('i', 'SEV1')]), after)).toBe(
      after.toISOString(),
    );
  });

  it('is nothing once the overrun for an open SEV1 is recorded: the resolution re-plans', () => {
    const history = [
      ...inHypercare,
      incidentReported('i', 'SEV1'),
      overrun(ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS),
    ];
    expect(nextHypercareCheck(stateOf(history), after)).toBeNull();
  });

  it('is the end of the quiet period once a NOT_QUIET overrun is recorded', () => {
    const quiet = { ...wentLive, data: { ...wentLive.data, quietPeriodHours: 48 } };
    const resolved = {
      ...incidentResolved('i'),
      data: { ...incidentResolved('i').data, at: '2026-04-15T00:00:00.000Z' },
    };
    const history = [
      ...inGo,
      quiet,
      incidentReported('i', 'SEV2'),
      resolved,
      overrun(ErrorCodes.LAUNCH_NOT_QUIET),
    ];
    expect(nextHypercareCheck(stateOf(history), after)).toBe('2026-04-17T00:00:00.000Z');
  });

  it('is nothing for launches that are not in hypercare', () => {
    expect(nextHypercareCheck(stateOf(inGo), after)).toBeNull();
    expect(nextHypercareCheck(stateOf(closed), after)).toBeNull();
  });
});
