import { ErrorCodes, type ResolveIncident } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { context, inHypercare, incidentReported, incidentResolved, LAUNCH_ID, NOW } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const resolve = (incidentId: string, resolution?: string): ResolveIncident => ({
  type: 'ResolveIncident',
  data: { launchId: LAUNCH_ID, incidentId, resolution },
});
const withIncident = [...inHypercare, incidentReported('inc-1', 'SEV1')];

describe('ResolveIncident', () => {
  it('resolves an open incident, by the actor, now', () => {
    spec
      .given(withIncident)
      .when(resolve('inc-1', 'Rolled back the cache change'), { context })
      .then([
        {
          type: 'IncidentResolved',
          data: {
            launchId: LAUNCH_ID,
            incidentId: 'inc-1',
            resolution: 'Rolled back the cache change',
            by: 'maria',
            at: NOW.toISOString(),
          },
        },
      ]);
  });

  it('refuses an incident that does not exist', () => {
    spec.given(withIncident).when(resolve('inc-2'), { context }).thenThrows(ErrorCodes.INCIDENT_NOT_FOUND);
  });

  it('refuses an incident that is already resolved', () => {
    spec
      .given([...withIncident, incidentResolved('inc-1')])
      .when(resolve('inc-1'), { context })
      .thenThrows(ErrorCodes.INCIDENT_ALREADY_RESOLVED);
  });
});
