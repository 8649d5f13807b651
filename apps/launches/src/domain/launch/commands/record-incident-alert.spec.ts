import {
  ErrorCodes,
  type IncidentAlertStatus,
  type LaunchEvent,
  type RecordIncidentAlert,
  type Severity,
} from '@tminus/contracts';
import { deciderSpec } from '@tminus/testing';
import { launchDecider } from '../launch.decider';
import { closed, context, inGo, inHypercare, incidentReported, LAUNCH_ID, NOW } from '../launch.fixtures';

const spec = deciderSpec(launchDecider);
const URL_PD = 'https://acme.pagerduty.com/incidents/Q1';
const stamp = { launchId: LAUNCH_ID, by: 'maria', at: NOW.toISOString() };

const alert = (
  status: IncidentAlertStatus,
  severity: Severity = 'SEV2',
  overrides: Partial<RecordIncidentAlert['data']> = {},
): RecordIncidentAlert => ({
  type: 'RecordIncidentAlert',
  data: {
    launchId: LAUNCH_ID,
    incidentId: 'inc-pd-1',
    source: 'PAGERDUTY',
    externalId: 'Q1',
    status,
    severity,
    title: 'Checkout errors',
    url: URL_PD,
    ...overrides,
  },
});

const reported = (severity: Severity = 'SEV2'): LaunchEvent => ({
  type: 'IncidentReported',
  data: {
    ...stamp,
    incidentId: 'inc-pd-1',
    severity,
    title: 'Checkout errors',
    source: 'PAGERDUTY',
    externalId: 'Q1',
    url: URL_PD,
  },
});
const acknowledged: LaunchEvent = {
  type: 'IncidentAcknowledged',
  data: { ...stamp, incidentId: 'inc-pd-1' },
};
const resolved: LaunchEvent = {
  type: 'IncidentResolved',
  data: { ...stamp, incidentId: 'inc-pd-1', resolution: null },
};

describe('RecordIncidentAlert', () => {
  it('reports a new incident with its source, external id and link', () => {
    spec.given(inHypercare).when(alert('triggered'), { context }).then([reported()]);
  });

  it('changes nothing when the same alert is delivered again', () => {
    spec
      .given([...inHypercare, reported()])
      .when(alert('triggered'), { context })
      .then([]);
  });

  it('finds the incident by (source, external id), whatever incident id the redelivery carries', () => {
    spec
      .given([...inHypercare, reported()])
      .when(alert('acknowledged', 'SEV2', { incidentId: 'another-id' }), { context })
      .then([acknowledged]);
  });

  it('keeps incidents of different sources with the same external id apart', () => {
    spec
      .given([...inHypercare, reported()])
      .when(alert('triggered', 'SEV3', { source: 'GENERIC', incidentId: 'inc-gen-1', url: null }), {
        context,
      })
      .thenEventsSatisfy((events) => {
        expect(events).toEqual([
          expect.objectContaining({
            type: 'IncidentReported',
            data: expect.objectContaining({ incidentId: 'inc-gen-1', source: 'GENERIC', externalId: 'Q1' }),
          }),
        ]);
      });
  });

  it('acknowledges an open incident once', () => {
    spec
      .given([...inHypercare, reported()])
      .when(alert('acknowledged'), { context })
      .then([acknowledged]);
    spec
      .given([...inHypercare, reported(), acknowledged])
      .when(alert('acknowledged'), { context })
      .then([]);
  });

  it('resolves an open incident', () => {
    spec
      .given([...inHypercare, reported(), acknowledged])
      .when(alert('resolved'), { context })
      .then([resolved]);
  });

  it('reports and resolves at once an incident whose resolve arrives before its trigger', () => {
    spec.given(inHypercare).when(alert('resolved'), { context }).then([reported(), resolved]);
  });

  it('leaves a resolved incident resolved when its trigger arrives late', () => {
    spec
      .given([...inHypercare, reported(), resolved])
      .when(alert('triggered', 'SEV1'), { context })
      .then([]);
  });

  it('reports and acknowledges at once an incident first seen acknowledged', () => {
    spec.given(inHypercare).when(alert('acknowledged'), { context }).then([reported(), acknowledged]);
  });

  it('records a change of severity', () => {
    spec
      .given([...inHypercare, reported('SEV2')])
      .when(alert('triggered', 'SEV1'), { context })
      .then([
        {
          type: 'IncidentSeverityChanged',
          data: { ...stamp, incidentId: 'inc-pd-1', severity: 'SEV1', previousSeverity: 'SEV2' },
        },
      ]);
  });

  it('does not count a hand-reported incident with the same id as the external one', () => {
    spec
      .given([...inHypercare, incidentReported('Q1', 'SEV3')])
      .when(alert('triggered', 'SEV2', { incidentId: 'inc-pd-1' }), { context })
      .then([reported()]);
  });

  it('still resolves a known incident after hypercare was extended and while the launch is live', () => {
    spec
      .given([...inHypercare, reported()])
      .when(alert('resolved'), { context })
      .then([resolved]);
  });

  it('refuses a new incident on a launch that is not live', () => {
    spec.given(inGo).when(alert('triggered'), { context }).thenThrows(ErrorCodes.LAUNCH_NOT_LIVE);
  });

  it('refuses any alert on a closed launch', () => {
    spec.given(closed).when(alert('triggered'), { context }).thenThrows(ErrorCodes.LAUNCH_CLOSED);
  });

  it.each([
    ['an unknown source', { source: 'NAGIOS' }],
    ['an unknown status', { status: 'snoozed' }],
    ['an unknown severity', { severity: 'SEV9' }],
    ['a blank external id', { externalId: ' ' }],
    ['a blank title', { title: '' }],
    ['a javascript: link', { url: 'javascript:alert(1)' }],
  ])('refuses %s', (_what, overrides) => {
    spec
      .given(inHypercare)
      .when(alert('triggered', 'SEV2', overrides as Partial<RecordIncidentAlert['data']>), { context })
      .thenThrows(ErrorCodes.LAUNCH_INVALID_INPUT);
  });
});
