import { deterministicId, type Actor, type RecordIncidentAlert } from '@tminus/contracts';
import type { Logger } from 'pino';
import { CommandRejectedError } from '../../commands/command-outcome';
import type { CommandSender } from '../../commands/command-sender';
import type { GatewayChange } from '../../read-model/audit/audit-trail';
import type { LaunchView } from '../../read-model/domain';
import { matchesLabels, parseLabelMatcher } from '../domain/label-matcher';
import type { NormalizedAlert } from '../domain/normalized-alert';
import type { IncidentSourceMapping, IncidentSourceMappings } from '../store/incident-source-mappings';
import type { AlertOutcome, IncidentAlertMetrics } from './incident-alert-metrics';

export interface AlertResult {
  readonly externalId: string;
  readonly outcome: AlertOutcome;
  readonly launchId: string | null;
  readonly incidentId: string | null;
  readonly code?: string;
}

export interface IngestDeps {
  readonly mappings: Pick<IncidentSourceMappings, 'list'>;
  readonly launches: { launch(idOrKey: string): Promise<LaunchView | null> };
  readonly sender: Pick<CommandSender, 'send'>;
  readonly audit: { record(change: GatewayChange): Promise<void> } | null;
  readonly metrics: IncidentAlertMetrics;
  readonly logger: Pick<Logger, 'warn'>;
}

/** Alerts of one notification recorded at once; a larger group waits for the previous ones. */
const CONCURRENCY = 16;

/** The integration, as the actor of the incidents it reports. */
export const integrationActor = (source: string): Actor => ({
  userId: `integration:${source.toLowerCase()}`,
  role: 'SYSTEM',
});

/** The same alert maps to the same incident id on every delivery (a redelivery racing the first one too). */
export const incidentIdFor = (alert: NormalizedAlert, launchId: string): string =>
  deterministicId('incident', launchId, alert.source, alert.externalId);

/**
 * Turns normalized alerts into `RecordIncidentAlert` commands for the launch their service is mapped to.
 * An alert is never dropped silently: unmapped ones, ones for a launch not in HYPERCARE and ones the
 * launches service refuses are recorded in the audit log as ignored and counted.
 */
export class IngestAlerts {
  constructor(private readonly deps: IngestDeps) {}

  async ingest(alerts: readonly NormalizedAlert[]): Promise<AlertResult[]> {
    if (alerts.length === 0) return [];
    const mappings = await this.deps.mappings.list(alerts[0].source);
    // A grouped notification names the same launch for each alert: read it once per delivery.
    const launches = new Map<string, Promise<LaunchView | null>>();
    const launchOf = (launchId: string): Promise<LaunchView | null> => {
      const known = launches.get(launchId) ?? this.deps.launches.launch(launchId);
      launches.set(launchId, known);
      return known;
    };
    const results: AlertResult[] = [];
    for (let start = 0; start < alerts.length; start += CONCURRENCY) {
      const chunk = alerts.slice(start, start + CONCURRENCY);
      results.push(...(await Promise.all(chunk.map((alert) => this.one(alert, mappings, launchOf)))));
    }
    return results;
  }

  private async one(
    alert: NormalizedAlert,
    mappings: readonly IncidentSourceMapping[],
    launchOf: (launchId: string) => Promise<LaunchView | null>,
  ): Promise<AlertResult> {
    const mapping = mappingFor(alert, mappings);
    if (mapping === null) return this.ignore(alert, null, 'unmapped', 'no mapping for its service');
    const launch = await launchOf(mapping.launchId);
    if (launch === null || launch.status !== 'HYPERCARE') {
      const status = launch?.status ?? 'unknown';
      return this.ignore(
        alert,
        mapping.launchId,
        'not_in_hypercare',
        `launch is ${status}, not in HYPERCARE`,
      );
    }
    const incidentId = incidentIdFor(alert, launch.id);
    const command: RecordIncidentAlert = {
      type: 'RecordIncidentAlert',
      data: {
        launchId: launch.id,
        incidentId,
        source: alert.source,
        externalId: alert.externalId,
        status: alert.status,
        severity: alert.severity,
        title: alert.title,
        url: alert.url,
      },
    };
    try {
      await this.deps.sender.send(
        { service: 'launches', aggregateId: launch.id, command },
        { actor: integrationActor(alert.source) },
      );
    } catch (error) {
      if (!(error instanceof CommandRejectedError)) throw error;
      return this.ignore(alert, launch.id, 'rejected', `refused: ${error.code} ${error.message}`, error.code);
    }
    this.deps.metrics.count(alert.source, 'recorded');
    return { externalId: alert.externalId, outcome: 'recorded', launchId: launch.id, incidentId };
  }

  private async ignore(
    alert: NormalizedAlert,
    launchId: string | null,
    outcome: AlertOutcome,
    why: string,
    code?: string,
  ): Promise<AlertResult> {
    this.deps.metrics.count(alert.source, outcome);
    const service = alert.service ?? (alert.labels ? JSON.stringify(alert.labels) : null);
    await this.deps.audit?.record({
      type: 'IncidentAlertIgnored',
      subjectId: `${alert.source}:${alert.externalId}`,
      actor: integrationActor(alert.source),
      launchId,
      summary: `${alert.source} alert ${alert.externalId} (${alert.status}, ${alert.severity}) ignored: ${why}`,
      data: { source: alert.source, externalId: alert.externalId, outcome, service, code: code ?? null },
    });
    if (outcome === 'rejected')
      this.deps.logger.warn({ alert: alert.externalId, code }, 'incident alert refused');
    return { externalId: alert.externalId, outcome, launchId, incidentId: null, ...(code && { code }) };
  }
}

/** PagerDuty and generic alerts map by their service exactly; Alertmanager ones by the first matcher that fits. */
export function mappingFor(
  alert: NormalizedAlert,
  mappings: readonly IncidentSourceMapping[],
): IncidentSourceMapping | null {
  for (const mapping of mappings) {
    if (mapping.source !== alert.source) continue;
    if (alert.labels !== null) {
      const conditions = parseLabelMatcher(mapping.match);
      if (conditions !== null && matchesLabels(conditions, alert.labels)) return mapping;
    } else if (alert.service !== null && mapping.match === alert.service) {
      return mapping;
    }
  }
  return null;
}
