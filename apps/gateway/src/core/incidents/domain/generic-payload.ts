import {
  INCIDENT_ALERT_STATUSES,
  SEVERITIES,
  type IncidentAlertStatus,
  type Severity,
} from '@tminus/contracts';
import { externalIdOf, isRecord, linkOf, text, titleOf, type ParsedDelivery } from './normalized-alert';

const oneOf = <T extends string>(value: unknown, allowed: readonly T[]): T | null =>
  typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** Our generic format: `{ service, id, status, severity, title, url }` (product.md). */
export function parseGenericAlert(body: unknown): ParsedDelivery {
  if (!isRecord(body)) return { kind: 'invalid', message: 'The body must be a JSON object' };
  const service = text(body.service);
  if (service === null || service.length > 200)
    return { kind: 'invalid', message: '"service" is required (at most 200 characters)' };
  const externalId = externalIdOf(body.id);
  if (externalId === null) return { kind: 'invalid', message: '"id" is required (at most 200 characters)' };
  const status = oneOf<IncidentAlertStatus>(body.status, INCIDENT_ALERT_STATUSES);
  if (status === null)
    return { kind: 'invalid', message: `"status" must be one of ${INCIDENT_ALERT_STATUSES.join(', ')}` };
  const severity = oneOf<Severity>(body.severity, SEVERITIES);
  if (severity === null)
    return { kind: 'invalid', message: `"severity" must be one of ${SEVERITIES.join(', ')}` };
  const alert = {
    source: 'GENERIC' as const,
    externalId,
    status,
    severity,
    title: titleOf(body.title),
    url: linkOf(body.url),
    service,
    labels: null,
  };
  return { kind: 'alerts', alerts: [alert] };
}
