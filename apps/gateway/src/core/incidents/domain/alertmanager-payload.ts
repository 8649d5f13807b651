import type { NormalizedAlert, ParsedDelivery } from './normalized-alert';
import { externalIdOf, isRecord, linkOf, text, titleOf } from './normalized-alert';
import { alertmanagerSeverity } from './severity';

/** More alerts than this in one notification is not Alertmanager's doing (its groups are far smaller). */
export const MAX_ALERTS_PER_NOTIFICATION = 1_000;

const stringLabels = (value: unknown): Record<string, string> => {
  // A prototype-free object: label names like "__proto__" stay data.
  const labels: Record<string, string> = Object.create(null) as Record<string, string>;
  if (!isRecord(value)) return labels;
  for (const [name, label] of Object.entries(value)) if (typeof label === 'string') labels[name] = label;
  return labels;
};

/**
 * Alertmanager's `webhook_config` notification (version 4): a group of alerts, each its own incident by
 * `fingerprint`; `status` firing → triggered, resolved → resolved. Title: the `summary` annotation, else
 * the alert name; link: the alert's `generatorURL`.
 */
export function parseAlertmanagerNotification(body: unknown): ParsedDelivery {
  if (!isRecord(body)) return { kind: 'invalid', message: 'The body is not an Alertmanager notification' };
  if (body.version !== '4')
    return {
      kind: 'invalid',
      message: `Alertmanager webhook version ${JSON.stringify(body.version)} is not supported (use 4)`,
    };
  if (!Array.isArray(body.alerts)) return { kind: 'invalid', message: '"alerts" is missing' };
  if (body.alerts.length > MAX_ALERTS_PER_NOTIFICATION)
    return { kind: 'invalid', message: `At most ${MAX_ALERTS_PER_NOTIFICATION} alerts per notification` };
  const alerts: NormalizedAlert[] = [];
  for (const [index, alert] of body.alerts.entries()) {
    if (!isRecord(alert)) return { kind: 'invalid', message: `alerts[${index}] is not an object` };
    const externalId = externalIdOf(alert.fingerprint);
    if (externalId === null) return { kind: 'invalid', message: `alerts[${index}].fingerprint is missing` };
    const labels = stringLabels(alert.labels);
    const annotations = stringLabels(alert.annotations);
    alerts.push({
      source: 'ALERTMANAGER',
      externalId,
      status: text(alert.status) === 'resolved' ? 'resolved' : 'triggered',
      severity: alertmanagerSeverity(labels.severity),
      title: titleOf(annotations.summary, labels.alertname),
      url: linkOf(alert.generatorURL) ?? linkOf(body.externalURL),
      service: null,
      labels,
    });
  }
  return { kind: 'alerts', alerts };
}
