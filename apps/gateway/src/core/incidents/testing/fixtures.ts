import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The recorded-shape payloads of this folder (see fixtures/README.md), parsed fresh for each use. */
export const fixture = <T = Record<string, unknown>>(name: string): T =>
  JSON.parse(readFileSync(join(__dirname, 'fixtures', name), 'utf8')) as T;

interface PagerDutyFixture {
  event: {
    id: string;
    event_type: string;
    data: Record<string, unknown> & { priority: { summary: string } | null };
  };
}

/** A PagerDuty delivery of the fixture incident, with its id, event type, status, service and priority changed. */
export function pagerDutyDelivery(options: {
  incidentId: string;
  eventType: string;
  serviceId: string;
  priority?: string | null;
  urgency?: string;
}): PagerDutyFixture {
  const delivery = fixture<PagerDutyFixture>('pagerduty-incident-triggered.json');
  const status = options.eventType.replace('incident.', '');
  const { data } = delivery.event;
  delivery.event.event_type = options.eventType;
  delivery.event.id = `${options.incidentId}-${options.eventType}`;
  data.id = options.incidentId;
  data.html_url = `https://acme.pagerduty.com/incidents/${options.incidentId}`;
  data.status = ['triggered', 'acknowledged', 'resolved'].includes(status) ? status : 'triggered';
  (data.service as { id: string }).id = options.serviceId;
  if (options.priority === null) data.priority = null;
  else if (options.priority) data.priority = { ...(data.priority ?? {}), summary: options.priority };
  if (options.urgency) data.urgency = options.urgency;
  return delivery;
}

interface AlertmanagerFixture {
  status: string;
  commonLabels: Record<string, string>;
  alerts: { status: string; fingerprint: string; labels: Record<string, string> }[];
}

/** The grouped Alertmanager notification (three alerts), for `service`, the fingerprints prefixed. */
export function alertmanagerNotification(options: {
  service: string;
  prefix: string;
  status?: 'firing' | 'resolved';
}): AlertmanagerFixture {
  const notification = fixture<AlertmanagerFixture>('alertmanager-grouped-firing.json');
  const status = options.status ?? 'firing';
  notification.status = status;
  notification.commonLabels.service = options.service;
  for (const alert of notification.alerts) {
    alert.status = status;
    alert.labels.service = options.service;
    alert.fingerprint = `${options.prefix}${alert.fingerprint}`;
  }
  return notification;
}
