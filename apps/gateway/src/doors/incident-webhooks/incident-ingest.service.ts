import type { IncidentIngestConfig } from '../../core/incidents/config/incident-ingest-config';
import type { IncidentAlertMetrics } from '../../core/incidents/ingest/incident-alert-metrics';
import type { IngestAlerts } from '../../core/incidents/ingest/ingest-alerts';

/** What the incident endpoints share: their secrets, the ingestion and its counter. */
export class IncidentIngestService {
  constructor(
    readonly config: IncidentIngestConfig,
    readonly alerts: IngestAlerts,
    readonly metrics: IncidentAlertMetrics,
  ) {}
}
