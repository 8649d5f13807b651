import type { LaunchEvent } from '@tminus/contracts';
import { applyLaunchEvent } from '../projection/launch.reducer';
import { envelopeFactory } from '../testing/envelope-factory';
import { LAUNCH_ID, launchEvents as L } from '../testing/events';
import type { LaunchView } from '../views';
import { supportOf, supportStatus } from './support-status';

/** The support status after each event, from a live launch on. */
const statusesAlong = (events: LaunchEvent[]): string[] => {
  const envelope = envelopeFactory();
  let view: LaunchView | null = null;
  for (const event of [L.created(), L.goNoGo('GO'), L.wentLive()])
    view = applyLaunchEvent(view, envelope(LAUNCH_ID, event));
  return events.map((event) => {
    view = applyLaunchEvent(view, envelope(LAUNCH_ID, event));
    if (view === null) throw new Error('no launch');
    return supportStatus(view);
  });
};

describe('supportStatus', () => {
  it('goes AMBER with a SEV3/SEV4, RED with a SEV1/SEV2, and back as they resolve', () => {
    expect(
      statusesAlong([
        L.incidentReported('minor', 'SEV4'),
        L.incidentReported('medium', 'SEV3'),
        L.incidentReported('major', 'SEV2'),
        L.incidentReported('outage', 'SEV1'),
        L.incidentResolved('major'),
        L.incidentResolved('outage'),
        L.incidentResolved('minor'),
        L.incidentResolved('medium'),
      ]),
    ).toEqual(['AMBER', 'AMBER', 'RED', 'RED', 'RED', 'AMBER', 'AMBER', 'GREEN']);
  });

  it('is GREEN without incidents, and reports hypercare end and incidents', () => {
    const envelope = envelopeFactory();
    const view = [
      L.created(),
      L.goNoGo('GO'),
      L.wentLive(),
      L.incidentReported('inc', 'SEV3'),
      L.incidentResolved('inc'),
    ].reduce<LaunchView | null>(
      (current, event) => applyLaunchEvent(current, envelope(LAUNCH_ID, event)),
      null,
    );
    if (view === null) throw new Error('no launch');
    expect(supportOf(view)).toEqual({
      status: 'GREEN',
      hypercareEndsAt: '2026-03-15T09:00:00.000Z',
      incidents: [expect.objectContaining({ id: 'inc', status: 'RESOLVED' })],
    });
  });
});
