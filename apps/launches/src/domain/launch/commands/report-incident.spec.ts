import { ErrorCodes, type ReportIncident, type Severity } from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import {
  context,
  inGo,
  inHypercare,
  inPlanning,
  incidentReported,
  incidentResolved,
  LAUNCH_ID,
  NOW,
} from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const report = (incidentId: string, severity: Severity, title = 'Checkout errors'): ReportIncident => ({
  type: 'ReportIncident',
  data: { launchId: LAUNCH_ID, incidentId, severity, title },
});

describe('ReportIncident', () => {
  it('reports an incident during hypercare, by the actor, now', () => {
    spec
      .given(inHypercare)
      .when(report('inc-1', 'SEV2', '  Checkout errors '), { context })
      .then([
        {
          type: 'IncidentReported',
          data: {
            launchId: LAUNCH_ID,
            incidentId: 'inc-1',
            severity: 'SEV2',
            title: 'Checkout errors',
            by: 'maria',
            at: NOW.toISOString(),
            source: null,
            externalId: null,
            url: null,
          },
        },
      ]);
  });

  it('refuses an incident id that was already reported', () => {
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV3')])
      .when(report('inc-1', 'SEV1'), { context })
      .thenThrows(ErrorCodes.INCIDENT_ALREADY_EXISTS);
  });

  it('refuses an incident id that was reported and resolved', () => {
    spec
      .given([...inHypercare, incidentReported('inc-1', 'SEV3'), incidentResolved('inc-1')])
      .when(report('inc-1', 'SEV3'), { context })
      .thenThrows(ErrorCodes.INCIDENT_ALREADY_EXISTS);
  });

  it.each([
    ['planning', inPlanning],
    ['go', inGo],
  ])('refuses a %s launch that is not live', (_status, history) => {
    spec.given(history).when(report('inc-1', 'SEV1'), { context }).thenThrows(ErrorCodes.LAUNCH_NOT_LIVE);
  });

  it('refuses an unknown severity', () => {
    spec
      .given(inHypercare)
      .when(report('inc-1', 'SEV5' as Severity), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });

  it('refuses a blank title', () => {
    spec
      .given(inHypercare)
      .when(report('inc-1', 'SEV1', ' '), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
