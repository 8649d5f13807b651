import type { IncidentAlertStatus } from '@tminus/contracts';
import { pagerDutySeverity } from './severity';
import { externalIdOf, isRecord, linkOf, text, titleOf, type ParsedDelivery } from './normalized-alert';

/** Event types that change what tminus shows; every other one (annotated, escalated…) is acknowledged and ignored. */
const LIFECYCLE: Readonly<Record<string, IncidentAlertStatus | 'current'>> = {
  'incident.triggered': 'triggered',
  'incident.reopened': 'triggered',
  'incident.unacknowledged': 'triggered',
  'incident.acknowledged': 'acknowledged',
  'incident.resolved': 'resolved',
  // The status does not change: take the one the incident carries.
  'incident.priority_updated': 'current',
};

const STATUSES = new Set<string>(['triggered', 'acknowledged', 'resolved']);

/**
 * A PagerDuty V3 webhook delivery: `{ event: { event_type, resource_type, data: <incident> } }`, the
 * incident with `id`, `title`, `html_url`, `status`, `service.id`, `urgency`, `priority.summary`.
 */
export function parsePagerDutyDelivery(body: unknown): ParsedDelivery {
  const event = isRecord(body) ? body.event : undefined;
  if (!isRecord(event))
    return { kind: 'invalid', message: 'The body has no "event" object (PagerDuty V3 webhook)' };
  const type = text(event.event_type);
  if (type === null) return { kind: 'invalid', message: 'event.event_type is missing' };
  const lifecycle = LIFECYCLE[type];
  if (lifecycle === undefined)
    return { kind: 'ignored', reason: `event type ${type} does not change an incident` };
  const data = event.data;
  if (!isRecord(data)) return { kind: 'invalid', message: 'event.data is missing' };
  const externalId = externalIdOf(data.id);
  if (externalId === null)
    return { kind: 'invalid', message: 'event.data.id is missing or longer than 200 characters' };
  const service = isRecord(data.service) ? text(data.service.id) : null;
  const current = text(data.status);
  const status: IncidentAlertStatus =
    lifecycle !== 'current'
      ? lifecycle
      : current !== null && STATUSES.has(current)
        ? (current as IncidentAlertStatus)
        : 'triggered';
  const priority = isRecord(data.priority) ? text(data.priority.summary) : null;
  const alert = {
    source: 'PAGERDUTY' as const,
    externalId,
    status,
    severity: pagerDutySeverity(priority, text(data.urgency)),
    title: titleOf(data.title, data.summary),
    url: linkOf(data.html_url),
    service,
    labels: null,
  };
  return { kind: 'alerts', alerts: [alert] };
}
