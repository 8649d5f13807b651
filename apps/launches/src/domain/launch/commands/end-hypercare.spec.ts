import { ErrorCodes, type EndHypercare, type HypercareExtended, type LaunchEvent } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import {
  at,
  closed,
  inHypercare,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  wentLive,
} from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const endHypercare: EndHypercare = { type: 'EndHypercare', data: { launchId: LAUNCH_ID } };
// inHypercare's hypercare ends 2026-04-15T08:00:00Z; the fixtures' incidents: reported 04-02, resolved 04-03.
const AFTER_END = '2026-04-15T08:00:01.000Z';
const closedAt = (iso: string): LaunchEvent => ({
  type: 'LaunchClosed',
  data: { launchId: LAUNCH_ID, at: iso },
});
const withQuiet = (hours: number): LaunchEvent[] => [
  ...inHypercare.filter((e) => e.type !== 'LaunchWentLive'),
  { ...wentLive, data: { ...wentLive.data, quietPeriodHours: hours } },
];

describe('EndHypercare (the automatic close when hypercare ends)', () => {
  it('closes the launch once hypercare has ended with no SEV1/SEV2 open', () => {
    spec
      .given(inHypercare)
      .when(endHypercare, at(AFTER_END))
      .then([closedAt(AFTER_END)]);
  });

  it('closes with only SEV3/SEV4 incidents open', () => {
    spec
      .given([...inHypercare, incidentReported('inc-3', 'SEV3')])
      .when(endHypercare, at(AFTER_END))
      .then([closedAt(AFTER_END)]);
  });

  it('keeps the launch in HYPERCARE and records why while a SEV1 is open', () => {
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV1')])
      .when(endHypercare, at(AFTER_END))
      .thenEventsSatisfy((events) => {
        expect(events).toEqual([
          {
            type: 'HypercareOverrun',
            data: {
              launchId: LAUNCH_ID,
              hypercareEndsAt: '2026-04-15T08:00:00.000Z',
              code: ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS,
              reason: expect.stringContaining('inc-1 (SEV1)'),
              at: AFTER_END,
            },
          },
        ]);
      });
  });

  it('records the overrun once for the same end and reason', () => {
    const overrun: LaunchEvent = {
      type: 'HypercareOverrun',
      data: {
        launchId: LAUNCH_ID,
        hypercareEndsAt: '2026-04-15T08:00:00.000Z',
        code: ErrorCodes.LAUNCH_OPEN_CRITICAL_INCIDENTS,
        reason: 'open',
        at: AFTER_END,
      },
    };
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV1'), overrun])
      .when(endHypercare, at('2026-04-16T00:00:00.000Z'))
      .then([]);
  });

  it('closes after an overrun once the critical incident is resolved', () => {
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV1'), incidentResolved('inc-1')])
      .when(endHypercare, at(AFTER_END))
      .then([closedAt(AFTER_END)]);
  });

  it('keeps the launch open with LAUNCH.NOT_QUIET while the quiet period after a SEV2 runs', () => {
    const resolvedLate = {
      ...incidentResolved('inc-2'),
      data: { ...incidentResolved('inc-2').data, at: '2026-04-15T00:00:00.000Z' },
    };
    spec
      .given([...withQuiet(24), incidentReported('inc-2', 'SEV2'), resolvedLate])
      .when(endHypercare, at(AFTER_END))
      .thenEventsSatisfy((events) => {
        expect(events).toEqual([
          expect.objectContaining({
            type: 'HypercareOverrun',
            data: expect.objectContaining({ code: ErrorCodes.LAUNCH_NOT_QUIET }),
          }),
        ]);
      });
  });

  it('closes when the quiet period after the last SEV1/SEV2 is over', () => {
    spec
      .given([...withQuiet(24), incidentReported('inc-2', 'SEV2'), incidentResolved('inc-2')])
      .when(endHypercare, at(AFTER_END))
      .then([closedAt(AFTER_END)]);
  });

  it('is refused before hypercare ends, so the scheduler keeps its timer', () => {
    spec
      .given(inHypercare)
      .when(endHypercare, at('2026-04-15T07:59:59.000Z'))
      .thenThrows(ErrorCodes.LAUNCH_HYPERCARE_NOT_OVER);
  });

  it('waits for an extended hypercare', () => {
    const extended: HypercareExtended = {
      type: 'HypercareExtended',
      data: {
        launchId: LAUNCH_ID,
        days: 7,
        hypercareEndsAt: '2026-04-22T08:00:00.000Z',
        quietPeriodHours: null,
      },
    };
    spec
      .given([...inHypercare, extended])
      .when(endHypercare, at(AFTER_END))
      .thenThrows(ErrorCodes.LAUNCH_HYPERCARE_NOT_OVER);
  });

  it('is refused on a launch that was closed by hand meanwhile (the scheduler drops it)', () => {
    spec.given(closed).when(endHypercare, at(AFTER_END)).thenThrows(ErrorCodes.LAUNCH_CLOSED);
  });
});
