import type { LaunchEvent } from '@tminus/contracts';
import { launchDecider } from './launch.decider';
import { inHypercare, LAUNCH_ID } from './launch.fixtures';
import { externalIncidentKey, type ExistingLaunch } from './state';

const reported = (i: number): LaunchEvent => ({
  type: 'IncidentReported',
  data: {
    launchId: LAUNCH_ID,
    incidentId: `inc-${i}`,
    severity: 'SEV3',
    title: `Alert ${i}`,
    by: 'integration:generic',
    at: '2026-04-02T08:00:00.000Z',
    source: 'GENERIC',
    externalId: `alert-${i}`,
    url: null,
  },
});
const fold = (events: LaunchEvent[]) =>
  events.reduce(launchDecider.evolve, launchDecider.initialState()) as ExistingLaunch;

describe('folding incidents (grown in place, one copy per fold)', () => {
  it('keeps every incident of a long stream, findable by its external id', () => {
    const launch = fold([...inHypercare, ...Array.from({ length: 1_000 }, (_, i) => reported(i))]);
    expect(launch.incidents.size).toBe(1_000);
    expect(launch.externalIncidents.get(externalIncidentKey('GENERIC', 'alert-999'))).toBe('inc-999');
  });

  it('never changes a state it did not create in the same fold', () => {
    const before = fold([...inHypercare, reported(1)]);
    const handMade: ExistingLaunch = { ...before, incidents: new Map(before.incidents) };
    launchDecider.evolve(handMade, reported(2));
    launchDecider.evolve(handMade, reported(3));
    expect([...handMade.incidents.keys()]).toEqual(['inc-1']);
  });

  it('gives each fold of the same history its own maps', () => {
    const history = [...inHypercare, reported(1)];
    const first = fold(history);
    const second = fold([...history, reported(2)]);
    expect(first.incidents.size).toBe(1);
    expect(second.incidents.size).toBe(2);
  });
});
