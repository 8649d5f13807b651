import { alertmanagerNotification, fixture, pagerDutyDelivery } from '../testing/fixtures';
import { parseAlertmanagerNotification } from './alertmanager-payload';
import { parseGenericAlert } from './generic-payload';
import { parsePagerDutyDelivery } from './pagerduty-payload';

describe('PagerDuty V3 deliveries', () => {
  it('reads the recorded incident.triggered delivery', () => {
    expect(parsePagerDutyDelivery(fixture('pagerduty-incident-triggered.json'))).toEqual({
      kind: 'alerts',
      alerts: [
        {
          source: 'PAGERDUTY',
          externalId: 'PGR0VU2',
          status: 'triggered',
          severity: 'SEV1',
          title: 'Checkout error rate above 5%',
          url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
          service: 'PF9KMXH',
          labels: null,
        },
      ],
    });
  });

  it.each([
    ['incident.acknowledged', 'acknowledged'],
    ['incident.resolved', 'resolved'],
    ['incident.reopened', 'triggered'],
    ['incident.unacknowledged', 'triggered'],
  ])('maps %s to %s', (eventType, status) => {
    const parsed = parsePagerDutyDelivery(pagerDutyDelivery({ incidentId: 'Q1', eventType, serviceId: 'S' }));
    expect(parsed).toMatchObject({ kind: 'alerts', alerts: [{ status }] });
  });

  it('takes the severity of a priority update and keeps the status the incident has', () => {
    const delivery = pagerDutyDelivery({
      incidentId: 'Q1',
      eventType: 'incident.priority_updated',
      serviceId: 'S',
      priority: 'P3',
    });
    delivery.event.data.status = 'acknowledged';
    expect(parsePagerDutyDelivery(delivery)).toMatchObject({
      alerts: [{ status: 'acknowledged', severity: 'SEV3' }],
    });
  });

  it('falls back to the urgency without a priority', () => {
    const delivery = pagerDutyDelivery({
      incidentId: 'Q1',
      eventType: 'incident.triggered',
      serviceId: 'S',
      priority: null,
      urgency: 'low',
    });
    expect(parsePagerDutyDelivery(delivery)).toMatchObject({ alerts: [{ severity: 'SEV3' }] });
  });

  it('ignores event types that do not change an incident', () => {
    const delivery = pagerDutyDelivery({ incidentId: 'Q1', eventType: 'incident.annotated', serviceId: 'S' });
    expect(parsePagerDutyDelivery(delivery)).toMatchObject({ kind: 'ignored' });
  });

  it('drops a link that is not http(s)', () => {
    const delivery = pagerDutyDelivery({ incidentId: 'Q1', eventType: 'incident.triggered', serviceId: 'S' });
    delivery.event.data.html_url = 'javascript:alert(1)';
    expect(parsePagerDutyDelivery(delivery)).toMatchObject({ alerts: [{ url: null }] });
  });

  it.each([
    [null],
    [{}],
    [{ event: { event_type: 'incident.triggered' } }],
    [{ event: { event_type: 'incident.triggered', data: { id: '' } } }],
  ])('refuses a body that is not a delivery: %j', (body) => {
    expect(parsePagerDutyDelivery(body)).toMatchObject({ kind: 'invalid' });
  });
});

describe('Alertmanager notifications (webhook_config, version 4)', () => {
  it('splits a grouped notification into one alert per fingerprint', () => {
    const parsed = parseAlertmanagerNotification(fixture('alertmanager-grouped-firing.json'));
    expect(parsed.kind).toBe('alerts');
    if (parsed.kind !== 'alerts') return;
    expect(parsed.alerts.map((a) => [a.externalId, a.status, a.severity])).toEqual([
      ['1a30ba71cca2921f', 'triggered', 'SEV1'],
      ['bc97ff14869b13e3', 'triggered', 'SEV3'],
      ['c6eadffa33fcdf37', 'triggered', 'SEV4'],
    ]);
    expect(parsed.alerts[0]).toMatchObject({
      source: 'ALERTMANAGER',
      title: 'Checkout 5xx above 5% on checkout-1',
      url: expect.stringMatching(/^http:\/\/prometheus\.example\.com:9090\/graph/),
      labels: expect.objectContaining({ service: 'checkout' }),
    });
  });

  it('reads resolved alerts as resolved', () => {
    const notification = alertmanagerNotification({ service: 'checkout', prefix: 'x', status: 'resolved' });
    expect(parseAlertmanagerNotification(notification)).toMatchObject({
      alerts: [{ status: 'resolved' }, { status: 'resolved' }, { status: 'resolved' }],
    });
  });

  it.each([
    ['another version', { version: '3', alerts: [] }],
    ['no alerts', { version: '4' }],
    ['an alert without fingerprint', { version: '4', alerts: [{ status: 'firing', labels: {} }] }],
    ['too many alerts', { version: '4', alerts: Array.from({ length: 1001 }, () => ({})) }],
  ])('refuses %s', (_what, body) => {
    expect(parseAlertmanagerNotification(body)).toMatchObject({ kind: 'invalid' });
  });
});

describe('generic alerts', () => {
  it('reads the documented format', () => {
    expect(parseGenericAlert(fixture('generic-alert.json'))).toEqual({
      kind: 'alerts',
      alerts: [
        {
          source: 'GENERIC',
          externalId: 'deploy-incident-42',
          status: 'triggered',
          severity: 'SEV2',
          title: 'Checkout deploy failed health checks',
          url: 'https://status.example.com/incidents/42',
          service: 'checkout',
          labels: null,
        },
      ],
    });
  });

  it.each([
    ['no service', { id: 'x', status: 'triggered', severity: 'SEV1' }],
    ['an unknown status', { service: 's', id: 'x', status: 'firing', severity: 'SEV1' }],
    ['an unknown severity', { service: 's', id: 'x', status: 'triggered', severity: 'P1' }],
    ['an id of 201 characters', { service: 's', id: 'x'.repeat(201), status: 'triggered', severity: 'SEV1' }],
  ])('refuses %s', (_what, body) => {
    expect(parseGenericAlert(body)).toMatchObject({ kind: 'invalid' });
  });
});
