import { Counter, type Registry } from 'prom-client';

export type AlertOutcome =
  'recorded' | 'unmapped' | 'not_in_hypercare' | 'rejected' | 'ignored_event' | 'invalid' | 'unauthorized';

/** `tminus_incident_alerts_total{source,outcome}`: every alert counted, none lost silently. */
export class IncidentAlertMetrics {
  private readonly alerts: Counter<'source' | 'outcome'>;

  constructor(registry: Registry | null) {
    const name = 'tminus_incident_alerts_total';
    const existing = registry?.getSingleMetric(name);
    this.alerts =
      (existing as Counter<'source' | 'outcome'> | undefined) ??
      new Counter({
        name,
        help: 'Alerts received from on-call tools, by source and what became of them',
        labelNames: ['source', 'outcome'] as const,
        registers: registry ? [registry] : [],
      });
  }

  count(source: string, outcome: AlertOutcome, alerts = 1): void {
    this.alerts.inc({ source: source.toLowerCase(), outcome }, alerts);
  }
}
