import { envelopeFactory } from '../testing/envelope-factory';
import {
  checklistEvents as C,
  item,
  LAUNCH_ID,
  launchEvents as L,
  QA_CHECKLIST,
  QA_ID,
  teamEvents,
} from '../testing/events';
import { eventsUpTo, launchAsOf } from './launch-as-of';

// One envelope per second from 2026-01-01T00:00:00Z: event n happens at second n.
const envelope = envelopeFactory();
const second = (n: number): Date => new Date(Date.UTC(2026, 0, 1, 0, 0, n));
const WAIVER_EXPIRES_AT = '2026-01-01T00:00:08.500Z';
const timeline = [
  envelope(QA_ID, teamEvents.created(QA_ID, 'qa', 'QA')), // 1
  envelope(LAUNCH_ID, L.created()), // 2
  envelope(LAUNCH_ID, L.teamRequired(QA_ID)), // 3
  envelope(
    QA_CHECKLIST,
    C.opened(QA_CHECKLIST, QA_ID, [item('i-1', { title: 'Smoke' }), item('i-2', { title: 'Load' })]),
  ), // 4
  envelope(QA_CHECKLIST, C.ticked(QA_CHECKLIST, 'i-1')), // 5
  envelope(QA_CHECKLIST, C.waived(QA_CHECKLIST, 'i-2', WAIVER_EXPIRES_AT)), // 6
  envelope(QA_CHECKLIST, C.signedOff(QA_CHECKLIST)), // 7
  envelope(LAUNCH_ID, L.goNoGo('GO')), // 8
  envelope(LAUNCH_ID, L.incidentReported('inc-1', 'SEV1')), // 9
  envelope(QA_ID, { type: 'TeamRenamed', data: { teamId: QA_ID, name: 'Quality' } }), // 10
];

describe('launchAsOf', () => {
  it('is null before the launch was created', () => {
    expect(launchAsOf(LAUNCH_ID, timeline, second(1))).toBeNull();
  });

  it('includes an event that happened exactly at the moment asked', () => {
    expect(launchAsOf(LAUNCH_ID, timeline, second(2))?.launch.status).toBe('PLANNING');
  });

  it('shows a required team whose checklist was not opened yet as not ready', () => {
    const asOf = launchAsOf(LAUNCH_ID, timeline, second(3));
    expect(asOf?.checklists).toEqual([]);
    expect(asOf?.readiness.blockers.map(({ code, teamKey }) => [code, teamKey])).toEqual([
      ['NOT_SIGNED_OFF', 'qa'],
    ]);
  });

  it('gives the state of that moment: ready and GO at second 8', () => {
    const asOf = launchAsOf(LAUNCH_ID, timeline, second(8));
    expect(asOf).toMatchObject({
      at: second(8).toISOString(),
      launch: { status: 'GO', version: 3 },
      readiness: { ready: true, percent: 100, blockers: [], computedAt: second(8).toISOString() },
      support: 'GREEN',
    });
    expect(asOf?.teams.map(({ name }) => name)).toEqual(['QA']);
    expect(asOf?.checklists[0].items.map(({ state }) => state)).toEqual(['DONE', 'WAIVED']);
  });

  it('judges waivers at that moment: the waiver lapsed at 8.5 s, so at second 9 the team is not ready', () => {
    const asOf = launchAsOf(LAUNCH_ID, timeline, second(9));
    expect(asOf?.support).toBe('RED');
    expect(asOf?.readiness.ready).toBe(false);
    expect(asOf?.readiness.blockers.map(({ code, itemId }) => [code, itemId])).toEqual([
      ['WAIVER_EXPIRED', 'i-2'],
      ['NOT_SIGNED_OFF', null],
    ]);
  });

  it('shows teams as they were then (renamed only at second 10)', () => {
    expect(launchAsOf(LAUNCH_ID, timeline, second(9))?.teams[0].name).toBe('QA');
    expect(launchAsOf(LAUNCH_ID, timeline, second(10))?.teams[0].name).toBe('Quality');
  });

  it('does not depend on the order the streams are given in', () => {
    const shuffled = [...timeline].reverse();
    expect(launchAsOf(LAUNCH_ID, shuffled, second(8))).toEqual(launchAsOf(LAUNCH_ID, timeline, second(8)));
  });
});

describe('eventsUpTo', () => {
  it('keeps, per stream, the prefix that occurred by then (a later clock step back does not leak in)', () => {
    const stream = envelopeFactory();
    const first = stream('s', L.created(), { at: '2026-01-01T00:00:01.000Z' });
    const late = stream('s', L.teamRequired(QA_ID), { at: '2026-01-01T00:00:05.000Z' });
    const skewed = stream('s', L.teamReleased(QA_ID), { at: '2026-01-01T00:00:02.000Z' });
    expect(eventsUpTo([skewed, late, first], second(3)).map(({ streamPosition }) => streamPosition)).toEqual([
      1,
    ]);
  });
});
